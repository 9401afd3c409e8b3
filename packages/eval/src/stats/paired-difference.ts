import { studentTCdf, studentTQuantile } from "../math/student-t.js";

/** A mean difference with its Student-t confidence interval. */
export interface MeanDifference {
  /** How many paired differences. */
  readonly n: number;
  /** Their mean d̄. */
  readonly mean: number;
  /** Their sample standard deviation s (n − 1 in the denominator). */
  readonly sd: number;
  /** The standard error s / √n. */
  readonly standardError: number;
  /** Degrees of freedom, n − 1. */
  readonly df: number;
  /** The confidence level of [lower, upper]. */
  readonly confidence: number;
  readonly lower: number;
  readonly upper: number;
  /** Two-sided p-value of the paired t-test of mean 0 (scipy `ttest_rel`). */
  readonly pValue: number;
}

/**
 * The paired t interval for the mean of differences d₁…dₙ (Student 1908; scipy
 * `stats.ttest_rel(...).confidence_interval`): d̄ ± t_{1−(1−c)/2, n−1} · s/√n,
 * where s is the sample standard deviation. Valid when the differences are
 * independent draws of one distribution, e.g. one per seed of two trainers run
 * on the same data. With identical differences (s = 0) the interval is the
 * point d̄. Throws a RangeError with fewer than two differences or a
 * non-finite one.
 */
export function pairedMeanDifference(differences: ArrayLike<number>, confidence = 0.95): MeanDifference {
  const n = differences.length;
  if (n < 2) throw new RangeError(`pairedMeanDifference: need at least 2 differences, got ${n}`);
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`pairedMeanDifference: confidence must be in (0, 1), got ${confidence}`);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(differences[i]))
      throw new RangeError(`pairedMeanDifference: difference ${i} is ${differences[i]}, not a finite number`);
    sum += differences[i];
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (differences[i] - mean) ** 2;
  const sd = Math.sqrt(squares / (n - 1));
  const standardError = sd / Math.sqrt(n);
  const df = n - 1;
  const half = studentTQuantile(1 - (1 - confidence) / 2, df) * standardError;
  const pValue = standardError === 0 ? (mean === 0 ? 1 : 0) : 2 * studentTCdf(-Math.abs(mean / standardError), df);
  return { n, mean, sd, standardError, df, confidence, lower: mean - half, upper: mean + half, pValue };
}
