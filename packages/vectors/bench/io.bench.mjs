// word2vec file reading speed: ours against gensim's load_word2vec_format on the same files, same run.
//
//   pnpm --filter @neglab/vectors bench          (BENCH_WORDS, BENCH_DIM, BENCH_RUNS to change the setup)
//
// Writes BENCH_WORDS (default 100,000) deterministic random vectors of BENCH_DIM (default 100) dimensions as
// word2vec text and binary into the temp directory, then times reading each (median of BENCH_RUNS, default 3).
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Embeddings, readWord2Vec, writeWord2Vec } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const words = Number(process.env.BENCH_WORDS ?? 100_000);
const dim = Number(process.env.BENCH_DIM ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);

let state = 99;
const vectors = Float32Array.from(
  { length: words * dim },
  () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5,
);
const emb = new Embeddings(
  Array.from({ length: words }, (_, i) => `word${i}`),
  vectors,
  dim,
);
const files = {
  text: join(tmpdir(), `neglab-io-bench-${words}x${dim}.txt`),
  binary: join(tmpdir(), `neglab-io-bench-${words}x${dim}.bin`),
};
const seconds = async (fn) => {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const write = { text: [], binary: [] };
const read = { text: [], binary: [] };
for (let run = 0; run < runs; run++) {
  for (const kind of ["text", "binary"]) {
    write[kind].push(await seconds(() => writeWord2Vec(files[kind], emb, { binary: kind === "binary" })));
    read[kind].push(await seconds(() => readWord2Vec(files[kind], { binary: kind === "binary" })));
  }
}
const python = spawnSync(
  "/usr/bin/python3",
  [join(here, "gensim-load-timer.py"), files.text, files.binary, String(runs)],
  { encoding: "utf8" },
);
const gensim = python.status === 0 ? JSON.parse(python.stdout) : null;
if (gensim === null)
  console.log(`gensim not measured (${python.error?.message ?? python.stderr.trim().split("\n").pop()})`);

console.log(`word2vec files, ${words} words × ${dim} dims, median of ${runs} runs`);
for (const kind of ["text", "binary"]) {
  let line = `${kind}: write ${median(write[kind]).toFixed(2)} s, read ${median(read[kind]).toFixed(2)} s`;
  if (gensim)
    line += `; gensim load ${median(gensim[kind]).toFixed(2)} s, ours/gensim = ${(median(read[kind]) / median(gensim[kind])).toFixed(2)}`;
  console.log(line);
}
