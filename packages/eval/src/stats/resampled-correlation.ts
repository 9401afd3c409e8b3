import { BenchmarkError } from "../errors.js";

/** Which correlation coefficient: Spearman's rho (average ranks for ties) or Pearson's r. */
export type CorrelationMethod = "spearman" | "pearson";

/** Item indices sorted by value, ties in index order. */
function sortedOrder(values: ArrayLike<number>): Int32Array {
  return Int32Array.from({ length: values.length }, (_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
}

/**
 * Average ranks within a resample in which item i occurs counts[i] times: the
 * items are walked in value order, and every copy of the items in a run of
 * equal values gets the mean of the ranks the run spans (scipy's
 * `rankdata(method="average")` of the resampled values, in O(n)).
 */
function resampleRanks(values: ArrayLike<number>, order: Int32Array, counts: Int32Array, ranks: Float64Array): void {
  let position = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    let copies = 0;
    while (end < order.length && values[order[end]] === values[order[start]]) copies += counts[order[end++]];
    // The run's copies occupy ranks position+1 .. position+copies.
    const rank = position + (copies + 1) / 2;
    for (let i = start; i < end; i++) ranks[order[i]] = rank;
    position += copies;
    start = end;
  }
}

/**
 * Pearson's r of the pairs (x[i], y[i]) each taken counts[i] times, clipped to
 * [−1, 1]; NaN when either side is constant.
 */
function countedPearson(x: ArrayLike<number>, y: ArrayLike<number>, counts: Int32Array): number {
  let total = 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < counts.length; i++) {
    total += counts[i];
    mx += counts[i] * x[i];
    my += counts[i] * y[i];
  }
  mx /= total;
  my /= total;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] === 0) continue;
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += counts[i] * dx * dx;
    syy += counts[i] * dy * dy;
    sxy += counts[i] * dx * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/**
 * The correlation of x and y on a resample of their pairs, as a bootstrap
 * statistic: given the drawn indices, it counts how often each pair was drawn
 * and computes Pearson's r (or Spearman's rho, Pearson's r of the resample's
 * average ranks) of the pairs weighted by those counts — the same value as
 * `pearson` / `spearman` of the gathered arrays, in O(n) per resample instead
 * of two O(n log n) sorts. NaN when a resample is constant on one side.
 *
 * @throws BenchmarkError when the lengths differ, there are fewer than 3 pairs, or a value is not finite.
 */
export function resampledCorrelation(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  method: CorrelationMethod,
  what = "correlation",
): (indices: Int32Array) => number {
  const n = x.length;
  if (method !== "spearman" && method !== "pearson")
    throw new BenchmarkError(`${what}: unknown method ${JSON.stringify(method)}; use "spearman" or "pearson"`);
  if (y.length !== n) throw new BenchmarkError(`${what}: ${n} and ${y.length} scores; the lengths must match`);
  if (n < 3) throw new BenchmarkError(`${what}: need at least 3 pairs, got ${n}`);
  for (const [name, v] of [
    ["first", x],
    ["second", y],
  ] as const) {
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(v[i]))
        throw new BenchmarkError(`${what}: ${name} scores[${i}] is ${v[i]}; expected a finite number`);
  }
  const counts = new Int32Array(n);
  const count = (indices: Int32Array): void => {
    counts.fill(0);
    for (let i = 0; i < indices.length; i++) counts[indices[i]]++;
  };
  if (method === "pearson") {
    return (indices) => {
      count(indices);
      return countedPearson(x, y, counts);
    };
  }
  const orderX = sortedOrder(x);
  const orderY = sortedOrder(y);
  const ranksX = new Float64Array(n);
  const ranksY = new Float64Array(n);
  return (indices) => {
    count(indices);
    resampleRanks(x, orderX, counts, ranksX);
    resampleRanks(y, orderY, counts, ranksY);
    return countedPearson(ranksX, ranksY, counts);
  };
}
