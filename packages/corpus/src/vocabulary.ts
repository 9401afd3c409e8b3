import { CorpusError } from "./errors.js";

/**
 * A frozen vocabulary: word ids 0..size−1 in descending count order, so id 0 is
 * the most frequent word (as in word2vec.c and gensim with `sorted_vocab=1`).
 *
 * Ties are broken by first occurrence in the corpus (the word seen first gets
 * the lower id). gensim breaks ties with an unstable `np.argsort`, so only the
 * order among words of equal count can differ from it; words and counts are identical.
 */
export class Vocabulary {
  /** Word of each id (a copy of the array given to the constructor). */
  readonly words: readonly string[];
  /** Corpus count of each id (float64: counts may exceed 2^31 on large corpora). */
  readonly counts: Float64Array;
  /** Sum of all counts: the number of corpus tokens that survive `minCount`. */
  readonly totalCount: number;
  private readonly ids: Map<string, number>;

  /**
   * Builds a vocabulary from words and counts that are already in final order
   * (descending count). Use {@link Vocabulary.fromCounts} to sort raw counts.
   * `words` and `counts` are copied, so the caller may reuse its arrays.
   */
  constructor(words: readonly string[], counts: ArrayLike<number>) {
    if (words.length !== counts.length) {
      throw new RangeError(`Vocabulary: ${words.length} words but ${counts.length} counts`);
    }
    this.words = Array.from(words);
    this.counts = Float64Array.from(counts);
    this.ids = new Map();
    let total = 0;
    for (let i = 0; i < words.length; i++) {
      const count = this.counts[i];
      if (!(count > 0) || !Number.isInteger(count)) {
        throw new RangeError(`Vocabulary: count of "${words[i]}" must be a positive integer, got ${count}`);
      }
      if (i > 0 && count > this.counts[i - 1]) {
        throw new RangeError(`Vocabulary: counts must be in descending order ("${words[i]}" after "${words[i - 1]}")`);
      }
      if (this.ids.has(words[i])) throw new RangeError(`Vocabulary: duplicate word "${words[i]}"`);
      this.ids.set(words[i], i);
      total += count;
    }
    this.totalCount = total;
  }

  /**
   * Sorts raw (word, count) entries by descending count, ties in the given
   * (first-occurrence) order, and keeps those with count ≥ `minCount`.
   */
  static fromCounts(entries: Iterable<readonly [string, number]>, minCount = 1): Vocabulary {
    const kept = [...entries].filter(([, count]) => count >= minCount);
    // Array.prototype.sort is stable (ES2019), so equal counts keep their input order.
    kept.sort((a, b) => b[1] - a[1]);
    return new Vocabulary(
      kept.map(([word]) => word),
      kept.map(([, count]) => count),
    );
  }

  /** Number of words. */
  get size(): number {
    return this.words.length;
  }

  /** The id of `word`, or −1 when it is not in the vocabulary. */
  id(word: string): number {
    return this.ids.get(word) ?? -1;
  }

  /** Whether `word` is in the vocabulary. */
  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The count of `word`, or 0 when it is not in the vocabulary. */
  count(word: string): number {
    const id = this.ids.get(word);
    return id === undefined ? 0 : this.counts[id];
  }

  /** Throws a {@link CorpusError} naming `source` when the vocabulary is empty. */
  assertNotEmpty(source: string, minCount: number): void {
    if (this.size === 0) {
      throw new CorpusError(`minCount=${minCount} leaves no word in the vocabulary; lower minCount`, { file: source });
    }
  }
}
