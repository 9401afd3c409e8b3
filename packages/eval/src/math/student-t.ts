import { incompleteBeta } from "./incomplete-beta.js";

/**
 * Student's t cumulative distribution P(T ≤ t) with ν degrees of freedom
 * (scipy `stats.t.cdf`), through the regularised incomplete beta function
 * (Abramowitz & Stegun 26.5.27, 26.7.1): with x = ν / (ν + t²),
 * P(|T| ≥ |t|) = I_x(ν/2, 1/2), and the sign of t picks the tail.
 */
export function studentTCdf(t: number, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentTCdf: degrees of freedom must be > 0, got ${df}`);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = upperTail(t, df);
  return t > 0 ? 1 - tail : tail;
}

/** P(T ≥ |t|): ½ · I_{ν/(ν+t²)}(ν/2, 1/2), computed directly (1 − cdf would cancel in the tail). */
function upperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
}

/**
 * The p-quantile of Student's t with ν degrees of freedom (scipy `stats.t.ppf`):
 * the t with P(T ≤ t) = p. By symmetry it solves P(T ≥ t) = min(p, 1 − p) for
 * t ≥ 0 by bisection on the upper tail (monotone, so bisection cannot fail)
 * until the bracket stops shrinking in double precision, then restores the sign.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`studentTQuantile: p must be in (0, 1), got ${p}`);
  if (!(df > 0)) throw new RangeError(`studentTQuantile: degrees of freedom must be > 0, got ${df}`);
  if (p === 0.5) return 0;
  const tail = Math.min(p, 1 - p);
  let low = 0;
  let high = 1;
  while (upperTail(high, df) > tail) high *= 2;
  for (let i = 0; i < 2000; i++) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    if (upperTail(mid, df) > tail) low = mid;
    else high = mid;
  }
  const t = (low + high) / 2;
  return p > 0.5 ? t : -t;
}
