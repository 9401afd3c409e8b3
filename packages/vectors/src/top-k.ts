/**
 * The k best (highest-scoring) items of a stream, kept in a small array sorted
 * best first. Ties keep the item offered first (the lower index when offered
 * in index order); NaN scores are never kept. Offering is O(1) when the score
 * does not beat the current k-th best, which is the common case in a scan.
 */
export class TopK {
  readonly k: number;
  /** Scores of the kept items, best first; only the first `size` are valid. */
  readonly scores: Float64Array;
  /** Ids of the kept items, parallel to `scores`. */
  readonly ids: Int32Array;
  size = 0;

  constructor(k: number) {
    this.k = k;
    this.scores = new Float64Array(k);
    this.ids = new Int32Array(k);
  }

  /** The score an item must beat to enter (−Infinity until k items are kept). */
  get threshold(): number {
    return this.size < this.k ? -Infinity : this.scores[this.k - 1];
  }

  /** Forgets every item. */
  clear(): void {
    this.size = 0;
  }

  /** Offers an item; keeps it when it beats the k-th best so far. */
  offer(id: number, score: number): void {
    if (!(score > this.threshold)) return;
    if (this.k === 0) return;
    let pos = this.size < this.k ? this.size++ : this.k - 1;
    // Shift worse items down to open the slot, keeping earlier items first among equals.
    while (pos > 0 && this.scores[pos - 1] < score) {
      this.scores[pos] = this.scores[pos - 1];
      this.ids[pos] = this.ids[pos - 1];
      pos--;
    }
    this.scores[pos] = score;
    this.ids[pos] = id;
  }
}
