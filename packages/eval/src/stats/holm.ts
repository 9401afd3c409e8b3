import { BenchmarkError } from "../errors.js";

/**
 * Holm's (1979) step-down adjusted p-values for m tests (e.g. several
 * strategies each compared with one baseline): with the p-values sorted
 * ascending, p̃_(i) = max_{j ≤ i} min(1, (m − j + 1)·p_(j)). Rejecting where
 * p̃ ≤ α controls the family-wise error rate at α. Returned in the input
 * order; ties keep their input order.
 *
 * @throws BenchmarkError naming the index of a p-value outside [0, 1] or NaN.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new BenchmarkError(`holm: pValues[${i}] is ${p}; expected a probability in [0, 1]`);
  });
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j] || i - j);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach((index, rank) => {
    // Step down: the rank-th smallest p-value is multiplied by the tests still in play, never below the previous one.
    running = Math.max(running, Math.min(1, (m - rank) * pValues[index]));
    adjusted[index] = running;
  });
  return adjusted;
}
