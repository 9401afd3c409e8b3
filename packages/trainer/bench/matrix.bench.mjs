// Speed of @neglab/trainer over the paper settings matrix (issue #23), against
// gensim 4.2 (reading the corpus as a Python iterator, `LineSentence`, and with
// `corpus_file`) and word2vec.c, in one run.
//
// The matrix: vector size {100, 300} × window {5, 10} × negatives k {5, 15} ×
// sample {1e-3, 1e-4} × skip-gram / CBOW × negative sampling / hierarchical
// softmax × {1, 2} workers. Hierarchical softmax cells train with hs = 1 and
// negative = 0 in every tool, so k does not apply to them: they appear once (k
// "—"), 64 negative-sampling cells + 32 hierarchical-softmax cells. Every other
// setting is the tools' common default: min_count 5, alpha 0.025 (both
// architectures), CBOW averaging its context, seed = the rep.
//
// Each cell, in each rep, runs the four tools back to back, each in its own
// process, in an order rotated from rep to rep; the reps are the outer loop, so
// a drift of the shared host's speed spreads over all cells. words/s = corpus
// tokens × epochs ÷ training seconds, for every tool: ours `train()` (after the
// corpus is counted and encoded), gensim `model.train()` (after `build_vocab`),
// word2vec.c from its first progress report to its exit (reference-tools.mjs).
// A cell's ratio is ours ÷ the fastest reference, from the medians of the reps.
//
// The corpus is the first sentences of Brown up to --tokens (default 250,000;
// `--tokens all` for the whole corpus), with the vocabulary counted on them:
// one epoch of the whole corpus in the dearest cells (300 dims, window 10,
// k 15) takes word2vec.c minutes, which makes the full matrix several hours.
// Epochs are set per cell so that cheap cells train long enough for start-up to
// be a small share and dear ones no longer than needed: epochs = max(1,
// round(--words ÷ (corpus tokens × cost))), cost = the work per corpus token
// relative to the quick-start skip-gram cell (100 dims, window 5, k 5, sample
// 1e-3), from vector size, the mean reduced window (skip-gram), k + 1 or the
// mean Huffman code length (≈ the unigram entropy in bits), and the share of
// tokens that subsampling keeps (computed from the vocabulary's counts).
// `--epochs n` fixes them instead. Every tool in a cell trains the same epochs.
//
// The report (Markdown: one row per cell, the minimum and median ratio and the
// cells below 1.5×; printed and written to $NEGLAB_BENCH_DIR/matrix/<tag>.md,
// every run in <tag>.json) gives the 1-minute load average before and after
// and as each run started: a cell whose tools ran on a host 1.5× or more as
// crowded for one as for another (crowding = load ÷ cores, at least 1) is
// flagged "load", its ratio less trustworthy.
//
//   pnpm --filter @neglab/trainer bench:matrix [-- --quick --reps 3 --corpus brown --tokens 250000|all --words 1e6
//     --epochs n --dims 100,300 --window 5,10 --negative 5,15 --sample 1e-3,1e-4 --arch skipgram,cbow
//     --objective ns,hs --workers 1,2 --kernel wasm --ours '{"hotRows":"auto"}' --tag matrix]
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import {
  WORK,
  benchCorpus,
  benchFlags,
  dataDir,
  hasGensim,
  jsonObjectFlag,
  median,
  numberFlag,
  runGensim,
  runOurs,
  runWord2vecC,
  usageError as fail,
  word2vecC,
} from "./reference-tools.mjs";

const usageError = (message) => fail("bench:matrix", message);
const flags = benchFlags("bench:matrix", {
  quick: { type: "boolean", default: false },
  reps: { type: "string", default: "3" },
  corpus: { type: "string", default: "brown" },
  tokens: { type: "string", default: "250000" },
  words: { type: "string", default: "1e6" },
  epochs: { type: "string" },
  dims: { type: "string", default: "100,300" },
  window: { type: "string", default: "5,10" },
  negative: { type: "string", default: "5,15" },
  sample: { type: "string", default: "1e-3,1e-4" },
  arch: { type: "string", default: "skipgram,cbow" },
  objective: { type: "string", default: "ns,hs" },
  workers: { type: "string", default: "1,2" },
  kernel: { type: "string", default: "wasm" },
  ours: { type: "string", default: "{}" },
  tag: { type: "string" },
});

const number = (flag, text, options) => numberFlag("bench:matrix", flag, text, options);
/**
 * A comma-separated filter: values out of `axis` (the matrix's values of that setting, numbers or words), or any
 * positive whole numbers when `axis` is undefined (workers). A value the matrix does not have would keep no cell of
 * its axis, so it is a usage error that names the axis (the speed bench, `bench`, takes any one setting).
 */
function list(flag, axis) {
  return flags[flag].split(",").map((text) => {
    const item = text.trim();
    if (axis === undefined) return number(flag, item, { integer: true });
    const value = typeof axis[0] === "number" ? number(flag, item, { zero: true }) : item;
    if (!axis.includes(value))
      usageError(
        `--${flag} takes ${axis.join(", ")} (comma-separated; the matrix's values), got ${JSON.stringify(item)}; ` +
          "`bench` measures any one setting",
      );
    return value;
  });
}
const oursExtra = jsonObjectFlag("bench:matrix", "ours", flags.ours, "trainer settings");

const reps = number("reps", flags.reps, { integer: true });
const words = number("words", flags.words);
const fixedEpochs = flags.epochs === undefined ? undefined : number("epochs", flags.epochs, { integer: true });
const tokenLimit = flags.tokens === "all" ? Infinity : number("tokens", flags.tokens, { integer: true });
/** The matrix's axes (issue #23): every combination is a cell, k once for hierarchical softmax (it does not use k). */
const AXES = {
  arch: ["skipgram", "cbow"],
  objective: ["ns", "hs"],
  dim: [100, 300],
  window: [5, 10],
  negative: [5, 15],
  sample: [1e-3, 1e-4],
};
const axes = {
  dim: list("dims", AXES.dim),
  window: list("window", AXES.window),
  negative: list("negative", AXES.negative),
  sample: list("sample", AXES.sample),
  arch: list("arch", AXES.arch),
  objective: list("objective", AXES.objective),
  workers: list("workers"),
};

/** The matrix's settings (without workers): every combination, hierarchical softmax once per k-free setting. */
function matrixSettings() {
  const settings = [];
  for (const arch of AXES.arch) {
    for (const objective of AXES.objective) {
      for (const dim of AXES.dim) {
        for (const window of AXES.window) {
          for (const negative of objective === "hs" ? [0] : AXES.negative) {
            for (const sample of AXES.sample) settings.push({ arch, objective, dim, window, negative, sample });
          }
        }
      }
    }
  }
  return settings;
}
/**
 * --quick: a subset that still touches every axis: the quick-start cell (the trainer's default CBOW, 100/5/5/1e-3),
 * the paper cell (300 dims, window 10, k 15, sample 1e-4) in skip-gram and CBOW, and one hierarchical-softmax cell.
 */
const QUICK = [
  { arch: "cbow", objective: "ns", dim: 100, window: 5, negative: 5, sample: 1e-3 },
  { arch: "skipgram", objective: "ns", dim: 300, window: 10, negative: 15, sample: 1e-4 },
  { arch: "cbow", objective: "ns", dim: 300, window: 10, negative: 15, sample: 1e-4 },
  { arch: "skipgram", objective: "hs", dim: 100, window: 5, negative: 0, sample: 1e-3 },
];
/** The cells the filters keep; a filter's list applies to hs cells too, except --negative (k does not apply to them). */
const selected = (flags.quick ? QUICK : matrixSettings()).filter(
  (s) =>
    axes.dim.includes(s.dim) &&
    axes.window.includes(s.window) &&
    (s.objective === "hs" || axes.negative.includes(s.negative)) &&
    axes.sample.includes(s.sample) &&
    axes.arch.includes(s.arch) &&
    axes.objective.includes(s.objective),
);
const cells = selected.flatMap((s) => axes.workers.map((workers) => ({ ...s, workers })));
if (cells.length === 0) usageError("the filters leave no cell of the matrix");

if (!hasGensim()) usageError("needs gensim in /usr/bin/python3: apt-get install -y python3-gensim");
const c = word2vecC();
if (c === null) usageError("needs word2vec.c, built from the npm package `word2vec` with gcc");
const corpus = await benchCorpus(flags.corpus, dataDir(), tokenLimit);
const tag = flags.tag ?? (flags.quick ? "matrix-quick" : "matrix");

/** Share of the corpus's tokens that subsampling with threshold t keeps (word2vec.c's formula, as all three use). */
function keptShare(t) {
  const { counts } = corpus.vocabulary;
  const total = counts.reduce((sum, n) => sum + n, 0);
  return (
    counts.reduce((sum, n) => sum + n * Math.min(1, (Math.sqrt(n / (t * total)) + 1) * ((t * total) / n)), 0) / total
  );
}
/** The unigram entropy in bits of the vocabulary: the mean Huffman code length, within one bit. */
function entropyBits() {
  const { counts } = corpus.vocabulary;
  const total = counts.reduce((sum, n) => sum + n, 0);
  return -counts.reduce((sum, n) => sum + (n / total) * Math.log2(n / total), 0);
}
/** Work per corpus token relative to skip-gram 100/5/5/1e-3; see the header. */
function cost({ arch, objective, dim, window, negative, sample }) {
  const pairs = arch === "skipgram" ? (window + 1) / 2 / 3 : 1 / 3; // CBOW: one update per kept word
  const outputs = (objective === "hs" ? entropyBits() : negative + 1) / 6;
  return (dim / 100) * pairs * outputs * (keptShare(sample) / keptShare(1e-3));
}
for (const cell of cells) cell.epochs = fixedEpochs ?? Math.max(1, Math.round(words / (corpus.tokens * cost(cell))));

/** The four tools, each one run of a cell with `seed`; every result has `wordsPerSecond` by the rule of the header. */
const TOOLS = {
  ours: (cell, seed) =>
    runOurs(corpus, {
      architecture: cell.arch,
      vectorSize: cell.dim,
      window: cell.window,
      negative: cell.negative,
      hs: cell.objective === "hs",
      sample: cell.sample,
      epochs: cell.epochs,
      alpha: 0.025,
      workers: cell.workers,
      kernel: flags.kernel,
      seed,
      ...oursExtra,
    }),
  "gensim iterator": (cell, seed) =>
    runGensim(corpus, { sg: cell.arch === "skipgram", workers: cell.workers, seed, options: gensimOptions(cell) }),
  "gensim corpus_file": (cell, seed) =>
    runGensim(corpus, {
      sg: cell.arch === "skipgram",
      workers: cell.workers,
      seed,
      options: gensimOptions(cell),
      corpusFile: true,
    }),
  "word2vec.c": (cell) =>
    runWord2vecC(c, corpus, {
      sg: cell.arch === "skipgram",
      workers: cell.workers,
      dim: cell.dim,
      window: cell.window,
      negative: cell.negative,
      hs: cell.objective === "hs",
      sample: cell.sample,
      epochs: cell.epochs,
    }),
};
const REFERENCES = Object.keys(TOOLS).filter((tool) => tool !== "ours");
function gensimOptions({ objective, dim, window, negative, sample, epochs }) {
  return { vector_size: dim, window, negative, hs: objective === "hs" ? 1 : 0, sample, epochs };
}

const progress = (message) => process.stderr.write(`[matrix ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const loadText = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const loadBefore = loadText();
const started = performance.now();
progress(
  `${cells.length} cells × ${reps} reps × 4 tools on ${corpus.path} (${corpus.tokens} tokens); load average ${loadBefore}`,
);
for (const cell of cells) cell.runs = Object.fromEntries(Object.keys(TOOLS).map((tool) => [tool, []]));
const tools = Object.keys(TOOLS);
for (let r = 0; r < reps; r++) {
  for (const [i, cell] of cells.entries()) {
    // The order rotates from rep to rep, so no tool always runs first in its cell, right after the previous cell.
    const order = tools.map((_, j) => tools[(j + r) % tools.length]);
    for (const tool of order) {
      const load = loadavg()[0];
      const run = await TOOLS[tool](cell, r + 1);
      cell.runs[tool].push({ wordsPerSecond: run.wordsPerSecond, seconds: run.seconds, peakKiB: run.peakKiB, load });
    }
    const elapsed = (performance.now() - started) / 1000;
    progress(`rep ${r + 1}/${reps}, cell ${i + 1}/${cells.length} ${label(cell)} done (${elapsed.toFixed(0)} s)`);
  }
}
const loadAfter = loadText();

/** A cell's settings in one short label. */
function label({ arch, objective, dim, window, negative, sample, workers }) {
  return `${arch} ${objective} ${dim}/${window}/${objective === "hs" ? "—" : negative}/${sample} ${workers}w`;
}
/**
 * How crowded the host was at 1-minute load average `load`: a CPU-bound process gets about 1 ÷ this of the core it
 * asks for (the load over the cores, at least 1). A cell is flagged when its tools' figures differ by 1.5× or more:
 * on 2 cores a load of 3 against 2 or less, or of 15 against 10, but not 2.5 against 0.5.
 */
const contention = (load) => Math.max(1, load / cpus().length);
const rows = cells.map((cell) => {
  const rate = Object.fromEntries(tools.map((tool) => [tool, median(cell.runs[tool].map((x) => x.wordsPerSecond))]));
  const fastest = REFERENCES.reduce((best, tool) => (rate[tool] > rate[best] ? tool : best));
  const loads = tools.map((tool) => median(cell.runs[tool].map((x) => x.load)));
  const perRep = cell.runs.ours.map(
    (x, r) => x.wordsPerSecond / Math.max(...REFERENCES.map((tool) => cell.runs[tool][r].wordsPerSecond)),
  );
  return {
    ...cell,
    rate,
    fastest,
    ratio: rate.ours / rate[fastest],
    perRep,
    loads,
    flagged: contention(Math.max(...loads)) / contention(Math.min(...loads)) >= 1.5,
  };
});

const k = (x) => `${Math.round(x / 1000).toLocaleString("en-US")}k`;
const ratios = rows.map((row) => row.ratio);
const below = rows.filter((row) => row.ratio < 1.5);
const lines = [
  `# bench:matrix — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Host: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; load average (1/5/15 min) before ${loadBefore}, after ${loadAfter}; ${((performance.now() - started) / 60000).toFixed(1)} min.`,
  `Corpus: ${flags.corpus}${Number.isFinite(tokenLimit) ? ` (first sentences up to ${tokenLimit} tokens)` : ""}, ${corpus.tokens.toLocaleString("en-US")} tokens, ${corpus.vocabulary.size.toLocaleString("en-US")} words (min_count 5). ` +
    `Medians of ${reps} reps; words/s = corpus tokens × epochs ÷ training seconds; ours ÷ fastest = ours ÷ the fastest reference's median (per rep: min–max of each rep's own quotient). ` +
    `Kernel ${flags.kernel}${Object.keys(oursExtra).length > 0 ? `, ours with ${JSON.stringify(oursExtra)}` : ""}. load = 1-minute load average as each tool's runs started (median; ours / gensim iterator / corpus_file / word2vec.c), flagged when the host was 1.5× or more as crowded for one as for another (crowding = load ÷ ${cpus().length} cores, at least 1).`,
  "",
  "| arch | objective | dims | window | k | sample | workers | epochs | ours w/s | gensim iterator | gensim corpus_file | word2vec.c | ours ÷ fastest | per rep | load |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    (row) =>
      `| ${row.arch} | ${row.objective} | ${row.dim} | ${row.window} | ${row.objective === "hs" ? "—" : row.negative} | ${row.sample} | ${row.workers} | ${row.epochs} | ` +
      `${k(row.rate.ours)} | ${REFERENCES.map((tool) => (tool === row.fastest ? `**${k(row.rate[tool])}**` : k(row.rate[tool]))).join(" | ")} | ` +
      `**${row.ratio.toFixed(2)}×** | ${Math.min(...row.perRep).toFixed(2)}–${Math.max(...row.perRep).toFixed(2)} | ${row.loads.map((x) => x.toFixed(1)).join(" / ")}${row.flagged ? " **load**" : ""} |`,
  ),
  "",
  `Ours ÷ fastest reference over ${rows.length} cells: minimum ${Math.min(...ratios).toFixed(2)}× (${label(rows[ratios.indexOf(Math.min(...ratios))])}), median ${median(ratios).toFixed(2)}×; ` +
    `${rows.filter((row) => row.ratio >= 2).length} cells ≥ 2.0× (the goal), ${below.length} below 1.5× (the floor)${below.length > 0 ? ":" : "."}`,
  ...below.map(
    (row) =>
      `- ${label(row)}: ${row.ratio.toFixed(2)}× (fastest reference ${row.fastest})${row.flagged ? ", load flagged" : ""}`,
  ),
];
const flaggedRows = rows.filter((row) => row.flagged);
if (flaggedRows.length > 0)
  lines.push("", `Cells whose tools ran under very different load: ${flaggedRows.map(label).join("; ")}.`);
const report = `${lines.join("\n")}\n`;
console.log(`\n${report}`);
const dir = join(WORK, "matrix");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, `${tag}.md`), report);
writeFileSync(
  join(dir, `${tag}.json`),
  `${JSON.stringify({ flags, corpus: { path: corpus.path, tokens: corpus.tokens }, loadBefore, loadAfter, rows }, null, 1)}\n`,
);
progress(`report written to ${join(dir, `${tag}.md`)} (every run in ${tag}.json)`);
