import { createStream, type Seed } from "@neglab/random";
import { BenchmarkError } from "../errors.js";
import { percentile } from "./percentile.js";

/** Options of the bootstrap functions. */
export interface BootstrapOptions {
  /** Bootstrap resamples drawn. Default 10,000. */
  resamples?: number;
  /** Coverage of the interval, in (0, 1). Default 0.95. */
  confidence?: number;
  /** Seed of the resampling stream (`createStream(seed, "bootstrap")`); equal seeds give equal intervals. Default 0. */
  seed?: Seed;
}

/** A percentile bootstrap confidence interval. */
export interface ConfidenceInterval {
  /** The statistic on the original sample. */
  estimate: number;
  /** The (1 − confidence)/2 percentile of the bootstrap replicates. */
  lower: number;
  /** The (1 + confidence)/2 percentile of the bootstrap replicates. */
  upper: number;
  /** Resamples drawn. */
  resamples: number;
  confidence: number;
  /** Resamples whose statistic was not finite (e.g. a constant resample's correlation); left out of the percentiles. */
  undefinedResamples: number;
}

/** The statistic of a resample, given as indices 0..n−1 drawn with replacement (the array is reused: do not keep it). */
export type ResampledStatistic = (indices: Int32Array) => number;

/** Validated options with their defaults. */
export function bootstrapSettings(options: BootstrapOptions): { resamples: number; confidence: number; seed: Seed } {
  const resamples = options.resamples ?? 10_000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new BenchmarkError(`bootstrap: resamples must be a positive integer, got ${resamples}`);
  if (!(confidence > 0 && confidence < 1))
    throw new BenchmarkError(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  return { resamples, confidence, seed: options.seed ?? 0 };
}

/**
 * The statistic on `resamples` bootstrap samples of n items (Efron 1979): each
 * sample draws n indices uniformly with replacement from the stream
 * `createStream(seed, "bootstrap")`. Returns the replicates in draw order.
 */
export function bootstrapReplicates(
  n: number,
  statistic: ResampledStatistic,
  resamples: number,
  seed: Seed,
): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new BenchmarkError(`bootstrap: need at least one item, got n = ${n}`);
  const stream = createStream(seed, "bootstrap");
  const indices = new Int32Array(n);
  const replicates = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) indices[i] = stream.nextInt(n);
    replicates[b] = statistic(indices);
  }
  return replicates;
}

/** The indices 0..n−1: the original sample. */
export function identityIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * The percentile interval of bootstrap replicates (Efron & Tibshirani 1993,
 * §13.3): the α/2 and 1 − α/2 percentiles, α = 1 − confidence, interpolated
 * linearly between order statistics as numpy's `percentile` (and scipy's
 * `bootstrap(method="percentile")`). Non-finite replicates are left out.
 */
export function percentileInterval(
  replicates: Float64Array,
  confidence: number,
): { lower: number; upper: number; undefinedResamples: number } {
  const finite = replicates.filter(Number.isFinite).sort();
  const alpha = 1 - confidence;
  return {
    lower: percentile(finite, alpha / 2),
    upper: percentile(finite, 1 - alpha / 2),
    undefinedResamples: replicates.length - finite.length,
  };
}

/**
 * Percentile bootstrap confidence interval of a statistic of n items
 * (Efron & Tibshirani 1993, ch. 13): `statistic` is evaluated on `resamples`
 * samples of n indices drawn with replacement, and the interval is the
 * (1 − confidence)/2 and (1 + confidence)/2 percentiles of those replicates.
 * Seeded: the same seed gives the same interval.
 *
 * @example bootstrapCI(xs.length, (idx) => mean of xs[idx], { seed: 1 })
 */
export function bootstrapCI(
  n: number,
  statistic: ResampledStatistic,
  options: BootstrapOptions = {},
): ConfidenceInterval {
  const { resamples, confidence, seed } = bootstrapSettings(options);
  const replicates = bootstrapReplicates(n, statistic, resamples, seed);
  return {
    estimate: statistic(identityIndices(n)),
    ...percentileInterval(replicates, confidence),
    resamples,
    confidence,
  };
}
