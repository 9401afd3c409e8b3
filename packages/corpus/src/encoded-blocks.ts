/**
 * Words a block of sentences holds before the next sentence opens a new one:
 * gensim's job size (`batch_words`, 10,000), word2vec.c's progress step. A
 * block is the unit a training worker claims and the unit of the encoded file.
 */
export const BLOCK_WORDS = 10_000;

/**
 * The blocks of an encoded corpus: block b holds `sentences[b]` whole
 * sentences of `words[b]` in-vocabulary words in all, the first of them
 * sentence number `firstSentence[b]` (0-based; a float64 so that corpora of
 * 2^31 sentences and more are counted exactly).
 */
export interface SentenceBlocks {
  readonly sentences: Int32Array;
  readonly words: Int32Array;
  readonly firstSentence: Float64Array;
}

/**
 * Builds a {@link SentenceBlocks} table sentence by sentence under the one
 * chunking rule of NegLab: blocks of whole sentences, a new block starting at
 * the first sentence at which the current block already holds
 * ≥ {@link BLOCK_WORDS} words. A sentence longer than a block is a block of its
 * own. The encoded-file writer and the trainer's in-memory chunking both use it,
 * so a corpus trained from memory or from its file is cut the same way.
 */
export class BlockTableBuilder {
  private readonly sentenceCounts: number[] = [];
  private readonly wordCounts: number[] = [];
  private readonly firsts: number[] = [];
  private sentencesSoFar = 0;

  /** Blocks opened so far. */
  get blocks(): number {
    return this.wordCounts.length;
  }

  /**
   * Counts the next sentence, of `length` ≥ 1 words. Returns true when it opens
   * a new block: whatever the caller holds of the previous block is complete.
   */
  add(length: number): boolean {
    let last = this.wordCounts.length - 1;
    const opens = last < 0 || this.wordCounts[last] >= BLOCK_WORDS;
    if (opens) {
      this.sentenceCounts.push(0);
      this.wordCounts.push(0);
      this.firsts.push(this.sentencesSoFar);
      last += 1;
    }
    this.sentenceCounts[last] += 1;
    this.wordCounts[last] += length;
    this.sentencesSoFar += 1;
    return opens;
  }

  /** The table of every block counted. */
  finish(): SentenceBlocks {
    return {
      sentences: Int32Array.from(this.sentenceCounts),
      words: Int32Array.from(this.wordCounts),
      firstSentence: Float64Array.from(this.firsts),
    };
  }
}

/**
 * The blocks of an in-memory encoding (`EncodedCorpus`): sentence s spans
 * `sentenceStarts[s]` to `sentenceStarts[s + 1]`.
 */
export function sentenceBlocks(sentenceStarts: Int32Array, sentences: number): SentenceBlocks {
  const builder = new BlockTableBuilder();
  for (let s = 0; s < sentences; s++) builder.add(sentenceStarts[s + 1] - sentenceStarts[s]);
  return builder.finish();
}
