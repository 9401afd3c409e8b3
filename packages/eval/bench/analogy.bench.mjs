// Analogy evaluation speed: ours against gensim 4's evaluate_word_analogies on the same vectors, same run.
//
//   pnpm --filter @neglab/eval bench            (needs the shared data: questions-words.txt)
//   BENCH_DIM=300 BENCH_RUNS=3 BENCH_RESTRICTS=30000,300000 pnpm --filter @neglab/eval bench
//
// Vectors: 300,000 words with deterministic random vectors (dim BENCH_DIM, default 100); every question word
// sits at a pseudo-random rank below 30,000, so all 19,544 questions are evaluated at both restrict_vocab
// settings and the work is the real workload's. Prints per-setting medians and the ratio ours / gensim.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Embeddings, readWord2Vec, writeWord2Vec } from "@neglab/vectors";
import { sharedData } from "@neglab/testkit";
import { evaluateAnalogies, readAnalogies } from "../dist/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const dim = Number(process.env.BENCH_DIM ?? 100);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const restricts = (process.env.BENCH_RESTRICTS ?? "30000,300000").split(",").map(Number);
const vocabSize = 300_000;

const paths = sharedData("eval/analogy/questions-words.txt");
if (paths === null) process.exit(0);
const [questionsPath] = paths;

/** The vocabulary: question words (lower-cased) at pseudo-random ranks below 30,000, filler elsewhere. */
function benchVectors() {
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const questionWords = new Set();
  for (const line of readFileSync(questionsPath, "utf8").split("\n")) {
    if (line.startsWith(":")) continue;
    for (const w of line.trim().split(/\s+/)) if (w) questionWords.add(w.toLowerCase());
  }
  const words = Array.from({ length: vocabSize }, (_, i) => `filler${i}`);
  for (const w of questionWords) {
    let rank;
    do rank = Math.floor(next() * 30_000);
    while (!words[rank].startsWith("filler"));
    words[rank] = w;
  }
  const vectors = new Float32Array(vocabSize * dim);
  for (let i = 0; i < vectors.length; i++) vectors[i] = next() - 0.5;
  return new Embeddings(words, vectors, dim);
}

const vectorsPath = join(tmpdir(), `neglab-analogy-bench-${vocabSize}x${dim}.bin`);
if (!existsSync(vectorsPath)) await writeWord2Vec(vectorsPath, benchVectors(), { binary: true });
const emb = await readWord2Vec(vectorsPath, { binary: true });
const questions = await readAnalogies(questionsPath);
emb.normalized();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = {};
for (const restrict of restricts) {
  ours[restrict] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = process.hrtime.bigint();
    const result = await evaluateAnalogies(emb, questions, { restrictVocab: restrict });
    ours[restrict].push(Number(process.hrtime.bigint() - t0) / 1e9);
    ours[`${restrict}-evaluated`] = result.total.total;
    ours[`${restrict}-correct`] = result.total.correct;
  }
}

const python = spawnSync(
  "/usr/bin/python3",
  [join(here, "gensim-analogy-timer.py"), vectorsPath, questionsPath, String(runs), ...restricts.map(String)],
  {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  },
);
if (python.status !== 0) {
  console.log(`gensim not measured (${python.error?.message ?? python.stderr.trim().split("\n").pop()})`);
}
const gensim = python.status === 0 ? JSON.parse(python.stdout) : null;

console.log(
  `analogy evaluation, ${vocabSize} words × ${dim} dims, ${questions.questions.length} questions, median of ${runs} runs`,
);
const disagreements = [];
for (const restrict of restricts) {
  const o = median(ours[restrict]);
  let line = `restrict_vocab=${restrict}: ours ${o.toFixed(2)} s (${ours[`${restrict}-evaluated`]} evaluated, ${ours[`${restrict}-correct`]} correct)`;
  if (gensim) {
    const g = median(gensim[restrict]);
    line += `, gensim ${g.toFixed(2)} s (${gensim[`${restrict}-evaluated`]} evaluated, ${gensim[`${restrict}-correct`]} correct), ours/gensim = ${(o / g).toFixed(2)}`;
    // A speed comparison only means something when both tools computed the same answers.
    for (const count of ["evaluated", "correct"]) {
      const [a, b] = [ours[`${restrict}-${count}`], gensim[`${restrict}-${count}`]];
      if (a !== b) disagreements.push(`restrict_vocab=${restrict}: ${count} ours ${a} ≠ gensim ${b}`);
    }
  }
  console.log(line);
}
if (disagreements.length > 0) {
  console.error(
    `FAIL: ours and gensim disagree, so the timings compare different work:\n  ${disagreements.join("\n  ")}`,
  );
  process.exitCode = 1;
}
