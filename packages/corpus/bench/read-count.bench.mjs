// Reading + counting throughput on a corpus of ≥ 10M tokens, against gensim's build_vocab on the same file.
//
//   pnpm --filter @neglab/corpus bench            (NEGLAB_DATA defaults to ../shared/data)
//
// The corpus is the shared brown.txt repeated until it holds ≥ 10M tokens (or the embedded Brown
// corpus when the shared data is absent). Each tool runs 3 times in a fresh process; medians are quoted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeBigCorpus } from "./big-corpus.mjs";

const REPEATS = 3;
const MIN_TOKENS = 10_000_000;
const here = fileURLToPath(new URL(".", import.meta.url));

if (process.argv[2] === "--child") {
  // One measured run in this process: read + count, then report tokens/s and peak RSS.
  const { buildVocabulary, openCorpus } = await import("../dist/index.js");
  const t0 = performance.now();
  const { stats } = await buildVocabulary(await openCorpus(process.argv[3]), { minCount: 5 });
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ tokens: stats.tokens, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "neglab-bench-corpus-"));
const file = join(work, "big.txt");
const written = await writeBigCorpus(file, MIN_TOKENS);
// The machine is shared: the load average says how much CPU the figures competed for.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
console.log(
  `machine: ${cpus().length}× ${cpus()[0]?.model ?? "unknown CPU"}, Node ${process.version}; load average before: ${load()}`,
);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = [];
for (let i = 0; i < REPEATS; i++) {
  const out = spawnSync(process.execPath, [join(here, "read-count.bench.mjs"), "--child", file], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  ours.push(JSON.parse(out.stdout.trim().split("\n").pop()));
}
// The reader's own count must equal the exact count made while writing, and reach the target.
const tokens = ours[0].tokens;
if (tokens !== written) throw new Error(`read ${tokens} tokens but wrote ${written}`);
if (tokens < MIN_TOKENS) throw new Error(`corpus holds ${tokens} tokens, fewer than ${MIN_TOKENS}`);
const ourRate = median(ours.map((r) => r.tokens / r.seconds));
console.log(`corpus: ${file} (${tokens} tokens, counted exactly)`);
console.log(
  `neglab  read+count: ${(ourRate / 1e6).toFixed(2)}M tokens/s (median of ${REPEATS}), peak RSS ${median(ours.map((r) => r.maxRssMiB)).toFixed(0)} MiB`,
);

const gensimScript = `
import sys, time, resource, logging
logging.disable(logging.CRITICAL)
from gensim.models.word2vec import LineSentence, Word2Vec
t0 = time.perf_counter()
m = Word2Vec(min_count=5, workers=1)
m.build_vocab(LineSentence(sys.argv[1]))
print(m.corpus_total_words, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
`;
const probe = spawnSync("/usr/bin/python3", ["-c", "import gensim"], { encoding: "utf8" });
if (probe.status === 0) {
  const runs = [];
  for (let i = 0; i < REPEATS; i++) {
    const out = spawnSync("/usr/bin/python3", ["-c", gensimScript, file], { encoding: "utf8" });
    if (out.status !== 0) throw new Error(out.stderr);
    const [words, seconds, rss] = out.stdout.trim().split(/\s+/).map(Number);
    if (words !== tokens) throw new Error(`gensim counted ${words} tokens, neglab ${tokens}`);
    runs.push({ rate: words / seconds, rss });
  }
  const gensimRate = median(runs.map((r) => r.rate));
  console.log(
    `gensim  build_vocab: ${(gensimRate / 1e6).toFixed(2)}M tokens/s (median of ${REPEATS}), peak RSS ${median(runs.map((r) => r.rss)).toFixed(0)} MiB`,
  );
  console.log(`ratio neglab / gensim: ${(ourRate / gensimRate).toFixed(2)}`);
} else {
  console.log("gensim not importable by /usr/bin/python3: no reference measured (apt-get install python3-gensim)");
}
console.log(`load average after: ${load()}`);
rmSync(work, { recursive: true, force: true });
