/**
 * Shannon entropy H(p) = −Σ p_i log p_i (in bits by default; `base` e for nats).
 * Zero probabilities contribute 0.
 */
export function entropy(p: ArrayLike<number>, base = 2): number {
  let nats = 0;
  for (let i = 0; i < p.length; i++) if (p[i] > 0) nats -= p[i] * Math.log(p[i]);
  return nats / Math.log(base);
}

/** Perplexity e^{H(p) in nats} = 2^{H(p) in bits}: the effective number of equally likely words. */
export function perplexity(p: ArrayLike<number>): number {
  return Math.exp(entropy(p, Math.E));
}

/** One frequency bucket: words of frequency rank [from, to] (1-based) and the share of mass on them. */
export interface FrequencyBucket {
  /** `top 10`, `11–100`, …, `rest`. */
  readonly label: string;
  readonly from: number;
  readonly to: number;
  /** Number of words in the bucket. */
  readonly words: number;
  /** Share of the distribution (or of the draws) falling in the bucket. */
  readonly share: number;
}

/**
 * Shares of a distribution (or of draw counts, normalised) in frequency-rank
 * buckets: ranks 1–10, 11–100, 101–1000 and the rest by default. Words are
 * ranked by `counts` descending (ties by id); without counts, id order is rank
 * order, as in a NegLab vocabulary. Buckets beyond the vocabulary are omitted.
 */
export function frequencyBuckets(
  mass: ArrayLike<number>,
  counts?: ArrayLike<number>,
  edges: readonly number[] = [10, 100, 1000],
): FrequencyBucket[] {
  const size = mass.length;
  const ranked = Array.from({ length: size }, (_, id) => id);
  if (counts !== undefined) ranked.sort((a, b) => counts[b] - counts[a] || a - b);
  let total = 0;
  for (let i = 0; i < size; i++) total += mass[i];
  const buckets: FrequencyBucket[] = [];
  let from = 0;
  for (const edge of [...edges, Infinity]) {
    if (from >= size) break;
    const to = Math.min(edge, size);
    let share = 0;
    for (let rank = from; rank < to; rank++) share += mass[ranked[rank]];
    const label = from === 0 ? `top ${to}` : edge === Infinity ? "rest" : `${from + 1}–${to}`;
    buckets.push({ label, from: from + 1, to, words: to - from, share: total > 0 ? share / total : 0 });
    from = to;
  }
  return buckets;
}

/**
 * The expected number of negatives per positive under a collision policy,
 * which reports show as the effective k. With `skip`, a positive w keeps each
 * of its m raw draws with probability 1 − p(w), and at most k are used:
 * E[min(k, Binomial(m, 1 − p(w)))] (m = k for independent samplers, so this is
 * k · (1 − p(w)); m = max(k, candidates) for `adaptive`), averaged over positives
 * in proportion to `positiveCounts` (e.g. the corpus counts, ignoring
 * subsampling). `redraw` and `keep` always give k.
 */
export function expectedNegatives(
  probabilities: ArrayLike<number>,
  positiveCounts: ArrayLike<number>,
  k: number,
  collision: "skip" | "redraw" | "keep",
  candidates = k,
): number {
  if (collision !== "skip") return k;
  const m = Math.max(k, candidates);
  let total = 0;
  let weighted = 0;
  for (let w = 0; w < probabilities.length; w++) {
    if (positiveCounts[w] === 0) continue;
    const keep = 1 - probabilities[w];
    let kept = 0;
    // Binomial(m, keep) pmf by the recurrence pmf(j + 1) = pmf(j) · (m − j)/(j + 1) · keep/(1 − keep), from pmf(0).
    if (keep === 1) kept = Math.min(k, m);
    else {
      let pmf = (1 - keep) ** m;
      for (let j = 0; j <= m; j++) {
        kept += pmf * Math.min(k, j);
        pmf *= ((m - j) / (j + 1)) * (keep / (1 - keep));
      }
    }
    weighted += positiveCounts[w] * kept;
    total += positiveCounts[w];
  }
  return weighted / total;
}
