import { Vocabulary, type EncodedCorpus } from "@neglab/corpus";
import { createStream } from "@neglab/random";
import { expect, test } from "vitest";
import { modelMemory, resolveSettings, train } from "../src/index.js";

// Issue #21: a 1,000,000-word × 300-dimension model trains. Its two matrices
// take 2.4 GB of the 4 GiB WebAssembly memory, so the rows of the last ids in
// syn1neg lie above byte 2³¹ (where a signed address would turn negative).
// The corpus is small and uses words across the whole range, the last ids too.
// Every input row is checked against its starting value, replayed from the
// seed's initialisation stream (gensim 4's uniform ±1/vectorSize, README).

const WORDS = 1_000_000;
const DIM = 300;
const settings = {
  architecture: "skipgram",
  vectorSize: DIM,
  window: 2,
  negative: 5,
  sample: 0,
  epochs: 1,
  workers: 2,
  seed: 1,
} as const;

test("a 1,000,000-word × 300-dimension skip-gram model trains on 2 workers", async () => {
  const words = Array.from({ length: WORDS }, (_, i) => `w${i}`);
  const counts = Float64Array.from({ length: WORDS }, (_, i) => 5 + Math.floor(1e7 / (i + 1)));
  const vocabulary = new Vocabulary(words, counts);

  // 3,000 words spread over the ids (every 399th) plus the last 500, in sentences of 10, each sentence 4 times:
  // a word's input row moves once the output rows of its neighbours have (from the second pass on)
  const used = [
    ...Array.from({ length: 2500 }, (_, i) => i * 399),
    ...Array.from({ length: 500 }, (_, i) => WORDS - 500 + i),
  ];
  const sentences: number[][] = [];
  for (let rep = 0; rep < 4; rep++) for (let s = 0; s < used.length; s += 10) sentences.push(used.slice(s, s + 10));
  const encoded: EncodedCorpus = {
    ids: Int32Array.from(sentences.flat()),
    sentenceStarts: Int32Array.from([0, ...sentences.map((_, s) => (s + 1) * 10)]),
    tokens: sentences.length * 10,
    sentences: sentences.length,
    rawTokens: sentences.length * 10,
    rawSentences: sentences.length,
  };
  const layout = modelMemory(resolveSettings(settings), WORDS).layout;
  expect(layout.syn1neg + (WORDS - 1) * DIM * 4).toBeGreaterThan(2 ** 31);

  const model = await train({ ...settings, vocabulary, encoded });

  expect(model.vocabulary.size).toBe(WORDS);
  expect(model.dim).toBe(DIM);
  expect(model.vectors.length).toBe(WORDS * DIM);
  expect(model.outputVectors!.length).toBe(WORDS * DIM);
  const trained = new Set(used);
  const init = createStream(settings.seed, "trainer/init");
  let moved = 0;
  let kept = 0;
  for (let row = 0; row < WORDS; row++) {
    let changed = false;
    const vector = model.vectors.subarray(row * DIM, (row + 1) * DIM);
    for (let i = 0; i < DIM; i++) {
      if (!Number.isFinite(vector[i])) throw new Error(`input vector of w${row} is not finite`);
      if (vector[i] !== Math.fround((2 * init.nextFloat() - 1) / DIM)) changed = true;
    }
    if (trained.has(row)) {
      if (!changed) throw new Error(`input vector of trained word w${row} did not move`);
      moved++;
    } else {
      if (changed) throw new Error(`input vector of unseen word w${row} changed`);
      kept++;
    }
  }
  expect([moved, kept]).toEqual([3000, WORDS - 3000]);
  // the output rows of the last ids, above 2 GiB in the memory, were trained as targets
  for (const row of [WORDS - 1, WORDS - 250]) {
    const output = model.outputVectors!.subarray(row * DIM, (row + 1) * DIM);
    expect(output.every(Number.isFinite)).toBe(true);
    expect(output.some((v) => v !== 0)).toBe(true);
  }
  expect(model.epochs[0].trainedWords).toBe(encoded.ids.length);
}, 600_000);
