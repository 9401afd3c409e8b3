import type { RandomStream } from "@neglab/random";
import type { NegativeSampler } from "../types.js";
import { entropy, expectedNegatives, frequencyBuckets, perplexity, type FrequencyBucket } from "./distribution.js";
import { chiSquareTest, expectedTotalVariation, totalVariation, type ChiSquareResult } from "./goodness-of-fit.js";

/** How {@link drawCounts} calls the sampler. */
export interface DrawOptions {
  /** The stream to draw from (e.g. `createStream(seed, "diagnostics")`). */
  readonly rng: RandomStream;
  /** Negatives per draw call; default 5. */
  readonly k?: number;
  /** Positive word passed to draw; default −1 (none, so nothing collides). */
  readonly positive?: number;
  /** Anchor word passed to draw; default −1. */
  readonly anchor?: number;
}

/**
 * Counts how often each word id is drawn over at least `draws` negatives,
 * calling `sampler.draw` with k negatives at a time as a trainer would.
 */
export function drawCounts(
  sampler: NegativeSampler,
  vocabularySize: number,
  draws: number,
  options: DrawOptions,
): Float64Array {
  const k = options.k ?? 5;
  const out = { ids: new Int32Array(k), weights: null, probs: null };
  const counts = new Float64Array(vocabularySize);
  let drawn = 0;
  let calls = 0;
  while (drawn < draws) {
    const n = sampler.draw(out, k, options.positive ?? -1, options.anchor ?? -1, options.rng);
    for (let i = 0; i < n; i++) counts[out.ids[i]]++;
    drawn += n;
    if (++calls > draws && drawn === 0) throw new Error("drawCounts: the sampler returns no negatives");
  }
  return counts;
}

/** Empirical draws against the distribution they should follow. */
export interface FitReport {
  readonly draws: number;
  readonly chiSquare: ChiSquareResult;
  /** ½ Σ |empirical − expected|. */
  readonly totalVariation: number;
  /** The total variation expected from sampling noise alone (see {@link expectedTotalVariation}). */
  readonly expectedTotalVariation: number;
}

/** Compares draw counts with expected probabilities: chi-square test and total-variation distance. */
export function compareToExpected(counts: ArrayLike<number>, probabilities: ArrayLike<number>): FitReport {
  const chiSquare = chiSquareTest(counts, probabilities);
  const empirical = Float64Array.from(counts, (c) => c / chiSquare.draws);
  return {
    draws: chiSquare.draws,
    chiSquare,
    totalVariation: totalVariation(empirical, probabilities),
    expectedTotalVariation: expectedTotalVariation(probabilities, chiSquare.draws),
  };
}

/** Everything reports show about a sampler. */
export interface SamplerDiagnostics {
  /** `describe()` of the sampler (or its spec), including the collision policy. */
  readonly description: string;
  /** Entropy of `probabilities()` in bits. */
  readonly entropyBits: number;
  readonly perplexity: number;
  /** Mass of `probabilities()` per frequency bucket. */
  readonly buckets: FrequencyBucket[];
  /** Share of actual draws per frequency bucket. */
  readonly drawnBuckets: FrequencyBucket[];
  readonly fit: FitReport;
  /** Negatives per positive to expect under the collision policy, positives weighted by `counts` (the effective k). */
  readonly expectedNegatives: number;
}

/**
 * Diagnoses a sampler: entropy and perplexity of its distribution, the
 * frequency-bucket shares of the distribution and of `draws` actual draws, the
 * empirical-vs-expected fit (chi-square, total variation) and the expected
 * negatives per positive under its collision policy, for k = `options.k`.
 */
export function diagnoseSampler(
  sampler: NegativeSampler,
  counts: ArrayLike<number>,
  draws: number,
  options: DrawOptions,
): SamplerDiagnostics {
  const probabilities = sampler.probabilities();
  const drawn = drawCounts(sampler, probabilities.length, draws, options);
  const k = options.k ?? 5;
  // adaptive applies the policy to its candidates; others draw exactly k.
  const candidates = typeof sampler.spec.candidates === "number" ? sampler.spec.candidates : k;
  return {
    description: sampler.describe?.() ?? `${JSON.stringify(sampler.spec)}; collision=${sampler.collision}`,
    entropyBits: entropy(probabilities),
    perplexity: perplexity(probabilities),
    buckets: frequencyBuckets(probabilities, counts),
    drawnBuckets: frequencyBuckets(drawn, counts),
    fit: compareToExpected(drawn, probabilities),
    expectedNegatives: expectedNegatives(probabilities, counts, k, sampler.collision, candidates),
  };
}
