// How @neglab/trainer scales with the corpus, beside gensim 4.2 reading the same
// file with `corpus_file` in the same run (issue #21).
//
// For every corpus size N in --tokens and vocabulary size V in --types, a seeded
// synthetic Zipf corpus (bench/zipf-corpus.mjs: p_r ∝ r^−s, one sentence of
// --sentence-length tokens per line) is generated once and cached in
// $NEGLAB_BENCH_DIR/scale/ under its parameters. Both trainers then run on it,
// each in its own child process, with the same settings (default: skip-gram, 100
// dims, window 5, negative 5, min_count 5, sample 1e-3, 1 epoch, 2 workers, seed
// 1). Each measures apart:
//   - counting + encoding: ours `countAndWriteEncodedCorpus` (one pass, the encoded corpus on disk;
//     bench/train-once.mjs's `prepareCorpus` with encoding "file"); gensim `build_vocab(corpus_file=…)`,
//     which also allocates and initialises the vectors; reported as corpus
//     tokens ÷ seconds;
//   - training: ours `train`, gensim `train(corpus_file=…, total_words=…)`;
//     words/s = corpus tokens × epochs ÷ training seconds, for both;
//   - peak RSS of the whole process (worker threads included).
// Each repeat runs both, alternating which goes first, and visits every (N, V) in
// turn (so a drift of the host's speed spreads over all sizes); the report gives
// the median of the repeats: --reps, by default 3 up to N = 10^7 and 1 above (a
// run at 10^8 takes many minutes). The report (Markdown, printed and written to
// $NEGLAB_BENCH_DIR/scale/<tag>.md, every run's figures in <tag>.json) has one row per (N, V) and the issue's four
// targets, each met or missed with its figures:
//   1. training words/s at the largest N ≥ 0.9 × ours at the smallest N, same V
//      (the issue: 10^8 against 10^6);
//   2. training words/s ≥ 1.5 × gensim's at the largest N;
//   3. counting + encoding at least as fast as gensim's build_vocab (every row);
//   4. peak RSS no more than gensim's (every row).
// The host's parallel capacity (bench/host.mjs) is measured before and after.
// Progress goes to stderr.
//
//   pnpm --filter @neglab/trainer bench:scale [-- --tokens 1e6,1e7,1e8 --types 1e5,1e6 --reps n
//     --sentence-length 20 --exponent 1 --corpus-seed 1 --arch skipgram|cbow --dim 100 --window 5
//     --negative 5 --min-count 5 --sample 1e-3 --epochs 1 --workers 2 --seed 1 --tag scale]
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parallelCapacity } from "./host.mjs";
import { WORK, benchFlags, hasGensim, median, runGensim, runOurs, usageError as fail } from "./reference-tools.mjs";
import { writeZipfCorpus } from "./zipf-corpus.mjs";

const usageError = (message) => fail("bench:scale", message);
const flags = benchFlags("bench:scale", {
  tokens: { type: "string", default: "1e6,1e7,1e8" },
  types: { type: "string", default: "1e5,1e6" },
  reps: { type: "string" },
  "sentence-length": { type: "string", default: "20" },
  exponent: { type: "string", default: "1" },
  "corpus-seed": { type: "string", default: "1" },
  arch: { type: "string", default: "skipgram" },
  dim: { type: "string", default: "100" },
  window: { type: "string", default: "5" },
  negative: { type: "string", default: "5" },
  "min-count": { type: "string", default: "5" },
  sample: { type: "string", default: "1e-3" },
  epochs: { type: "string", default: "1" },
  workers: { type: "string", default: "2" },
  seed: { type: "string", default: "1" },
  tag: { type: "string", default: "scale" },
});

/** A numeric flag (JavaScript's Number syntax, so 1e8 works). */
function number(flag, text = flags[flag]) {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    usageError(`--${flag} must be a number, got ${JSON.stringify(text)}`);
  return value;
}
/** A comma-separated list of counts (positive integers). */
const counts = (flag) =>
  flags[flag].split(",").map((text) => {
    const value = number(flag, text.trim());
    return Number.isSafeInteger(value) && value >= 1
      ? value
      : usageError(`--${flag} must list positive integers, got ${JSON.stringify(text)}`);
  });

const sizes = counts("tokens").sort((a, b) => a - b);
const vocabularies = counts("types").sort((a, b) => a - b);
if (!["skipgram", "cbow"].includes(flags.arch))
  usageError(`--arch must be skipgram or cbow, got ${JSON.stringify(flags.arch)}`);
const corpusSpec = {
  sentenceLength: number("sentence-length"),
  exponent: number("exponent"),
  seed: number("corpus-seed"),
};
const settings = {
  sg: flags.arch === "skipgram",
  dim: number("dim"),
  window: number("window"),
  negative: number("negative"),
  minCount: number("min-count"),
  sample: number("sample"),
  epochs: number("epochs"),
  workers: number("workers"),
  seed: number("seed"),
};
if (flags.reps !== undefined && !(Number.isInteger(number("reps")) && number("reps") >= 1))
  usageError(`--reps must be a positive integer, got ${flags.reps}`);
/** Repeats at N tokens: --reps, else 3 up to 10^7 and 1 above. */
const repsAt = (tokens) => (flags.reps !== undefined ? number("reps") : tokens <= 1e7 ? 3 : 1);
if (!hasGensim()) throw new Error("bench:scale needs gensim: apt-get install -y python3-gensim");

const DIR = join(WORK, "scale");
mkdirSync(DIR, { recursive: true });
const progress = (message) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
const short = (n) => (n >= 1e3 && Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : String(n));

/** The cached corpus of `tokens` tokens over `types` words, generated on first use. */
function zipfCorpus(tokens, types) {
  const { sentenceLength, exponent, seed } = corpusSpec;
  const path = join(DIR, `zipf-n${short(tokens)}-v${short(types)}-l${sentenceLength}-s${exponent}-seed${seed}.txt`);
  if (!existsSync(path)) {
    progress(`generating ${path}`);
    const started = performance.now();
    let reported = 0;
    writeZipfCorpus({
      tokens,
      types,
      sentenceLength,
      exponent,
      seed,
      path,
      onProgress: (done) => {
        if (done - reported >= 1e7 || done === tokens)
          progress(
            `  ${short(done)} / ${short(tokens)} tokens (${((performance.now() - started) / 1000).toFixed(0)} s)`,
          );
        if (done - reported >= 1e7) reported = done;
      },
    });
  }
  return { path };
}

/** Our run in the shape both share: tokens, words kept, counting + encoding seconds, training seconds, words trained, peak KiB. */
async function ours(corpus) {
  const { sg, dim, window, negative, minCount, sample, epochs, workers, seed } = settings;
  // the corpus counted and encoded in one pass into a file, as `train` does for a path: memory bounded by the vocabulary
  const trainSettings = {
    architecture: sg ? "skipgram" : "cbow",
    vectorSize: dim,
    window,
    negative,
    minCount,
    sample,
    epochs,
    workers,
    seed,
  };
  const run = await runOurs(corpus, trainSettings, undefined, "file");
  return {
    tokens: run.tokens,
    retained: run.retained,
    prepareSeconds: run.prepareSeconds,
    trainSeconds: run.seconds,
    wordsTrained: run.wordsTrained,
    peakKiB: run.peakKiB,
  };
}

/** gensim's run on the same file through `corpus_file`, in the same shape. */
async function gensim(corpus) {
  const { sg, dim, window, negative, minCount, sample, epochs, workers, seed } = settings;
  const options = { vector_size: dim, window, negative, min_count: minCount, sample, epochs };
  const run = await runGensim(corpus, { sg, workers, seed, options, corpusFile: true });
  return {
    tokens: run.tokens,
    retained: run.retained,
    prepareSeconds: run.vocabSeconds,
    trainSeconds: run.seconds,
    wordsTrained: run.wordsTrained,
    peakKiB: run.peakKiB,
  };
}

const capacity = await parallelCapacity();
progress(`parallel capacity ${capacity.toFixed(2)}×`);
const TOOLS = { ours, gensim };
// One cell per (V, N), every corpus generated before any run. The repeats are the outer loop, so each repeat
// visits every size in turn: a drift of the shared host's speed then spreads over all N instead of falling on
// the last ones, which matters for target 1 (largest N against smallest); a size stops after its own repeats.
const cells = vocabularies.flatMap((types) =>
  sizes.map((tokens) => ({
    tokens,
    types,
    reps: repsAt(tokens),
    corpus: zipfCorpus(tokens, types),
    runs: { ours: [], gensim: [] },
  })),
);
for (let r = 0; r < Math.max(...cells.map((cell) => cell.reps)); r++) {
  for (const { tokens, types, reps, corpus, runs } of cells.filter((cell) => r < cell.reps)) {
    // Alternate which tool goes first, so a drift of the host's speed within a cell hits both alike.
    for (const tool of r % 2 === 0 ? ["ours", "gensim"] : ["gensim", "ours"]) {
      const load = loadavg()[0];
      progress(
        `N ${short(tokens)}, V ${short(types)}, rep ${r + 1}/${reps}: ${tool} (load average ${load.toFixed(1)})…`,
      );
      const run = { ...(await TOOLS[tool](corpus)), load };
      progress(
        `  ${tool}: counting + encoding ${run.prepareSeconds.toFixed(1)} s, training ${run.trainSeconds.toFixed(1)} s, peak ${(run.peakKiB / 1024).toFixed(0)} MiB`,
      );
      runs[tool].push(run);
    }
  }
}
/** The medians of one tool's repeats in one cell. */
const summary = (list) => ({
  retained: list[0].retained,
  prepareRate: median(list.map((x) => x.tokens / x.prepareSeconds)),
  trainRate: median(list.map((x) => x.wordsTrained / x.trainSeconds)),
  peakMiB: median(list.map((x) => x.peakKiB)) / 1024,
});
const rows = cells.map(({ tokens, types, reps, runs }) => ({
  tokens,
  types,
  reps,
  load: median([...runs.ours, ...runs.gensim].map((x) => x.load)),
  ours: summary(runs.ours),
  gensim: summary(runs.gensim),
  runs,
}));
const capacityAfter = await parallelCapacity();

// The report.
const k = (x) => `${Math.round(x / 1000).toLocaleString("en-US")}k`;
const ratio = (x) => `${x.toFixed(2)}×`;
const lines = [
  `# bench:scale — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
  "",
  `Host: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; parallel capacity ${capacity.toFixed(2)}× before, ${capacityAfter.toFixed(2)}× after; load average at the end ${loadavg()
    .map((x) => x.toFixed(2))
    .join(" ")}.`,
  `Corpus: Zipf s = ${corpusSpec.exponent}, ${corpusSpec.sentenceLength} tokens per line, seed ${corpusSpec.seed}. Settings: ${flags.arch}, ${settings.dim} dims, window ${settings.window}, negative ${settings.negative}, min_count ${settings.minCount}, sample ${settings.sample}, ${settings.epochs} epoch(s), ${settings.workers} workers, seed ${settings.seed}.`,
  "Medians of the repeats; count+enc = corpus tokens ÷ seconds to count the vocabulary and encode the corpus (gensim: `build_vocab(corpus_file)`); train = corpus tokens × epochs ÷ training seconds; load = the host's 1-minute load average as the runs started (median).",
  "",
  "| N | V | reps | load | words kept (ours / gensim) | count+enc ours | gensim | ours ÷ gensim | train ours w/s | gensim w/s | ours ÷ gensim | peak RSS ours | gensim | ours ÷ gensim |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map(
    ({ tokens, types, reps, load, ours: o, gensim: g }) =>
      `| ${short(tokens)} | ${short(types)} | ${reps} | ${load.toFixed(1)} | ${o.retained.toLocaleString("en-US")} / ${g.retained.toLocaleString("en-US")} | ${k(o.prepareRate)} | ${k(g.prepareRate)} | ${ratio(o.prepareRate / g.prepareRate)} | ` +
      `${k(o.trainRate)} | ${k(g.trainRate)} | ${ratio(o.trainRate / g.trainRate)} | ${Math.round(o.peakMiB)} MiB | ${Math.round(g.peakMiB)} MiB | ${ratio(o.peakMiB / g.peakMiB)} |`,
  ),
  "",
  "Targets (issue #21):",
  "",
];
const verdict = (ok) => (ok ? "**met**" : "**missed**");
const largest = sizes.at(-1);
const stated = largest === 1e8 ? "" : ` (the issue states it at N = 1e8; measured at N = ${short(largest)})`;
for (const types of vocabularies) {
  const big = rows.find((row) => row.types === types && row.tokens === largest);
  const small = rows.find((row) => row.types === types && row.tokens === sizes[0]);
  if (big !== small) {
    const x = big.ours.trainRate / small.ours.trainRate;
    lines.push(
      `- V = ${short(types)}: training words/s at N = ${short(big.tokens)} ÷ ours at N = ${short(small.tokens)}: ${k(big.ours.trainRate)} ÷ ${k(small.ours.trainRate)} = ${ratio(x)} (target ≥ 0.9×) ${verdict(x >= 0.9)}${stated}`,
    );
  } else {
    lines.push(`- V = ${short(types)}: training words/s against a smaller N: not measured (one N only)`);
  }
  const y = big.ours.trainRate / big.gensim.trainRate;
  lines.push(
    `- V = ${short(types)}: training words/s ours ÷ gensim at N = ${short(big.tokens)}: ${k(big.ours.trainRate)} ÷ ${k(big.gensim.trainRate)} = ${ratio(y)} (target ≥ 1.5×) ${verdict(y >= 1.5)}${stated}`,
  );
}
// Targets 3 and 4 hold in every row or not at all: the worst row decides.
const worstPrepare = rows.reduce((w, row) =>
  row.ours.prepareRate / row.gensim.prepareRate < w.ours.prepareRate / w.gensim.prepareRate ? row : w,
);
const prepareRatio = worstPrepare.ours.prepareRate / worstPrepare.gensim.prepareRate;
lines.push(
  `- counting + encoding ours ÷ gensim build_vocab, lowest of ${rows.length} rows (N = ${short(worstPrepare.tokens)}, V = ${short(worstPrepare.types)}): ${ratio(prepareRatio)} (target ≥ 1×) ${verdict(prepareRatio >= 1)}`,
);
const worstPeak = rows.reduce((w, row) =>
  row.ours.peakMiB / row.gensim.peakMiB > w.ours.peakMiB / w.gensim.peakMiB ? row : w,
);
const peakRatio = worstPeak.ours.peakMiB / worstPeak.gensim.peakMiB;
lines.push(
  `- peak RSS ours ÷ gensim, highest of ${rows.length} rows (N = ${short(worstPeak.tokens)}, V = ${short(worstPeak.types)}): ${ratio(peakRatio)} (target ≤ 1×) ${verdict(peakRatio <= 1)}`,
);

const report = `${lines.join("\n")}\n`;
console.log(`\n${report}`);
writeFileSync(join(DIR, `${flags.tag}.md`), report);
// Every run's figures beside the report, for reading the spread behind a median.
writeFileSync(join(DIR, `${flags.tag}.json`), `${JSON.stringify({ flags, capacity, capacityAfter, rows }, null, 1)}\n`);
progress(`report written to ${join(DIR, `${flags.tag}.md`)} (every run in ${flags.tag}.json)`);
