import { describe, expect, test } from "vitest";
import {
  TrainOptionError,
  TrainingAbortedError,
  resolveSettings,
  type InitialVectors,
  type InputInit,
} from "../src/index.js";
import { planted, trainPlanted } from "./helpers.js";

const DIM = 24; // trainPlanted's vectorSize
const size = planted.vocabulary.size;
const matrix = (fill = 0.01): Float32Array => new Float32Array(size * DIM).fill(fill);

async function rejection(run: Promise<unknown>): Promise<TrainOptionError> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TrainOptionError);
  return error as TrainOptionError;
}

describe("initialVectors", () => {
  test.each([
    [
      "a matrix of the wrong size",
      { input: new Float32Array(size * DIM - 1) },
      "initialVectors.input",
      `has ${size * DIM - 1} values; the vocabulary's ${size} words × vectorSize ${DIM} need ${size * DIM}`,
    ],
    [
      "a non-finite value",
      { input: Object.assign(matrix(), { [DIM + 3]: Number.NaN }) },
      "initialVectors.input",
      `value ${DIM + 3} (word "${planted.vocabulary.words[1]}", component 3) is NaN`,
    ],
    ["a plain array", { input: [...matrix()] }, "initialVectors.input", "must be a Float32Array, got Array"],
    ["no input", { output: matrix() }, "initialVectors.input", "is required"],
    ["an unknown matrix", { input: matrix(), syn1: matrix() }, "initialVectors.syn1", "is not a matrix of the model"],
    [
      "hsOutput without hs",
      { input: matrix(), hsOutput: matrix() },
      "initialVectors.hsOutput",
      "hierarchical softmax is off",
    ],
  ])("rejects %s, naming the matrix", async (_what, initialVectors, field, message) => {
    const error = await rejection(trainPlanted({ initialVectors: initialVectors as unknown as InitialVectors }));
    expect(error.field).toBe(field);
    expect(error.message).toContain(message);
  });

  test("rejects output vectors when negative sampling is off", async () => {
    const error = await rejection(
      trainPlanted({ negative: 0, hs: true, initialVectors: { input: matrix(), output: matrix() } }),
    );
    expect(error.message).toBe(
      "initialVectors.output: is given but negative sampling is off (negative: 0), so there is no output matrix to start from",
    );
  });

  test("rejects initialVectors with initialModel before any work", async () => {
    const model = await trainPlanted({ epochs: 1 });
    const error = await rejection(trainPlanted({ initialModel: model, initialVectors: { input: matrix() } }));
    expect(error.message).toBe("initialVectors: cannot be combined with initialModel, which brings its own vectors");
  });

  test("training starts from the given vectors instead of the seed's random ones", async () => {
    // Without subsampling, reduced windows or negatives, the seed only draws the
    // initial vectors: given vectors make two seeds train identically.
    const input = Float32Array.from({ length: size * DIM }, (_, i) => Math.sin(i) / DIM);
    const hsOutput = Float32Array.from({ length: size * DIM }, (_, i) => Math.cos(i) / 10);
    const settings = { architecture: "skipgram", negative: 0, hs: true, shrinkWindows: false, epochs: 1 } as const;
    const a = await trainPlanted({ ...settings, seed: 1, initialVectors: { input, hsOutput } });
    const b = await trainPlanted({ ...settings, seed: 2, initialVectors: { input, hsOutput } });
    expect(Buffer.from(a.vectors.buffer).equals(Buffer.from(b.vectors.buffer))).toBe(true);
    expect(Buffer.from(a.hsVectors!.buffer).equals(Buffer.from(b.hsVectors!.buffer))).toBe(true);
    const c = await trainPlanted({ ...settings, seed: 1 });
    const d = await trainPlanted({ ...settings, seed: 2 });
    expect(Buffer.from(c.vectors.buffer).equals(Buffer.from(d.vectors.buffer))).toBe(false);
    // the caller's arrays are copied, not trained in place
    expect(input[5]).toBe(Math.fround(Math.sin(5) / DIM));
  });
});

describe("inputInit", () => {
  test("defaults to gensim's range and rejects other values", () => {
    expect(resolveSettings({}).inputInit).toBe("gensim");
    expect(() => resolveSettings({ inputInit: "uniform" as InputInit })).toThrow(
      'inputInit: must be one of "gensim", "word2vec", got "uniform"',
    );
  });

  test.each([
    ["gensim", 1], // gensim 4 prep_vectors: uniform in [−1, 1) / vectorSize
    ["word2vec", 0.5], // word2vec.c InitNet: uniform in [−0.5, 0.5) / vectorSize
  ] as const)(
    "%s: input vectors start uniform in ±%s / vectorSize, output vectors at zero",
    async (inputInit, half) => {
      // cancelled before the first epoch, training rejects with the vectors it started from
      const signal = AbortSignal.abort();
      const error = await trainPlanted({ inputInit, signal }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TrainingAbortedError);
      const { vectors, outputVectors } = (error as TrainingAbortedError).partial;
      const scaled = Array.from(vectors, (v) => v * DIM);
      expect(Math.min(...scaled)).toBeGreaterThanOrEqual(-half);
      expect(Math.max(...scaled)).toBeLessThan(half);
      // 1,152 uniform values: the extremes come within 1% of the bounds, the mean |v| is half the bound
      expect(Math.max(...scaled.map(Math.abs))).toBeGreaterThan(0.99 * half);
      expect(scaled.reduce((sum, v) => sum + Math.abs(v), 0) / scaled.length).toBeCloseTo(half / 2, 1);
      expect(outputVectors!.every((v) => v === 0)).toBe(true);
    },
  );
});
