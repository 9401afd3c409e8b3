// Training from the in-memory encoding against training from the encoded corpus file (each worker reading
// its blocks with positional reads, every id checked): words/s and peak RSS of the same training, the two
// encodings alternating within each rep (in turn first) so that both meet the same load. Skip-gram and CBOW, 1 and 2 workers,
// size 100, window 5, negative 5, sample 1e-3, min_count 5, 5 epochs; medians of --reps runs.
//
//   pnpm --filter @neglab/trainer bench:encoded [-- --reps 3 --corpus brown|prose]
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { benchArgs, benchCorpus, dataDir, median, runOurs } from "./reference-tools.mjs";

const { values: flags } = parseArgs({
  args: benchArgs(),
  options: { reps: { type: "string", default: "3" }, corpus: { type: "string", default: "brown" } },
});
const reps = Number(flags.reps);
const corpus = await benchCorpus(flags.corpus, dataDir());
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
console.log(`corpus ${flags.corpus}: ${corpus.tokens} tokens; medians of ${reps}; load average before: ${load()}`);
console.log(
  "| mode | memory: words/s (peak RSS) | file: words/s (peak RSS) | file ÷ memory (median of per-rep ratios) |",
);
console.log("| --- | --- | --- | --- |");
for (const architecture of ["skipgram", "cbow"]) {
  for (const workers of [1, 2]) {
    const runs = { memory: [], file: [] };
    for (let r = 0; r < reps; r++) {
      // the order alternates from rep to rep, so neither encoding always runs first after the other's run
      for (const encoding of r % 2 === 0 ? ["memory", "file"] : ["file", "memory"])
        runs[encoding].push(await runOurs(corpus, { architecture, workers, seed: r + 1 }, undefined, encoding));
    }
    const cell = (results) =>
      `${Math.round(median(results.map((x) => x.wordsPerSecond)) / 1000)}k (${Math.round(median(results.map((x) => x.peakKiB)) / 1024)} MiB)`;
    const ratio = median(runs.file.map((x, r) => x.wordsPerSecond / runs.memory[r].wordsPerSecond));
    console.log(`| ${architecture} ${workers}w | ${cell(runs.memory)} | ${cell(runs.file)} | ${ratio.toFixed(2)} |`);
  }
}
console.log(`load average after: ${load()}`);
