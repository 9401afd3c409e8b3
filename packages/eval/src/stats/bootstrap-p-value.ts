/**
 * Two-sided bootstrap p-value of "the statistic is 0" from its bootstrap
 * replicates Δ*: min(1, 2·min(#{Δ* ≤ 0} + 1, #{Δ* ≥ 0} + 1) / (B′ + 1)) over the
 * B′ finite replicates — twice the smaller tail beyond 0, with the +1 correction
 * of Davison & Hinkley (1997, §4.2), so it is never below 1/(B′ + 1).
 * Non-finite replicates (an undefined statistic on a resample) are left out.
 */
export function bootstrapPValue(replicates: ArrayLike<number>): number {
  // 1. Count each tail of the finite replicates, starting from the +1 correction.
  let atMost = 1;
  let atLeast = 1;
  let finite = 0;
  for (let i = 0; i < replicates.length; i++) {
    const d = replicates[i];
    if (!Number.isFinite(d)) continue;
    finite++;
    if (d <= 0) atMost++;
    if (d >= 0) atLeast++;
  }
  // 2. Twice the smaller tail, capped at 1.
  return Math.min(1, (2 * Math.min(atMost, atLeast)) / (finite + 1));
}
