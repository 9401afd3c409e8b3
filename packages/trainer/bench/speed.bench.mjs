// Speed of @neglab/trainer against word2vec.c and gensim, in the same run, on
// the Brown corpus as the toolkit tokenises it (lowercased, punctuation-only
// tokens dropped; 1.01M tokens): size 100, window 5, negative 5, sample 1e-3,
// min_count 5, 5 epochs, alpha 0.025, for skip-gram and CBOW with 1 and 2
// workers. Medians of 3 runs (`--reps n` to change). words/s = corpus tokens × 5
// ÷ seconds, where seconds is the training time for @neglab/trainer (after
// vocabulary and encoding) and gensim (`model.train()`), and the process wall
// time for word2vec.c (vocabulary read from a file, vectors not written).
// Also measures the machine's parallel capacity: the throughput of two
// independent CPU-bound processes ÷ one; a quiet 2-core machine gives ≈ 2.0.
//
//   pnpm --filter @neglab/trainer bench [-- --reps 3 --kernel wasm --corpus brown|prose]
import { spawn } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { dataDir, hasGensim, median, preparedCorpus, runGensim, runOurs, runWord2vecC, word2vecC } from "./reference-tools.mjs";

const { values: flags } = parseArgs({
  options: { reps: { type: "string", default: "3" }, kernel: { type: "string", default: "wasm" }, corpus: { type: "string", default: "brown" } },
});
const reps = Number(flags.reps);
const data = dataDir();
const files = flags.corpus === "brown" ? ["brown"] : ["brown", "enwiki-sample", "kjv", "austen", "lee_background"];
const corpus = await preparedCorpus(flags.corpus, files.map((f) => join(data, "corpora", `${f}.txt`)));
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
const one = median([await spin(1), await spin(1), await spin(1)]);
const two = median([await spin(2), await spin(2), await spin(2)]);
const capacity = (2 * one) / two;
console.log(`parallel capacity (2 independent CPU-bound processes ÷ 1): ${capacity.toFixed(2)}×`);

const rows = [];
const speeds = {};
for (const sg of [true, false]) {
  for (const workers of [1, 2]) {
    const mode = `${sg ? "skip-gram" : "CBOW"} ${workers}w`;
    const runs = { ours: [], "word2vec.c": [], gensim: [] };
    for (let r = 0; r < reps; r++) {
      // interleave the tools so a disturbance hits all of them alike
      runs.ours.push(await runOurs(corpus, { architecture: sg ? "skipgram" : "cbow", workers, kernel: flags.kernel, seed: r + 1 }));
      if (c) runs["word2vec.c"].push(await runWord2vecC(c, corpus, { sg, workers }));
      if (gensim) runs.gensim.push(await runGensim(corpus, { sg, workers, seed: r + 1 }));
    }
    const summary = {};
    for (const [tool, results] of Object.entries(runs)) {
      if (results.length === 0) continue;
      summary[tool] = { wps: median(results.map((x) => x.wordsPerSecond)), peakMiB: median(results.map((x) => x.peakKiB)) / 1024 };
    }
    const fastest = Math.max(...Object.entries(summary).filter(([t]) => t !== "ours").map(([, s]) => s.wps));
    speeds[mode] = summary.ours.wps;
    rows.push({ mode, ...summary, ratio: summary.ours.wps / fastest });
    const cell = (s) => (s ? `${Math.round(s.wps / 1000)}k w/s (${Math.round(s.peakMiB)} MiB)` : "—");
    console.log(
      `${mode.padEnd(13)} ours ${cell(summary.ours).padEnd(24)} word2vec.c ${cell(summary["word2vec.c"]).padEnd(24)} gensim ${cell(summary.gensim).padEnd(24)} ours ÷ fastest ${(summary.ours.wps / fastest).toFixed(2)}`,
    );
  }
}
for (const arch of ["skip-gram", "CBOW"]) {
  const scaling = speeds[`${arch} 2w`] / speeds[`${arch} 1w`];
  console.log(`${arch} scaling 2 workers ÷ 1: ${scaling.toFixed(2)}× (machine capacity ${capacity.toFixed(2)}×)`);
}
