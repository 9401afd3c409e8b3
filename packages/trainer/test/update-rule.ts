import { Vocabulary, type EncodedCorpus } from "@neglab/corpus";
import { train, type Architecture, type KernelKind, type TrainedModel } from "../src/index.js";

// What the tests that check an update rule in float64 share (differential-negative-sampling.test.ts for the
// per-pair rule, shared-negatives.test.ts for the window minibatch): a five-word vocabulary, fixed starting
// vectors, word2vec.c's σ table computed from its definition, and one training of a planted sentence.

/** The planted sampler: each record whose positive is p gets `spec.negatives[p]` (fixtures/planted-negatives.mjs). */
export const PLANTED = new URL("./fixtures/planted-negatives.mjs", import.meta.url).href;
/** Not a multiple of 4: the SIMD kernel's remainder loops take part. */
export const DIM = 7;
/** Large, so an update is far above float32 rounding. */
export const ALPHA = 0.2;

const words = ["a", "b", "c", "d", "e"];
export const vocabulary = new Vocabulary(words, [5, 4, 3, 2, 1]);

/** One sentence of the given word ids. */
export function sentence(ids: number[]): EncodedCorpus {
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
export function start(salt: number): Float32Array {
  return Float32Array.from({ length: words.length * DIM }, (_, i) => Math.fround(0.6 * Math.sin(1.7 * i + salt)));
}

/** word2vec.c's σ table entry for score f (inside ±6), in float64; also how far f lies from an entry boundary. */
export function tableSigma(f: number): { sigma: number; margin: number } {
  const position = (f + 6) * Math.floor(Math.floor(1000 / 6) / 2);
  const index = Math.floor(position);
  const x = ((2 * index) / 1000 - 1) * 6;
  return { sigma: Math.exp(x) / (Math.exp(x) + 1), margin: Math.min(position - index, index + 1 - position) };
}

/** The largest relative difference between our float32 vectors and the rule's float64 ones. */
export function maxRelativeError(ours: Float32Array, expected: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++)
    worst = Math.max(worst, Math.abs(ours[i] - expected[i]) / Math.max(Math.abs(expected[i]), 1e-3));
  return worst;
}

/**
 * One epoch over the sentence `ids` at α = {@link ALPHA}, from {@link start}(0) / {@link start}(1), window 1 not
 * reduced, no subsampling, one worker, the planted negatives; `share` is the spec's.
 */
export function trainPlantedSentence(
  architecture: Architecture,
  kernel: KernelKind,
  ids: number[],
  negatives: number[][],
  share?: "window",
): Promise<TrainedModel> {
  return train({
    vocabulary,
    encoded: sentence(ids),
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
    sampler: share === undefined ? { type: "planted", negatives } : { type: "planted", negatives, share },
    initialVectors: { input: start(0), output: start(1) },
  });
}
