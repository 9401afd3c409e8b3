import { chiSquareSurvival } from "@neglab/eval/stats";

/** Result of Pearson's chi-square goodness-of-fit test. */
export interface ChiSquareResult {
  /** Σ (observed − expected)² / expected over the (pooled) cells. */
  readonly statistic: number;
  /** Cells after pooling − 1. */
  readonly degreesOfFreedom: number;
  /** P(χ² ≥ statistic) under the hypothesis that the draws follow the expected distribution. */
  readonly pValue: number;
  /** Number of cells after pooling. */
  readonly cells: number;
  /** Total number of observations. */
  readonly draws: number;
}

/**
 * Pearson's chi-square goodness-of-fit test of observed counts against
 * expected probabilities (Pearson 1900). Cells whose expected count is below
 * `minExpected` (5, Cochran's rule) are pooled with their neighbours in id
 * order until each pooled cell reaches it, so the χ² approximation holds for
 * long-tailed distributions. A draw of a word with probability 0 makes the
 * statistic infinite (p = 0).
 */
export function chiSquareTest(
  observed: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  options: { minExpected?: number } = {},
): ChiSquareResult {
  const minExpected = options.minExpected ?? 5;
  if (observed.length !== probabilities.length) {
    throw new RangeError(`chiSquareTest: ${observed.length} observed cells but ${probabilities.length} probabilities`);
  }
  let draws = 0;
  for (let i = 0; i < observed.length; i++) draws += observed[i];
  let statistic = 0;
  let cells = 0;
  let pooledObserved = 0;
  let pooledExpected = 0;
  for (let i = 0; i < observed.length; i++) {
    const expected = draws * probabilities[i];
    if (expected === 0) {
      if (observed[i] > 0) statistic = Infinity;
      continue;
    }
    pooledObserved += observed[i];
    pooledExpected += expected;
    if (pooledExpected >= minExpected) {
      statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
      cells++;
      pooledObserved = 0;
      pooledExpected = 0;
    }
  }
  if (pooledExpected > 0) {
    // A short tail: count it as its own cell (it may fall under minExpected).
    statistic += (pooledObserved - pooledExpected) ** 2 / pooledExpected;
    cells++;
  }
  const degreesOfFreedom = Math.max(1, cells - 1);
  const pValue = statistic === Infinity ? 0 : chiSquareSurvival(statistic, degreesOfFreedom);
  return { statistic, degreesOfFreedom, pValue, cells, draws };
}

/** Total-variation distance ½ Σ |p_i − q_i| between two distributions. */
export function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  if (p.length !== q.length) throw new RangeError(`totalVariation: lengths ${p.length} and ${q.length} differ`);
  let sum = 0;
  for (let i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
  return sum / 2;
}

/**
 * The total-variation distance expected between n draws' empirical
 * distribution and the true p, from the binomial mean absolute deviation:
 * ½ Σ_i E|X_i/n − p_i| with E|X − np| ≈ √(2 n p (1−p) / π) (normal
 * approximation), capped by its exact bound 2 n p (1 − p) for rare words.
 * A reference scale for "TV below a stated bound": a sampler with the right
 * distribution lands near it, a wrong one far above.
 */
export function expectedTotalVariation(p: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const variance = p[i] * (1 - p[i]);
    sum += Math.min(Math.sqrt((2 * variance) / (Math.PI * n)), 2 * variance);
  }
  return sum / 2;
}
