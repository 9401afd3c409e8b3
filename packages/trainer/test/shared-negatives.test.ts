import { describe, expect, test } from "vitest";
import { TrainOptionError, type KernelKind } from "../src/index.js";
import { topicRecovery, trainPlanted } from "./helpers.js";
import { ALPHA, DIM, maxRelativeError, start, tableSigma, trainPlantedSentence } from "./update-rule.js";

// Skip-gram with a window's negatives shared (`share: "window"`; Ji et al. 2016,
// "Parallelizing Word2Vec in Shared and Distributed Memory"), checked against the
// minibatch rule itself in float64, as differential-negative-sampling.test.ts checks
// the per-pair rule. Per center word w with context words c₁..c_m and targets
// t₀ = w (label 1), t₁..t_n = its planted negatives (label 0):
//
//   g[c][t] = (label_t − σ(in_c · out_t)) · α        for every pair, from the vectors before the window
//   e_c     = Σ_t g[c][t] · out_t                     (output rows before the window)
//   out_t  += Σ_c g[c][t] · in_c                      (input rows before the window), t in order
//   in_c   += e_c                                     c in order
//
// with σ from word2vec.c's table, computed here from its definition.

/** Replays one sentence with window 1 (no reduction) under the minibatch rule above, in float64. */
function reference(
  ids: number[],
  negatives: number[][],
): { input: Float64Array; output: Float64Array; margin: number; maxScore: number } {
  const input = Float64Array.from(start(0));
  const output = Float64Array.from(start(1));
  const row = (m: Float64Array, w: number): Float64Array => m.subarray(w * DIM, (w + 1) * DIM);
  let margin = Number.POSITIVE_INFINITY;
  let maxScore = 0;
  for (let center = 0; center < ids.length; center++) {
    const contexts = [center - 1, center + 1].filter((c) => c >= 0 && c < ids.length).map((c) => ids[c]);
    const targets: [number, number][] = [
      [ids[center], 1],
      ...negatives[ids[center]].map((n): [number, number] => [n, 0]),
    ];
    const before = (m: Float64Array, w: number): Float64Array => Float64Array.from(row(m, w));
    const ins = contexts.map((c) => before(input, c));
    const outs = targets.map(([t]) => before(output, t));
    const g = ins.map((h) =>
      outs.map((out, t) => {
        const f = h.reduce((sum, v, i) => sum + v * out[i], 0);
        const table = tableSigma(f);
        margin = Math.min(margin, table.margin);
        maxScore = Math.max(maxScore, Math.abs(f));
        return (targets[t][1] - table.sigma) * ALPHA;
      }),
    );
    const errors = ins.map((_, c) => {
      const e = new Float64Array(DIM);
      outs.forEach((out, t) => out.forEach((v, i) => (e[i] += g[c][t] * v)));
      return e;
    });
    targets.forEach(([t], ti) => ins.forEach((h, c) => h.forEach((v, i) => (row(output, t)[i] += g[c][ti] * v))));
    contexts.forEach((c, ci) => errors[ci].forEach((v, i) => (row(input, c)[i] += v)));
  }
  return { input, output, margin, maxScore };
}

describe.each<KernelKind>(["wasm", "js"])("%s kernel, share: window", (kernel) => {
  // "a b c a": b's window has two context words (a and c) sharing its negatives; a's negatives repeat e and
  // include a itself (kept as a negative), so duplicate targets and a context equal to a target take part
  test("skip-gram updates equal the float64 minibatch rule", async () => {
    const ids = [0, 1, 2, 0];
    const negatives = [[4, 0, 4], [2, 3], [1, 3], [], []];
    const expected = reference(ids, negatives);
    expect(expected.maxScore).toBeLessThan(6);
    expect(expected.margin).toBeGreaterThan(0.01);
    const model = await trainPlantedSentence("skipgram", kernel, ids, negatives, "window");
    expect(maxRelativeError(model.vectors, Float64Array.from(start(0)))).toBeGreaterThan(0.01);
    expect(maxRelativeError(model.vectors, expected.input)).toBeLessThan(2e-6);
    expect(maxRelativeError(model.outputVectors!, expected.output)).toBeLessThan(2e-6);
    // per pair instead: a different rule, visibly different vectors
    const perPair = await trainPlantedSentence("skipgram", kernel, ids, negatives);
    expect(maxRelativeError(perPair.vectors, expected.input)).toBeGreaterThan(1e-3);
  });

  test.each([
    { name: "unigram", sampler: { type: "unigram", alpha: 0.75, share: "window" } },
    { name: "weighted negatives", sampler: { type: "weighted-uniform", share: "window" } },
    { name: "word2vec.c clipping", sampler: { type: "unigram", alpha: 0.75, share: "window" }, saturation: "clip" },
  ] as const)(
    "skip-gram with shared negatives recovers planted topics ($name)",
    async ({ name: _name, ...settings }) => {
      const model = await trainPlanted({ kernel, architecture: "skipgram", ...settings });
      const recovery = topicRecovery(model);
      expect(recovery.nearestSameTopic).toBe(1);
      expect(recovery.within - recovery.across).toBeGreaterThan(0.3);
      expect(model.epochs.at(-1)!.loss).toBeLessThan(model.epochs[0].loss);
    },
  );
});

// The reference kernel performs the SIMD kernel's float32 operations in the same order.
test.each([
  { vectorSize: 23, sampler: { type: "unigram", alpha: 0.75, share: "window" } },
  { vectorSize: 24, sampler: { type: "weighted-uniform", share: "window" }, saturation: "clip" },
  { vectorSize: 10, sampler: { type: "unigram", alpha: 0.75, share: "window" }, workers: 1, window: 7 },
] as const)("share: window — wasm and js kernels give bit-identical vectors: %j", async (settings) => {
  const wasm = await trainPlanted({ kernel: "wasm", architecture: "skipgram", sample: 1e-2, ...settings, epochs: 2 });
  const js = await trainPlanted({ kernel: "js", architecture: "skipgram", sample: 1e-2, ...settings, epochs: 2 });
  expect(Buffer.from(wasm.vectors.buffer).equals(Buffer.from(js.vectors.buffer))).toBe(true);
  expect(Buffer.from(wasm.outputVectors!.buffer).equals(Buffer.from(js.outputVectors!.buffer))).toBe(true);
  expect(wasm.epochs.map((e) => e.loss)).toEqual(js.epochs.map((e) => e.loss));
});

test("CBOW draws once per window anyway: share: window trains the same vectors", async () => {
  const pair = await trainPlanted({ architecture: "cbow", sample: 1e-2, epochs: 2 });
  const window = await trainPlanted({
    architecture: "cbow",
    sample: 1e-2,
    epochs: 2,
    sampler: { type: "unigram", alpha: 0.75, share: "window" },
  });
  expect(Buffer.from(window.vectors.buffer).equals(Buffer.from(pair.vectors.buffer))).toBe(true);
});

test("share is checked: a value other than pair/window, or window with hierarchical softmax", async () => {
  const bad = await trainPlanted({
    architecture: "skipgram",
    sampler: { type: "unigram", share: "sentence" as never },
  }).catch((e: unknown) => e);
  expect(bad).toBeInstanceOf(TrainOptionError);
  expect((bad as Error).message).toMatch(/sampler\.share.*"pair", "window".*"sentence"/);
  const hs = await trainPlanted({
    architecture: "skipgram",
    hs: true,
    sampler: { type: "unigram", share: "window" },
  }).catch((e: unknown) => e);
  expect(hs).toBeInstanceOf(TrainOptionError);
  expect((hs as Error).message).toMatch(/hs: false/);
});
