import { incompleteBeta } from "./incomplete-beta.js";
import { averageRanks } from "./ranks.js";

/** A correlation coefficient with its two-sided p-value under the null hypothesis of no correlation. */
export interface Correlation {
  /** The coefficient in [−1, 1]; NaN when undefined (fewer than 2 points or a constant input). */
  r: number;
  pValue: number;
  /** Number of points. */
  n: number;
}

/** r of centred, normalised vectors, clipped to [−1, 1] (as scipy's `pearsonr`); NaN for constant input. */
function coefficient(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function isConstant(v: ArrayLike<number>): boolean {
  for (let i = 1; i < v.length; i++) if (v[i] !== v[0]) return false;
  return true;
}

/**
 * Pearson's product-moment correlation with scipy's (≥ 1.9) exact two-sided
 * p-value: under independence r follows a beta distribution on (−1, 1) with
 * a = b = n/2 − 1, so p = 2 · I_{(1−|r|)/2}(n/2 − 1, n/2 − 1) (regularised
 * incomplete beta). For n = 2, r = ±1 and p = 1, as in scipy.
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  const n = checkLengths(x, y);
  if (n < 2 || isConstant(x) || isConstant(y)) return { r: Number.NaN, pValue: Number.NaN, n };
  if (n === 2) return { r: Math.sign(x[1] - x[0]) * Math.sign(y[1] - y[0]), pValue: 1, n };
  const r = coefficient(x, y);
  return { r, pValue: pearsonPValue(r, n), n };
}

/**
 * Two-sided p-value of Pearson's r from n points (n > 2): under independence r
 * follows a beta distribution on (−1, 1) with a = b = n/2 − 1, so
 * p = 2 · I_{(1−|r|)/2}(n/2 − 1, n/2 − 1) (scipy ≥ 1.9's `pearsonr`).
 */
export function pearsonPValue(r: number, n: number): number {
  const ab = n / 2 - 1;
  return Math.min(1, 2 * incompleteBeta(ab, ab, (1 - Math.abs(r)) / 2));
}

/**
 * Spearman's rank correlation: Pearson's r of the average ranks (ties share
 * their mean rank), with scipy's two-sided p-value from Student's t with n − 2
 * degrees of freedom: t = ρ √((n−2) / ((1+ρ)(1−ρ))),
 * p = I_{ν/(ν+t²)}(ν/2, 1/2) with ν = n − 2.
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): Correlation {
  const n = checkLengths(x, y);
  if (n < 2 || isConstant(x) || isConstant(y)) return { r: Number.NaN, pValue: Number.NaN, n };
  const rho = coefficient(averageRanks(x), averageRanks(y));
  return { r: rho, pValue: spearmanPValue(rho, n), n };
}

/**
 * Two-sided p-value of a rank correlation r from n points, as scipy's
 * `spearmanr`: t = r √(ν / ((1+r)(1−r))) with ν = n − 2 follows Student's t,
 * and P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, 1/2).
 */
export function spearmanPValue(r: number, n: number): number {
  const df = n - 2;
  if (df <= 0) return Number.NaN;
  const denominator = (1 + r) * (1 - r);
  if (denominator <= 0) return 0;
  const t2 = (r * r * df) / denominator;
  return incompleteBeta(df / 2, 0.5, df / (df + t2));
}

function checkLengths(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length !== y.length) throw new RangeError(`correlation of ${x.length} and ${y.length} values: lengths differ`);
  return x.length;
}
