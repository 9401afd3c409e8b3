import { sentenceBlocks, type SentenceBlocks } from "@neglab/corpus/encoded-file";
import type { EncodedCorpus, EncodedCorpusFile } from "@neglab/corpus";
import { inSharedMemory } from "@neglab/vectors";

/**
 * Where the workers read the corpus's blocks from, posted to each in its
 * `WorkerInit`: the in-memory encoding on SharedArrayBuffers (shared, not
 * copied), or the encoded file (its path and block table; each worker reads the
 * blocks it claims itself, see block-reader.ts).
 */
export type BlockSource =
  | { readonly kind: "memory"; readonly ids: Int32Array; readonly sentenceStarts: Int32Array }
  | { readonly kind: "file"; readonly file: EncodedCorpusFile };

/**
 * The corpus as the coordinator and the workers see it, whichever form it came
 * in: its totals, its blocks (the units workers claim, cut by the corpus
 * package's one chunking rule), and where the blocks are read from. Totals are
 * plain numbers (float64), never an array's length, so corpora of 2^31 tokens
 * and more need no special case.
 */
export interface TrainingCorpus {
  /** In-vocabulary tokens per epoch: the denominator of the learning-rate schedule. */
  readonly tokens: number;
  readonly sentences: number;
  /** Tokens read, out-of-vocabulary ones included (gensim's `corpus_total_words`). */
  readonly rawTokens: number;
  /** Words in the longest sentence (sizes each worker's kept-words buffer). */
  readonly longestSentence: number;
  readonly blocks: SentenceBlocks;
  /** Words before each block, then the total: maps a count of words done to a sentence. */
  readonly wordsBefore: Float64Array;
  readonly source: BlockSource;
}

/** True for the encoded file, false for the in-memory encoding. */
export function isEncodedFile(encoded: EncodedCorpus | EncodedCorpusFile): encoded is EncodedCorpusFile {
  return "blocks" in encoded;
}

/** The {@link TrainingCorpus} of an in-memory encoding (moved to SharedArrayBuffers if it is not there) or of an encoded file. */
export function trainingCorpus(encoded: EncodedCorpus | EncodedCorpusFile): TrainingCorpus {
  if (isEncodedFile(encoded)) {
    const { tokens, sentences, rawTokens, longestSentence, blocks } = encoded;
    return {
      tokens,
      sentences,
      rawTokens,
      longestSentence,
      blocks,
      wordsBefore: cumulativeWords(blocks),
      source: { kind: "file", file: encoded },
    };
  }
  const { sentenceStarts, sentences } = encoded;
  const blocks = sentenceBlocks(sentenceStarts, sentences);
  let longestSentence = 0;
  for (let s = 0; s < sentences; s++)
    longestSentence = Math.max(longestSentence, sentenceStarts[s + 1] - sentenceStarts[s]);
  return {
    tokens: encoded.tokens,
    sentences,
    rawTokens: encoded.rawTokens,
    longestSentence,
    blocks,
    wordsBefore: cumulativeWords(blocks),
    source: {
      kind: "memory",
      ids: inSharedMemory(encoded.ids),
      sentenceStarts: inSharedMemory(encoded.sentenceStarts),
    },
  };
}

function cumulativeWords(blocks: SentenceBlocks): Float64Array {
  const before = new Float64Array(blocks.words.length + 1);
  for (let b = 0; b < blocks.words.length; b++) before[b + 1] = before[b] + blocks.words[b];
  return before;
}

/**
 * The sentence reached after `words` words of an epoch, through the block
 * table: the first sentence of the block in which the count falls, plus the
 * block's sentences in proportion to its words done (workers add a block's words
 * to the shared count when they finish it, so with one worker the count always
 * falls on a block boundary and this is exact).
 */
export function sentenceAtWords(corpus: TrainingCorpus, words: number): number {
  const { wordsBefore, blocks } = corpus;
  if (words >= corpus.tokens) return corpus.sentences;
  // the last block b with wordsBefore[b] <= words
  let low = 0;
  let high = blocks.words.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (wordsBefore[middle] <= words) low = middle;
    else high = middle - 1;
  }
  return blocks.firstSentence[low] + (blocks.sentences[low] * (words - wordsBefore[low])) / blocks.words[low];
}
