import { describe, expect, test } from "vitest";
import { TrainingAbortedError, TrainingDivergedError, type KernelKind, type TrainProgress } from "../src/index.js";
import { topicRecovery, trainPlanted } from "./helpers.js";

// The same tests run on both kernels: the SIMD WebAssembly one and the
// TypeScript reference.
describe.each<KernelKind>(["wasm", "js"])("%s kernel", (kernel) => {
  // Every mode must recover the planted topics: words that share all their
  // contexts end up nearest neighbours, words that never meet stay apart.
  test.each([
    { name: "skip-gram, negative sampling", architecture: "skipgram", negative: 5, hs: false },
    { name: "skip-gram, hierarchical softmax", architecture: "skipgram", negative: 0, hs: true },
    { name: "skip-gram, both", architecture: "skipgram", negative: 5, hs: true },
    { name: "CBOW mean, negative sampling", architecture: "cbow", negative: 5, hs: false },
    { name: "CBOW sum, negative sampling", architecture: "cbow", negative: 5, hs: false, cbowMean: false },
    { name: "CBOW mean, hierarchical softmax", architecture: "cbow", negative: 0, hs: true },
    { name: "skip-gram, word2vec.c clipping", architecture: "skipgram", negative: 5, hs: false, saturation: "clip" },
  ] as const)("$name recovers planted topics", async ({ name: _name, ...settings }) => {
    const model = await trainPlanted({ kernel, ...settings });
    const recovery = topicRecovery(model);
    expect(recovery.nearestSameTopic).toBe(1);
    expect(recovery.within - recovery.across).toBeGreaterThan(0.3);
    // the loss falls from the first epoch to the last
    expect(model.epochs.at(-1)!.loss).toBeLessThan(model.epochs[0].loss);
  });

  test("two runs with one worker and the same seed give bit-identical vectors", async () => {
    const a = await trainPlanted({ kernel, architecture: "skipgram", sample: 1e-2, seed: 42 });
    const b = await trainPlanted({ kernel, architecture: "skipgram", sample: 1e-2, seed: 42 });
    const c = await trainPlanted({ kernel, architecture: "skipgram", sample: 1e-2, seed: 43 });
    expect(Buffer.from(a.vectors.buffer).equals(Buffer.from(b.vectors.buffer))).toBe(true);
    expect(Buffer.from(a.outputVectors!.buffer).equals(Buffer.from(b.outputVectors!.buffer))).toBe(true);
    expect(a.epochs.map((e) => e.loss)).toEqual(b.epochs.map((e) => e.loss));
    expect(Buffer.from(a.vectors.buffer).equals(Buffer.from(c.vectors.buffer))).toBe(false);
  });

  test("two Hogwild workers train as well as one, with the same loss", async () => {
    const one = await trainPlanted({ kernel, architecture: "cbow", workers: 1 });
    const two = await trainPlanted({ kernel, architecture: "cbow", workers: 2 });
    expect(topicRecovery(two).nearestSameTopic).toBe(1);
    // every word is trained once per epoch whichever worker takes it (no subsampling here)
    expect(two.epochs[0].trainedWords).toBe(two.stats.epochWords);
    // the float64 loss sums both workers' shares: the same size as one worker's. The
    // first epoch's (high learning rate) depends on how the workers interleave, so it
    // gets a wider margin than the later epochs'.
    expect(Math.abs(two.epochs[0].loss / one.epochs[0].loss - 1)).toBeLessThan(0.1);
    for (let e = 1; e < 5; e++) expect(Math.abs(two.epochs[e].loss / one.epochs[e].loss - 1)).toBeLessThan(0.03);
  });

  test("a weighted sampler's weights scale the negatives' gradients and losses", async () => {
    const model = await trainPlanted({ kernel, architecture: "skipgram", sampler: { type: "weighted-uniform" } });
    expect(topicRecovery(model).nearestSameTopic).toBe(1);
  });

  test("a model-aware sampler sees the anchor's current input vector before each draw", async () => {
    // the test sampler poisons the model if `hidden` ever differs from the input vector
    const model = await trainPlanted({ kernel, architecture: "skipgram", sampler: { type: "aware" }, epochs: 2 });
    expect(Number.isFinite(model.vectors[0])).toBe(true);
  });

  test("a huge alpha diverges with an error naming the epoch and the setting", async () => {
    const run = trainPlanted({ kernel, architecture: "cbow", saturation: "clip", alpha: 1e30, minAlpha: 1e29 });
    await expect(run).rejects.toBeInstanceOf(TrainingDivergedError);
    await expect(run).rejects.toThrow(/epoch 1 of 5.*lower alpha \(now 1e\+30\)/);
  });

  // Under saturation "skip" (the default, gensim's) saturated targets stop updating before anything overflows,
  // so the loss stays finite but explodes: the mean loss per prediction must give the divergence away.
  test.each([
    { architecture: "skipgram", saturation: "skip", negative: 5, hs: false },
    { architecture: "cbow", saturation: "skip", negative: 5, hs: false },
    { architecture: "skipgram", saturation: "clip", negative: 5, hs: false },
    { architecture: "cbow", saturation: "skip", negative: 0, hs: true },
    { architecture: "skipgram", saturation: "skip", negative: 5, hs: false, sampler: { type: "weighted-uniform" } },
  ] as const)("learning rate 1e6 diverges under every saturation rule: %j", async (settings) => {
    const error = await trainPlanted({ kernel, ...settings, alpha: 1e6, epochs: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrainingDivergedError);
    expect((error as TrainingDivergedError).epoch).toBe(0);
    expect((error as Error).message).toMatch(/^training diverged in epoch 1 of 3: .*; lower alpha \(now 1000000\)$/);
  });
});

// The reference kernel performs the SIMD kernel's float32 operations in the
// same order, so the two must agree to the last bit in every mode. The SIMD
// kernel trains blocks of four targets at once where the reference trains one
// at a time: k = 15 on the planted corpus's small vocabulary draws a word twice
// in many blocks (the one-at-a-time fallback), weighted negatives and a learning
// rate that saturates scores (skipped targets in a block) cover the rest.
test.each([
  { architecture: "skipgram", negative: 5, hs: true, vectorSize: 23 },
  { architecture: "cbow", negative: 5, hs: true, vectorSize: 24 },
  { architecture: "cbow", negative: 3, hs: false, cbowMean: false, saturation: "clip", vectorSize: 10 },
  { architecture: "skipgram", negative: 15, hs: false, vectorSize: 300 },
  { architecture: "skipgram", negative: 11, hs: true, vectorSize: 9, sampler: { type: "weighted-uniform" } },
  { architecture: "cbow", negative: 15, hs: false, vectorSize: 30, alpha: 0.5 },
] as const)("wasm and js kernels give bit-identical vectors: %j", async (settings) => {
  const wasm = await trainPlanted({ kernel: "wasm", sample: 1e-2, ...settings, epochs: 2 });
  const js = await trainPlanted({ kernel: "js", sample: 1e-2, ...settings, epochs: 2 });
  for (const key of ["vectors", "outputVectors", "hsVectors"] as const) {
    expect(wasm[key] === null).toBe(js[key] === null);
    if (wasm[key] !== null) expect(Buffer.from(wasm[key].buffer).equals(Buffer.from(js[key]!.buffer))).toBe(true);
  }
  expect(wasm.epochs.map((e) => e.loss)).toEqual(js.epochs.map((e) => e.loss));
});

describe("epochs, progress and cancellation", () => {
  test("epoch callbacks and progress events report the schedule", async () => {
    const epochs: number[] = [];
    const progress: TrainProgress[] = [];
    const model = await trainPlanted({
      architecture: "skipgram",
      epochs: 3,
      progressInterval: 1,
      onEpochEnd: (report) => epochs.push(report.epoch),
      onProgress: (p) => progress.push(p),
    });
    expect(epochs).toEqual([0, 1, 2]);
    expect(model.epochs.map((e) => e.alpha.toFixed(6))).toEqual(["0.016700", "0.008400", "0.000100"]);
    expect(model.stats.wordsPerSecond).toBeGreaterThan(0);
    for (const p of progress) {
      expect(p.progress).toBeGreaterThanOrEqual(0);
      expect(p.progress).toBeLessThanOrEqual(1);
      expect(p.alpha).toBeLessThanOrEqual(0.025);
      expect(p.alpha).toBeGreaterThanOrEqual(1e-4);
    }
  });

  test("a sampler that cannot be built or fails mid-epoch rejects training with its message", async () => {
    await expect(trainPlanted({ sampler: { type: "no-such-sampler" } })).rejects.toThrow(
      /could not be built: test sampler: unknown type no-such-sampler$/,
    );
    await expect(trainPlanted({ sampler: { type: "faulty" }, workers: 2 })).rejects.toThrow(
      /^sampler "faulty" \(from file:.*\) threw in draw: faulty sampler: draw 1000 failed$/,
    );
  });

  test("an abort signal stops training and keeps the partial model", async () => {
    const controller = new AbortController();
    const run = trainPlanted({
      architecture: "skipgram",
      epochs: 50,
      onEpochEnd: (report) => {
        if (report.epoch === 1) controller.abort();
      },
      signal: controller.signal,
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrainingAbortedError);
    const aborted = error as TrainingAbortedError;
    expect(aborted.epoch).toBe(2);
    expect(aborted.partial.epochs).toHaveLength(2);
    expect(aborted.partial.vectors.length).toBeGreaterThan(0);
  });
});
