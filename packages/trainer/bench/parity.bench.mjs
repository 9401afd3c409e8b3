// Quality parity with gensim, as a paired multi-seed study (issue #20).
//
// For every configuration (corpus × architecture × workers × unigram α) both
// trainers run with the same settings on the same prepared corpus file — gensim
// 4.2 (`bench/gensim-train.py`: size 100, window 5, k 5, sample 1e-3, min_count
// 5, 5 epochs, alpha 0.025 → 1e-4, `ns_exponent` = α) and @neglab/trainer with
// its defaults and the same values — once per seed 1..N. Every vector set is
// scored by @neglab/eval exactly as gensim scores (analogy accuracy on
// questions-words.txt over the 30,000 most frequent words, case-insensitive;
// Spearman ρ on WordSim-353, SimLex-999 and MEN).
//
// Seed s of ours is paired with seed s of gensim. The two tools draw from
// different random streams, so the pairs are independent draws of (ours, gensim)
// and the differences d_s = ours_s − gensim_s are i.i.d.: the bench prints, per
// benchmark, the mean difference with its 95% paired t interval, the paired
// t-test's p Holm-adjusted over the whole table, and Schuirmann's TOST verdict
// (`equivalenceTest` of @neglab/eval) at ±0.25 analogy points and ±0.01
// Spearman ρ — "equivalent" when the 90% interval lies inside the margin.
//
// Runs are cached in $NEGLAB_BENCH_DIR/parity/runs, keyed by tool, configuration,
// seed, overrides and (for ours) a hash of the built trainer, so an interrupted
// study resumes and a rebuilt trainer is re-run. --jobs runs trainings side by
// side (quality only: no timing is reported here).
//
// Ablations switch one difference at a time: --ours '{"inputInit":"word2vec"}'
// overrides our settings; --gensim '{"batch_words":1000}' passes Word2Vec keyword
// arguments to gensim (and "decayBy":"words" makes it decay the learning rate by
// raw words rather than sentences; see gensim-train.py). The report is printed and written as Markdown to
// $NEGLAB_BENCH_DIR/parity/<tag>.md.
//
//   pnpm --filter @neglab/trainer bench:parity [-- --seeds 10 --corpus brown,prose --arch skipgram,cbow
//     --workers 1,2 --alphas 0.75,0 --jobs 2 --ours '{…}' --gensim '{…}' --tag name]
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { equivalenceTest, holm, pairedMeanDifference } from "@neglab/eval/stats";
import { readEmbeddings } from "@neglab/vectors";
import { evaluateQuality } from "./evaluate.mjs";
import {
  WORK,
  benchArgs,
  benchCorpus,
  dataDir,
  hasGensim,
  jsonObjectFlag,
  runGensim,
  runOurs,
} from "./reference-tools.mjs";

const { values: flags } = parseArgs({
  args: benchArgs(),
  options: {
    seeds: { type: "string", default: "10" },
    corpus: { type: "string", default: "brown,prose" },
    arch: { type: "string", default: "skipgram,cbow" },
    workers: { type: "string", default: "1,2" },
    alphas: { type: "string", default: "0.75,0" },
    jobs: { type: "string", default: "2" },
    ours: { type: "string", default: "{}" },
    gensim: { type: "string", default: "{}" },
    tag: { type: "string" },
  },
});

/** The benchmarks, their display, and the equivalence margin of each (analogy as a fraction). */
const BENCHMARKS = [
  {
    key: "analogy",
    name: "analogy (30k)",
    margin: 0.0025,
    show: (v) => `${(100 * v).toFixed(2)}%`,
    showDiff: (v) => `${v >= 0 ? "+" : "−"}${Math.abs(100 * v).toFixed(2)}`,
  },
  {
    key: "ws353",
    name: "WordSim-353 ρ",
    margin: 0.01,
    show: (v) => v.toFixed(3),
    showDiff: (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(4)}`,
  },
  {
    key: "simlex",
    name: "SimLex-999 ρ",
    margin: 0.01,
    show: (v) => v.toFixed(3),
    showDiff: (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(4)}`,
  },
  {
    key: "men",
    name: "MEN ρ",
    margin: 0.01,
    show: (v) => v.toFixed(3),
    showDiff: (v) => `${v >= 0 ? "+" : "−"}${Math.abs(v).toFixed(4)}`,
  },
];

const list = (text) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
const seeds = Array.from({ length: Number(flags.seeds) }, (_, i) => i + 1);
const oursOverrides = jsonObjectFlag("bench:parity", "ours", flags.ours, "trainer settings");
const gensimOptions = jsonObjectFlag("bench:parity", "gensim", flags.gensim, "gensim Word2Vec keyword arguments");
const jobs = Math.max(1, Number(flags.jobs));
const tag =
  flags.tag ??
  (Object.keys(oursOverrides).length + Object.keys(gensimOptions).length === 0
    ? "parity"
    : `parity-${hash(JSON.stringify({ oursOverrides, gensimOptions })).slice(0, 8)}`);
if (seeds.length < 2) throw new Error("--seeds must be at least 2 (a paired interval needs two differences)");
if (!hasGensim()) throw new Error("bench:parity needs gensim: apt-get install -y python3-gensim");

const data = dataDir();
const RUNS = join(WORK, "parity", "runs");
mkdirSync(RUNS, { recursive: true });
const trainerBuild = hash(
  ...readdirSync(fileURLToPath(new URL("../dist", import.meta.url)), { recursive: true })
    .filter((f) => f.endsWith(".js") || f.endsWith(".wasm"))
    .sort()
    .map((f) => readFileSync(fileURLToPath(new URL(`../dist/${f}`, import.meta.url)))),
);

/** SHA-256 (hex) of the parts in order: strings or file contents. */
function hash(...parts) {
  const h = createHash("sha256");
  for (const part of parts) h.update(part);
  return h.digest("hex");
}

/** Every configuration of the study, in the order it is reported. */
const configs = [];
for (const corpusName of list(flags.corpus)) {
  for (const arch of list(flags.arch)) {
    for (const workers of list(flags.workers).map(Number)) {
      for (const alpha of list(flags.alphas).map(Number)) configs.push({ corpusName, arch, workers, alpha });
    }
  }
}
const corpora = {};
for (const name of new Set(configs.map((c) => c.corpusName))) corpora[name] = await benchCorpus(name, data);

/** One training and its scores, cached on disk by everything that determines it. */
async function scoredRun(tool, config, seed) {
  const { corpusName, arch, workers, alpha } = config;
  const identity =
    tool === "ours"
      ? { tool, corpusName, arch, workers, alpha, seed, oursOverrides, trainerBuild }
      : { tool, corpusName, arch, workers, alpha, seed, gensimOptions };
  const key = hash(JSON.stringify(identity)).slice(0, 24);
  const file = join(RUNS, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")).scores;
  const output = join(RUNS, `${key}.vec`);
  const corpus = corpora[corpusName];
  const started = Date.now();
  if (tool === "ours") {
    const settings = { architecture: arch, workers, seed, sampler: { type: "unigram", alpha }, ...oursOverrides };
    await runOurs(corpus, settings, output);
  } else {
    const { decayBy, ...options } = gensimOptions;
    await runGensim(corpus, { sg: arch === "skipgram", workers, seed, nsExponent: alpha, output, options, decayBy });
  }
  const scores = await evaluateQuality(await readEmbeddings(output), data);
  rmSync(output);
  writeFileSync(file, `${JSON.stringify({ identity, scores })}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `  ${tool.padEnd(6)} ${label(config)} seed ${seed}: ${BENCHMARKS.map((b) => b.show(scores[b.key])).join(" ")} (${seconds} s)`,
  );
  return scores;
}

const label = ({ corpusName, arch, workers, alpha }) =>
  `${corpusName} ${arch === "skipgram" ? "skip-gram" : "CBOW"} ${workers}w α ${alpha}`;

// Every (tool, configuration, seed) through a pool of `jobs` concurrent trainings.
const tasks = configs.flatMap((config) =>
  seeds.flatMap((seed) => ["gensim", "ours"].map((tool) => ({ tool, config, seed }))),
);
const results = new Map();
let next = 0;
console.log(
  `bench:parity ${tag}: ${configs.length} configurations × ${seeds.length} seeds × 2 tools, ${jobs} at a time` +
    (Object.keys(oursOverrides).length ? `; ours with ${flags.ours}` : "") +
    (Object.keys(gensimOptions).length ? `; gensim with ${flags.gensim}` : ""),
);
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      results.set(
        `${task.tool} ${label(task.config)} ${task.seed}`,
        await scoredRun(task.tool, task.config, task.seed),
      );
    }
  }),
);

const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
const sd = (values) => Math.sqrt(values.reduce((a, v) => a + (v - mean(values)) ** 2, 0) / (values.length - 1));
// One row per configuration and benchmark; the paired t p-values are Holm-adjusted over the whole table, since
// with dozens of rows a few unadjusted p < 0.05 are expected by chance alone.
const rows = configs.flatMap((config) =>
  BENCHMARKS.map((b) => {
    const g = seeds.map((s) => results.get(`gensim ${label(config)} ${s}`)[b.key]);
    const o = seeds.map((s) => results.get(`ours ${label(config)} ${s}`)[b.key]);
    const differences = o.map((v, i) => v - g[i]);
    return {
      config,
      b,
      g,
      o,
      ci95: pairedMeanDifference(differences, 0.95),
      test: equivalenceTest(differences, b.margin),
    };
  }),
);
const adjusted = holm(rows.map((r) => r.ci95.pValue));
const lines = [
  `# bench:parity — ${tag}`,
  "",
  `Seeds 1–${seeds.length}; ours − gensim per seed; mean with its 95% paired t interval; p of the paired t-test, Holm-adjusted over the ${rows.length} rows; ` +
    "TOST (Schuirmann) at ±0.25 analogy points and ±0.01 ρ, level 0.05: equivalent when the 90% interval lies inside the margin; " +
    "otherwise ours higher/lower when the Holm-adjusted p is below 0.05, else undecided (neither equivalent nor different)." +
    (Object.keys(oursOverrides).length ? ` Ours with \`${flags.ours}\`.` : "") +
    (Object.keys(gensimOptions).length ? ` gensim with \`${flags.gensim}\`.` : ""),
  "",
  "| configuration | benchmark | gensim (mean ± sd) | ours (mean ± sd) | ours − gensim [95% CI] | p (Holm) | TOST p | verdict |",
  "|---|---|---|---|---|---|---|---|",
];
rows.forEach(({ config, b, g, o, ci95, test }, i) => {
  const verdict = test.equivalent
    ? "equivalent"
    : adjusted[i] < 0.05
      ? ci95.mean > 0
        ? "ours higher"
        : "ours lower"
      : "undecided";
  const showSpread = (values) =>
    `${b.show(mean(values))} ± ${b.key === "analogy" ? (100 * sd(values)).toFixed(2) : sd(values).toFixed(3)}`;
  lines.push(
    `| ${label(config)} | ${b.name} | ${showSpread(g)} | ${showSpread(o)} | ${b.showDiff(ci95.mean)} [${b.showDiff(ci95.lower)}, ${b.showDiff(ci95.upper)}] | ${adjusted[i].toPrecision(2)} | ${test.pValue.toPrecision(2)} | ${verdict} |`,
  );
});

const report = `${lines.join("\n")}\n`;
console.log(`\n${report}`);
writeFileSync(join(WORK, "parity", `${tag}.md`), report);
console.log(`written to ${join(WORK, "parity", `${tag}.md`)}`);
