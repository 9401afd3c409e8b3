/** 2^600 and 2^−600: rescaling steps that keep running products inside the double range. */
const BIG = 2 ** 600;
const SMALL = 2 ** -600;

/**
 * Exact two-sided p-value of k successes in n trials under Binomial(n, 1/2)
 * (the sign test), as scipy's `binomtest(k, n, 0.5).pvalue`: the total
 * probability of the outcomes no more likely than k. The distribution is
 * symmetric, so with m = min(k, n − k) that is 2·P(X ≤ m) = 2·Σ_{j≤m} C(n, j)/2ⁿ,
 * and 1 when k = n/2 or n = 0.
 *
 * Computed without log-gamma: C(n, m) as a product of m ratios (n − m + i)/i
 * with a separate power-of-two exponent, then the tail as C(n, m)·(1 + r_m +
 * r_m·r_{m−1} + …) with r_j = j/(n − j + 1), so the relative error stays near
 * (n + m)·2⁻⁵³ in the worst case.
 */
export function signTestPValue(k: number, n: number): number {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(k) || k < 0 || k > n)
    throw new RangeError(`signTestPValue: need integers 0 ≤ k ≤ n, got k = ${k}, n = ${n}`);
  const m = Math.min(k, n - k);
  if (2 * m === n) return 1;
  // C(n, m) = mantissa · 2^exponent.
  let mantissa = 1;
  let exponent = 0;
  for (let i = 1; i <= m; i++) {
    mantissa *= (n - m + i) / i;
    if (mantissa > BIG) {
      mantissa *= SMALL;
      exponent += 600;
    }
  }
  // Σ_{j≤m} C(n, j) / C(n, m), summed from the largest term down until the rest is negligible.
  let tail = 1;
  let term = 1;
  for (let j = m; j >= 1 && term > tail * 1e-17; j--) {
    term *= j / (n - j + 1);
    tail += term;
  }
  // p = 2 · mantissa · tail · 2^(exponent − n), scaled in steps so no partial power underflows.
  let p = 2 * mantissa * tail;
  let shift = exponent - n;
  while (shift < -600) {
    p *= SMALL;
    shift += 600;
  }
  return Math.min(1, p * 2 ** shift);
}
