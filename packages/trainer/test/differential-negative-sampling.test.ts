import { Vocabulary, type EncodedCorpus } from "@neglab/corpus";
import { describe, expect, test } from "vitest";
import { train, type Architecture, type KernelKind } from "../src/index.js";

// Negative sampling checked against the update rule itself rather than the other kernel
// (the WebAssembly and TypeScript kernels were written together, so a formula slip both
// share would pass their bit-identity test). Nothing is random here: subsampling is off,
// the window is not reduced, and a planted sampler (fixtures/planted-negatives.mjs) names
// each record's negatives. The expected vectors are computed below in float64 with the
// rule of Mikolov et al. 2013 as word2vec.c's TrainModelThread (and gensim's
// fast_sentence_sg_neg / fast_sentence_cbow_neg) apply it, per record:
//
//   h = the input word's vector (skip-gram) or the mean of the context vectors (CBOW)
//   for each target t (the positive, label 1, then each negative, label 0, in order):
//     f = h · out[t];  g = (label − σ(f)) · α;  e += g · out[t];  out[t] += g · h
//   then the input word's vector (skip-gram) or every context vector (CBOW) += e
//
// with σ read from word2vec.c's table (1000 entries over [−6, 6), index ⌊(f + 6) · 83⌋),
// computed here from its definition, not taken from the trainer.

const PLANTED = new URL("./fixtures/planted-negatives.mjs", import.meta.url).href;
const DIM = 7; // not a multiple of 4: the SIMD kernel's remainder loop takes part
const ALPHA = 0.2; // large, so an update is far above float32 rounding

const words = ["a", "b", "c", "d", "e"];
const vocabulary = new Vocabulary(words, [5, 4, 3, 2, 1]);

/** One sentence of the given word ids. */
function sentence(ids: number[]): EncodedCorpus {
  return {
    ids: Int32Array.from(ids),
    sentenceStarts: Int32Array.from([0, ids.length]),
    tokens: ids.length,
    sentences: 1,
    rawTokens: ids.length,
    rawSentences: 1,
  };
}

/** Fixed starting vectors with entries in ±0.6, so that σ is far from ½ and the input gradient is not zero. */
function start(salt: number): Float32Array {
  return Float32Array.from({ length: words.length * DIM }, (_, i) => Math.fround(0.6 * Math.sin(1.7 * i + salt)));
}

/** word2vec.c's σ table entry for score f (inside ±6), in float64; also how far f lies from an entry boundary. */
function tableSigma(f: number): { sigma: number; margin: number } {
  const position = (f + 6) * Math.floor(Math.floor(1000 / 6) / 2);
  const index = Math.floor(position);
  const x = ((2 * index) / 1000 - 1) * 6;
  return { sigma: Math.exp(x) / (Math.exp(x) + 1), margin: Math.min(position - index, index + 1 - position) };
}

interface Reference {
  input: Float64Array;
  output: Float64Array;
  /** The smallest distance of any score from a table boundary (in table steps), and the largest |score|. */
  margin: number;
  maxScore: number;
}

/** Replays the records of one sentence with the rule above, in float64. */
function reference(architecture: Architecture, ids: number[], negatives: number[][]): Reference {
  const input = Float64Array.from(start(0));
  const output = Float64Array.from(start(1));
  let margin = Number.POSITIVE_INFINITY;
  let maxScore = 0;
  const row = (m: Float64Array, w: number): Float64Array => m.subarray(w * DIM, (w + 1) * DIM);
  const update = (h: Float64Array, positive: number): Float64Array => {
    const e = new Float64Array(DIM);
    for (const [t, label] of [[positive, 1], ...negatives[positive].map((n) => [n, 0])]) {
      const out = row(output, t);
      const f = h.reduce((sum, v, i) => sum + v * out[i], 0);
      const table = tableSigma(f);
      margin = Math.min(margin, table.margin);
      maxScore = Math.max(maxScore, Math.abs(f));
      const g = (label - table.sigma) * ALPHA;
      for (let i = 0; i < DIM; i++) e[i] += g * out[i];
      for (let i = 0; i < DIM; i++) out[i] += g * h[i];
    }
    return e;
  };
  for (let center = 0; center < ids.length; center++) {
    const contexts = [center - 1, center + 1].filter((c) => c >= 0 && c < ids.length).map((c) => ids[c]);
    if (architecture === "skipgram") {
      // each context word's vector predicts the center word (word2vec.c: l1 = the context word's row)
      for (const context of contexts) {
        const h = row(input, context);
        const e = update(Float64Array.from(h), ids[center]);
        for (let i = 0; i < DIM; i++) h[i] += e[i];
      }
    } else {
      const h = new Float64Array(DIM);
      for (const context of contexts) for (let i = 0; i < DIM; i++) h[i] += row(input, context)[i] / contexts.length;
      const e = update(h, ids[center]);
      for (const context of contexts) for (let i = 0; i < DIM; i++) row(input, context)[i] += e[i];
    }
  }
  return { input, output, margin, maxScore };
}

function maxRelativeError(ours: Float32Array, expected: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++)
    worst = Math.max(worst, Math.abs(ours[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-3));
  return worst;
}

describe.each<KernelKind>(["wasm", "js"])("%s kernel: negative-sampling updates equal the float64 rule", (kernel) => {
  test.each([
    // skip-gram "a b": b predicts a against c, d, c (c twice: the second sees c's updated output row),
    // then a predicts b against b itself (kept as a negative) and e
    {
      architecture: "skipgram",
      ids: [0, 1],
      negatives: [
        [2, 3, 2],
        [1, 4],
      ],
    },
    // CBOW "a b c": b predicts a; the mean of a and c predicts b; b predicts c
    { architecture: "cbow", ids: [0, 1, 2], negatives: [[3, 4], [1, 3, 0], [4]] },
  ] as const)("$architecture", async ({ architecture, ids, negatives }) => {
    const expected = reference(
      architecture,
      [...ids],
      negatives.map((n) => [...n]),
    );
    // the scores stay inside the table and away from its entries' boundaries, where
    // float32 and float64 scores could read different entries
    expect(expected.maxScore).toBeLessThan(6);
    expect(expected.margin).toBeGreaterThan(0.01);
    const model = await train({
      vocabulary,
      encoded: sentence([...ids]),
      architecture,
      kernel,
      vectorSize: DIM,
      window: 1,
      shrinkWindows: false,
      sample: 0,
      alpha: ALPHA, // the first sentence trains at the initial α
      epochs: 1,
      workers: 1,
      negative: Math.max(...negatives.map((n) => n.length)),
      samplerModule: PLANTED,
      sampler: { type: "planted", negatives: negatives.map((n) => [...n]) },
      initialVectors: { input: start(0), output: start(1) },
    });
    // the update moved the vectors by far more than the tolerance
    expect(maxRelativeError(model.vectors, Float64Array.from(start(0)))).toBeGreaterThan(0.01);
    expect(maxRelativeError(model.outputVectors!, Float64Array.from(start(1)))).toBeGreaterThan(0.01);
    // and ours equal the rule's to float32 rounding (a few units in the last place of 2^−24)
    expect(maxRelativeError(model.vectors, expected.input)).toBeLessThan(2e-6);
    expect(maxRelativeError(model.outputVectors!, expected.output)).toBeLessThan(2e-6);
  });
});
