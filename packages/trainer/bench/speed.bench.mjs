// Speed of @neglab/trainer against word2vec.c and gensim, in the same run, on
// the Brown corpus as the toolkit tokenises it (lowercased, punctuation-only
// tokens dropped; 1.01M tokens), by default at size 100, window 5, negative 5,
// sample 1e-3, min_count 5, 5 epochs, alpha 0.025, for skip-gram and CBOW with 1 and 2
// workers. Medians of 3 runs (`--reps n` to change); the 2-worker scaling is the
// median of the per-rep ratios of each tool's 1- and 2-worker runs, made back to back. words/s = corpus
// tokens × epochs ÷ seconds, where seconds is the training time for @neglab/trainer (after
// vocabulary and encoding), gensim (`model.train()`) and word2vec.c (from its
// first progress report to its exit: vocabulary read from a file, vectors and
// unigram table set up before; see reference-tools.mjs).
// Also measures what the host can give two workers (bench/host.mjs): its
// parallel capacity (two independent CPU-bound processes ÷ one; ≈ 2.0 on a quiet
// 2-core machine), before and after; and in each rep, right before the paired
// runs, the round trip of a cache line between the two cores and the ceiling
// of 2-worker training: two independent 1-worker trainings at once (nothing
// shared but the hardware), twice the words in the slower one's time ÷ the
// 1-worker run's words/s.
// --dims, --window, --negative, --sample and --epochs set one other cell for all
// three tools (e.g. the paper cell: --dims 300 --window 10 --negative 15
// --sample 1e-4 --epochs 2); --ours adds trainer settings to ours only (JSON,
// e.g. '{"hotRows":"auto"}').
//
//   pnpm --filter @neglab/trainer bench [-- --reps 3 --kernel wasm --corpus brown|prose --dims 100 --window 5
//     --negative 5 --sample 1e-3 --epochs 5 --ours '{}']
import { coreRoundTrip, parallelCapacity } from "./host.mjs";
import {
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
  word2vecC,
} from "./reference-tools.mjs";

const flags = benchFlags("bench", {
  reps: { type: "string", default: "3" },
  kernel: { type: "string", default: "wasm" },
  corpus: { type: "string", default: "brown" },
  dims: { type: "string", default: "100" },
  window: { type: "string", default: "5" },
  negative: { type: "string", default: "5" },
  sample: { type: "string", default: "1e-3" },
  epochs: { type: "string", default: "5" },
  ours: { type: "string", default: "{}" },
});
const number = (flag, options) => numberFlag("bench", flag, flags[flag], options);
const reps = number("reps", { integer: true });
const cellSettings = {
  dim: number("dims", { integer: true }),
  window: number("window", { integer: true }),
  negative: number("negative", { integer: true }),
  sample: number("sample", { zero: true }),
  epochs: number("epochs", { integer: true }),
};
const oursExtra = jsonObjectFlag("bench", "ours", flags.ours, "trainer settings");
const data = dataDir();
const corpus = await benchCorpus(flags.corpus, data);
const c = word2vecC();
const gensim = hasGensim();
console.log(
  `corpus ${flags.corpus}: ${corpus.tokens} tokens, ${corpus.vocabulary.size} words (min_count 5); kernel ${flags.kernel}; medians of ${reps}; ` +
    `size ${cellSettings.dim}, window ${cellSettings.window}, negative ${cellSettings.negative}, sample ${cellSettings.sample}, ` +
    `${cellSettings.epochs} epochs; ours also ${JSON.stringify(oursExtra)}`,
);

const capacity = await parallelCapacity();
console.log(`parallel capacity (2 independent CPU-bound processes ÷ 1): ${capacity.toFixed(2)}×`);

const scalings = {};
const cell = (s) => (s ? `${Math.round(s.wps / 1000)}k w/s (${Math.round(s.peakMiB)} MiB)` : "—");
for (const sg of [true, false]) {
  const arch = sg ? "skip-gram" : "CBOW";
  // runs[workers][tool]: one result per rep
  const runs = Object.fromEntries([1, 2].map((w) => [w, { ours: [], "word2vec.c": [], gensim: [] }]));
  const host = { roundTrip: [], ceiling: [] };
  for (let r = 0; r < reps; r++) {
    // Each tool's 1- and 2-worker runs back to back, so each scaling ratio pairs two runs made within seconds;
    // ours first, right after the round trip, and then the ceiling, so the three host figures describe its pair.
    const { dim, window, negative, sample, epochs } = cellSettings;
    const settings = {
      architecture: sg ? "skipgram" : "cbow",
      kernel: flags.kernel,
      seed: r + 1,
      vectorSize: dim,
      window,
      negative,
      sample,
      epochs,
      ...oursExtra,
    };
    host.roundTrip.push(await coreRoundTrip());
    for (const workers of [1, 2]) runs[workers].ours.push(await runOurs(corpus, { ...settings, workers }));
    const pair = await Promise.all([r + 1, r + 1001].map((seed) => runOurs(corpus, { ...settings, workers: 1, seed })));
    // both jobs done: twice the words in the slower one's time
    host.ceiling.push((2 * Math.min(pair[0].wordsPerSecond, pair[1].wordsPerSecond)) / runs[1].ours[r].wordsPerSecond);
    for (const workers of [1, 2])
      if (c) runs[workers]["word2vec.c"].push(await runWord2vecC(c, corpus, { sg, workers, ...cellSettings }));
    const options = { vector_size: dim, window, negative, sample, epochs };
    for (const workers of [1, 2])
      if (gensim) runs[workers].gensim.push(await runGensim(corpus, { sg, workers, seed: r + 1, options }));
  }
  for (const workers of [1, 2]) {
    const mode = `${arch} ${workers}w`;
    const summary = {};
    for (const [tool, results] of Object.entries(runs[workers])) {
      if (results.length === 0) continue;
      summary[tool] = {
        wps: median(results.map((x) => x.wordsPerSecond)),
        peakMiB: median(results.map((x) => x.peakKiB)) / 1024,
      };
    }
    const fastest = Math.max(
      ...Object.entries(summary)
        .filter(([t]) => t !== "ours")
        .map(([, s]) => s.wps),
    );
    console.log(
      `${mode.padEnd(13)} ours ${cell(summary.ours).padEnd(24)} word2vec.c ${cell(summary["word2vec.c"]).padEnd(24)} gensim ${cell(summary.gensim).padEnd(24)} ours ÷ fastest ${(summary.ours.wps / fastest).toFixed(2)}`,
    );
  }
  // the median of the per-rep ratios 2 workers ÷ 1 worker, for every tool
  scalings[arch] = {
    byTool: Object.fromEntries(
      Object.entries(runs[2])
        .filter(([, results]) => results.length > 0)
        .map(([tool, results]) => [tool, results.map((x, r) => x.wordsPerSecond / runs[1][tool][r].wordsPerSecond)]),
    ),
    host,
  };
}
// Measured again at the end: a host that took a core away mid-run shows here, or in the per-rep spread.
const capacityAfter = await parallelCapacity();
const list = (values, digits) => values.map((x) => x.toFixed(digits)).join(" / ");
for (const [arch, { byTool, host }] of Object.entries(scalings)) {
  const others = Object.entries(byTool)
    .filter(([tool]) => tool !== "ours")
    .map(([tool, x]) => `${tool} ${median(x).toFixed(2)}×`);
  console.log(
    `${arch} scaling 2 workers ÷ 1 (median of paired runs): ours ${median(byTool.ours).toFixed(2)}× (reps ${list(byTool.ours, 2)}), ${others.join(", ")} ` +
      `(machine capacity ${capacity.toFixed(2)}× before, ${capacityAfter.toFixed(2)}× after)`,
  );
  const share = byTool.ours.map((x, r) => x / host.ceiling[r]);
  console.log(
    `${arch} host per rep: ceiling (2 independent 1-worker trainings ÷ 1) ${list(host.ceiling, 2)}, median ${median(host.ceiling).toFixed(2)}×; ` +
      `core round trip ${list(host.roundTrip, 0)} ns; ours ÷ ceiling ${list(share, 2)}, median ${median(share).toFixed(2)}`,
  );
}
