import { describe, expect, test } from "vitest";
import type { Architecture, KernelKind } from "../src/index.js";
import { ALPHA, DIM, maxRelativeError, start, tableSigma, trainPlantedSentence } from "./update-rule.js";

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
    const model = await trainPlantedSentence(
      architecture,
      kernel,
      [...ids],
      negatives.map((n) => [...n]),
    );
    // the update moved the vectors by far more than the tolerance
    expect(maxRelativeError(model.vectors, Float64Array.from(start(0)))).toBeGreaterThan(0.01);
    expect(maxRelativeError(model.outputVectors!, Float64Array.from(start(1)))).toBeGreaterThan(0.01);
    // and ours equal the rule's to float32 rounding (a few units in the last place of 2^−24)
    expect(maxRelativeError(model.vectors, expected.input)).toBeLessThan(2e-6);
    expect(maxRelativeError(model.outputVectors!, expected.output)).toBeLessThan(2e-6);
  });
});
