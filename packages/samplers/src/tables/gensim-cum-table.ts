import type { SamplerVocabulary } from "../types.js";
import { checkReferenceSum } from "../weights.js";

/** gensim's default cumulative-table domain, `make_cum_table(domain=2**31 - 1)`. */
export const GENSIM_DOMAIN = 2 ** 31 - 1;

/**
 * gensim's cumulative table (`Word2Vec.make_cum_table`, gensim/models/word2vec.py):
 * cum[i] = round(Σ_{j≤i} count_j^α / Σ_j count_j^α · domain), with Python's
 * round-half-to-even, so cum[V−1] = domain. A negative is the insertion point
 * `bisect_left(cum, r)` of a uniform integer r in [0, domain) (word2vec_inner.pyx).
 */
export function buildCumulativeTable(vocabulary: SamplerVocabulary, alpha: number, domain: number): Uint32Array {
  const counts = vocabulary.counts;
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += Math.pow(counts[i], alpha);
  checkReferenceSum(total, alpha, "cumulative");
  const table = new Uint32Array(counts.length);
  let cumulative = 0;
  for (let i = 0; i < counts.length; i++) {
    cumulative += Math.pow(counts[i], alpha);
    table[i] = roundHalfEven((cumulative / total) * domain);
  }
  return table;
}

/**
 * The first index i with table[i] ≥ r (Python's `bisect_left`), for r ≤ the last entry.
 * Branch-free (Khuong & Morin 2017, "Array layouts for comparison-based searching"):
 * the window [base, base + n) always holds the answer; each step halves it by
 * moving base past the lower half when that half's last entry is below r. The
 * comparison becomes a mask instead of an unpredictable branch, which more than
 * doubles throughput.
 */
export function bisectLeft(table: Uint32Array, r: number): number {
  let base = 0;
  let n = table.length;
  while (n > 1) {
    const half = n >>> 1;
    // A comparison used as a number is 0 or 1; −1 & half = half, 0 & half = 0.
    const below = (table[base + half - 1] < r) as unknown as number;
    base += half & -(below | 0);
    n -= half;
  }
  return base + (((table[base] < r) as unknown as number) | 0);
}

/**
 * The exact distribution a cumulative table draws: word i wins the integers r in
 * [cum[i−1] + 1, min(cum[i], domain − 1)] (from 0 for i = 0). So gensim gives the
 * first word one extra value of r and the last word one fewer than its rounded
 * share, a 1/domain quirk of `bisect_left` on [0, domain).
 */
export function cumulativeTableProbabilities(table: Uint32Array): Float64Array {
  const domain = table[table.length - 1];
  const probabilities = new Float64Array(table.length);
  for (let i = 0; i < table.length; i++) {
    const lo = i === 0 ? 0 : table[i - 1] + 1;
    const hi = Math.min(table[i], domain - 1);
    probabilities[i] = Math.max(0, hi - lo + 1) / domain;
  }
  return probabilities;
}

/** Python 3's round(): to the nearest integer, ties to even. */
function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) return floor + 1;
  if (fraction < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
