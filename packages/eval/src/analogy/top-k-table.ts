/**
 * The k best-scoring rows for each of many queries, in flat typed arrays (one
 * run of k slots per query, best first). A row enters when it beats the
 * query's current k-th best; on equal scores the row offered first stays ahead,
 * so scanning rows in index order breaks ties towards the lower index. NaN never enters.
 */
export class TopKTable {
  readonly k: number;
  readonly ids: Int32Array;
  readonly scores: Float64Array;
  /** The k-th best score so far per query (−Infinity while fewer than k rows are kept). */
  readonly thresholds: Float64Array;

  constructor(queries: number, k: number) {
    this.k = k;
    this.ids = new Int32Array(queries * k).fill(-1);
    this.scores = new Float64Array(queries * k).fill(-Infinity);
    this.thresholds = new Float64Array(queries).fill(-Infinity);
  }

  /** Offers `row` with `score` to query `q` (callers skip scores not above `thresholds[q]` for speed). */
  offer(q: number, row: number, score: number): void {
    if (!(score > this.thresholds[q])) return;
    const base = q * this.k;
    let pos = base + this.k - 1;
    while (pos > base && this.scores[pos - 1] < score) {
      this.scores[pos] = this.scores[pos - 1];
      this.ids[pos] = this.ids[pos - 1];
      pos--;
    }
    this.scores[pos] = score;
    this.ids[pos] = row;
    this.thresholds[q] = this.scores[base + this.k - 1];
  }

  /**
   * Merges tables computed over disjoint row ranges (e.g. by worker threads)
   * into one: per query, the k best by score, lower row first on ties.
   */
  static merge(parts: readonly { ids: Int32Array; scores: Float64Array }[], queries: number, k: number): TopKTable {
    const merged = new TopKTable(queries, k);
    for (let q = 0; q < queries; q++) {
      const candidates: { row: number; score: number }[] = [];
      for (const part of parts) {
        for (let j = q * k; j < (q + 1) * k; j++)
          if (part.ids[j] >= 0) candidates.push({ row: part.ids[j], score: part.scores[j] });
      }
      candidates.sort((x, y) => y.score - x.score || x.row - y.row);
      for (const c of candidates) merged.offer(q, c.row, c.score);
    }
    return merged;
  }
}
