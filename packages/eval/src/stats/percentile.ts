/**
 * The q-quantile (0 ≤ q ≤ 1) of ascending values by linear interpolation
 * between order statistics, numpy's default `percentile` (Hyndman & Fan 1996,
 * definition 7): h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 * NaN for no values.
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
