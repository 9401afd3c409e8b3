// Encoding a corpus in memory (`encodeCorpus`, shared) against encoding it to a file (`writeEncodedCorpus`): time
// and peak RSS of each, in fresh processes, on the shared brown.txt repeated to ≥ --tokens tokens (default 20M).
// The vocabulary is counted first in the same process (minCount 5); its time is left out, its memory is not
// (the same in both), so the difference in peak RSS is what holding the encoding costs.
//
//   pnpm --filter @neglab/corpus bench:encode [-- --tokens 20000000 --reps 3]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { writeBigCorpus } from "./big-corpus.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));

if (process.argv[2] === "--child") {
  // One measured encoding in this process: "memory" or "file" (written to argv[5]).
  const { buildVocabulary, encodeCorpus, writeEncodedCorpus, openCorpus } = await import("../dist/index.js");
  const [, , , mode, path, output] = process.argv;
  const corpus = await openCorpus(path);
  const { vocabulary } = await buildVocabulary(corpus, { minCount: 5 });
  const t0 = performance.now();
  const encoded =
    mode === "memory"
      ? await encodeCorpus(corpus, vocabulary, { shared: true })
      : await writeEncodedCorpus(output, corpus, vocabulary);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ tokens: encoded.tokens, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { values: flags } = parseArgs({
  options: { tokens: { type: "string", default: "20000000" }, reps: { type: "string", default: "3" } },
});
const work = mkdtempSync(join(tmpdir(), "neglab-bench-encode-"));
const text = join(work, "big.txt");
const output = join(work, "big.encoded");
const written = await writeBigCorpus(text, Number(flags.tokens));
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
console.log(
  `machine: ${cpus().length}× ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; load average before: ${load()}`,
);
console.log(`corpus: ${written} tokens`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = { memory: [], file: [] };
for (let r = 0; r < Number(flags.reps); r++) {
  // the order alternates from rep to rep, so neither mode always runs first
  for (const mode of r % 2 === 0 ? ["memory", "file"] : ["file", "memory"]) {
    const out = spawnSync(process.execPath, [join(here, "encode.bench.mjs"), "--child", mode, text, output], {
      encoding: "utf8",
    });
    if (out.status !== 0) throw new Error(out.stderr);
    runs[mode].push(JSON.parse(out.stdout.trim().split("\n").pop()));
  }
}
for (const [mode, results] of Object.entries(runs)) {
  const rate = median(results.map((r) => r.tokens / r.seconds));
  console.log(
    `${mode.padEnd(6)}: ${results[0].tokens} in-vocabulary tokens, ${(rate / 1e6).toFixed(2)}M tokens/s, peak RSS ${median(results.map((r) => r.maxRssMiB)).toFixed(0)} MiB (medians of ${results.length})`,
  );
}
console.log(`file size: ${(statSync(output).size / 2 ** 20).toFixed(1)} MiB; load average after: ${load()}`);
rmSync(work, { recursive: true, force: true });
