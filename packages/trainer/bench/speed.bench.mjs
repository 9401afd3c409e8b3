// Speed of @neglab/trainer against word2vec.c and gensim, in the same run, on
// the Brown corpus as the toolkit tokenises it (lowercased, punctuation-only
// tokens dropped; 1.01M tokens): size 100, window 5, negative 5, sample 1e-3,
// min_count 5, 5 epochs, alpha 0.025, for skip-gram and CBOW with 1 and 2
// workers. Medians of 3 runs (`--reps n` to change); the 2-worker scaling is the
// median of the per-rep ratios of runs made back to back. words/s = corpus
// tokens × 5 ÷ seconds, where seconds is the training time for @neglab/trainer (after
// vocabulary and encoding) and gensim (`model.train()`), and the process wall
// time for word2vec.c (vocabulary read from a file, vectors not written).
// Also measures the machine's parallel capacity: the throughput of two
// independent CPU-bound processes ÷ one; a quiet 2-core machine gives ≈ 2.0.
//
//   pnpm --filter @neglab/trainer bench [-- --reps 3 --kernel wasm --corpus brown|prose]
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import { benchArgs, benchCorpus, dataDir, hasGensim, median, runGensim, runOurs, runWord2vecC, word2vecC } from "./reference-tools.mjs";

const { values: flags } = parseArgs({
  args: benchArgs(),
  options: { reps: { type: "string", default: "3" }, kernel: { type: "string", default: "wasm" }, corpus: { type: "string", default: "brown" } },
});
const reps = Number(flags.reps);
const data = dataDir();
const corpus = await benchCorpus(flags.corpus, data);
const c = word2vecC();
const gensim = hasGensim();
console.log(`corpus ${flags.corpus}: ${corpus.tokens} tokens, ${corpus.vocabulary.size} words (min_count 5); kernel ${flags.kernel}; medians of ${reps}`);

/** Seconds for `procs` concurrent processes each spinning the same fixed integer loop. */
async function spin(procs) {
  const loop = "let x = 0; for (let i = 0; i < 6e8; i++) x = (x + i * 2654435761) | 0; if (x === 42) console.log(x);";
  const start = performance.now();
  await Promise.all(Array.from({ length: procs }, () => new Promise((resolve) => spawn(process.execPath, ["-e", loop]).on("close", resolve))));
  return (performance.now() - start) / 1000;
}
/** Throughput of two independent CPU-bound processes ÷ one (medians of 3 each). */
async function parallelCapacity() {
  const one = median([await spin(1), await spin(1), await spin(1)]);
  const two = median([await spin(2), await spin(2), await spin(2)]);
  return (2 * one) / two;
}
const capacity = await parallelCapacity();
console.log(`parallel capacity (2 independent CPU-bound processes ÷ 1): ${capacity.toFixed(2)}×`);

const scalings = {};
const cell = (s) => (s ? `${Math.round(s.wps / 1000)}k w/s (${Math.round(s.peakMiB)} MiB)` : "—");
for (const sg of [true, false]) {
  const arch = sg ? "skip-gram" : "CBOW";
  // runs[workers][tool]: one result per rep
  const runs = Object.fromEntries([1, 2].map((w) => [w, { ours: [], "word2vec.c": [], gensim: [] }]));
  for (let r = 0; r < reps; r++) {
    // 1 and 2 workers back to back, and the tools interleaved, so a disturbance hits all of them alike and each
    // scaling ratio pairs two runs made within a minute
    for (const workers of [1, 2]) {
      runs[workers].ours.push(await runOurs(corpus, { architecture: sg ? "skipgram" : "cbow", workers, kernel: flags.kernel, seed: r + 1 }));
      if (c) runs[workers]["word2vec.c"].push(await runWord2vecC(c, corpus, { sg, workers }));
      if (gensim) runs[workers].gensim.push(await runGensim(corpus, { sg, workers, seed: r + 1 }));
    }
  }
  for (const workers of [1, 2]) {
    const mode = `${arch} ${workers}w`;
    const summary = {};
    for (const [tool, results] of Object.entries(runs[workers])) {
      if (results.length === 0) continue;
      summary[tool] = { wps: median(results.map((x) => x.wordsPerSecond)), peakMiB: median(results.map((x) => x.peakKiB)) / 1024 };
    }
    const fastest = Math.max(...Object.entries(summary).filter(([t]) => t !== "ours").map(([, s]) => s.wps));
    console.log(
      `${mode.padEnd(13)} ours ${cell(summary.ours).padEnd(24)} word2vec.c ${cell(summary["word2vec.c"]).padEnd(24)} gensim ${cell(summary.gensim).padEnd(24)} ours ÷ fastest ${(summary.ours.wps / fastest).toFixed(2)}`,
    );
  }
  // the median of the per-rep ratios 2 workers ÷ 1 worker, for every tool
  scalings[arch] = Object.fromEntries(
    Object.entries(runs[2])
      .filter(([, results]) => results.length > 0)
      .map(([tool, results]) => [tool, results.map((x, r) => x.wordsPerSecond / runs[1][tool][r].wordsPerSecond)]),
  );
}
// Measured again at the end: a host that took a core away mid-run shows here, or in the per-rep spread.
const capacityAfter = await parallelCapacity();
for (const [arch, byTool] of Object.entries(scalings)) {
  const others = Object.entries(byTool).filter(([tool]) => tool !== "ours").map(([tool, x]) => `${tool} ${median(x).toFixed(2)}×`);
  const reps = byTool.ours.map((x) => x.toFixed(2)).join(" / ");
  console.log(
    `${arch} scaling 2 workers ÷ 1 (median of paired runs): ours ${median(byTool.ours).toFixed(2)}× (reps ${reps}), ${others.join(", ")} ` +
      `(machine capacity ${capacity.toFixed(2)}× before, ${capacityAfter.toFixed(2)}× after)`,
  );
}
