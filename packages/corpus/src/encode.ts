import type { Corpus } from "./corpus.js";
import { createEncodedFileWriter, type EncodedCorpusFile } from "./encoded-file.js";
import { CorpusError, emptyCorpusError } from "./errors.js";
import type { Vocabulary } from "./vocabulary.js";
import { WordTable } from "./word-table.js";

/**
 * A corpus as compact typed arrays for training: the word ids of every
 * sentence, concatenated, with out-of-vocabulary words removed (as gensim's
 * training loop skips words missing from the vocabulary), and the offsets at
 * which sentences start. Sentence s is `ids.subarray(sentenceStarts[s], sentenceStarts[s + 1])`.
 * Sentences left empty by the removal are dropped.
 */
export interface EncodedCorpus {
  /** Word ids, sentence after sentence. */
  readonly ids: Int32Array;
  /** `sentences + 1` offsets into `ids`; the last equals `ids.length`. */
  readonly sentenceStarts: Int32Array;
  /** In-vocabulary tokens: `ids.length`, under the same name as in an `EncodedCorpusFile`. */
  readonly tokens: number;
  /** Number of (non-empty) sentences. */
  readonly sentences: number;
  /** Tokens read, including out-of-vocabulary ones (gensim's `corpus_total_words`). */
  readonly rawTokens: number;
  /** Sentences read, including those left empty (gensim's `corpus_count`). */
  readonly rawSentences: number;
}

/** Options for {@link encodeCorpus}. */
export interface EncodeOptions {
  /**
   * Back the arrays with a SharedArrayBuffer so worker threads can read them
   * without copying. Default `false`.
   */
  readonly shared?: boolean;
}

/**
 * Encodes `corpus` against `vocabulary` in one streaming pass. An empty corpus,
 * or one with no token in the vocabulary, is a {@link CorpusError} naming it.
 */
export async function encodeCorpus(corpus: Corpus, vocabulary: Vocabulary, options: EncodeOptions = {}): Promise<EncodedCorpus> {
  const ids = new GrowableInt32(1 << 16);
  const starts = new GrowableInt32(1 << 12);
  starts.push(0);
  const { rawTokens, rawSentences } = await encodeSentences(corpus, vocabulary, (sentence, length) => {
    for (let i = 0; i < length; i++) ids.push(sentence[i]);
    starts.push(ids.length);
  });
  const shared = options.shared ?? false;
  return {
    ids: ids.toArray(shared),
    sentenceStarts: starts.toArray(shared),
    tokens: ids.length,
    sentences: starts.length - 1,
    rawTokens,
    rawSentences,
  };
}

/**
 * Encodes `corpus` against `vocabulary` into the file `path` (see
 * `createEncodedFileWriter` for the format), block by block: memory holds one
 * sentence and one block, not the corpus. The totals and the errors are
 * {@link encodeCorpus}'s; on any error the file is not created (an existing one
 * stays as it was).
 */
export async function encodeCorpusToFile(corpus: Corpus, vocabulary: Vocabulary, path: string): Promise<EncodedCorpusFile> {
  const writer = await createEncodedFileWriter(path, { vocabularySize: vocabulary.size });
  try {
    const totals = await encodeSentences(corpus, vocabulary, (sentence, length) => writer.addSentence(sentence, length));
    return await writer.finish(totals);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/** What {@link encodeSentences} read: gensim's `corpus_total_words` and `corpus_count`. */
interface RawTotals {
  /** Tokens read, including out-of-vocabulary ones. */
  readonly rawTokens: number;
  /** Sentences read, including those left empty. */
  readonly rawSentences: number;
}

/**
 * Scans `corpus` and passes each sentence's ids to `onSentence`: the words of
 * `vocabulary` only (gensim's training loop skips the others), sentences left
 * empty dropped. `ids[0, length)` is reused for the next sentence. The token
 * bytes are looked up in a table of the vocabulary's words, so no token
 * becomes a string. An empty corpus, or one with no token in the vocabulary,
 * is a {@link CorpusError} naming it.
 */
async function encodeSentences(
  corpus: Corpus,
  vocabulary: Vocabulary,
  onSentence: (ids: Int32Array, length: number) => void,
): Promise<RawTotals> {
  const table = WordTable.fromWords(vocabulary.words);
  let sentence = new Int32Array(1 << 12);
  let length = 0;
  let rawTokens = 0;
  let rawSentences = 0;
  let kept = 0;
  await corpus.scanTokens({
    token: (bytes, start, end) => {
      rawTokens += 1;
      const id = table.find(bytes, start, end);
      if (id < 0) return;
      if (length === sentence.length) {
        const bigger = new Int32Array(2 * length);
        bigger.set(sentence);
        sentence = bigger;
      }
      sentence[length++] = id;
    },
    endSentence: () => {
      rawSentences += 1;
      if (length === 0) return;
      kept += length;
      onSentence(sentence, length);
      length = 0;
    },
  });
  if (rawTokens === 0) throw emptyCorpusError(corpus.name);
  if (kept === 0) {
    throw new CorpusError(
      `none of the ${rawTokens} tokens is in the vocabulary (${vocabulary.size} words): was it built from another corpus?`,
      { file: corpus.name },
    );
  }
  return { rawTokens, rawSentences };
}

/** An append-only Int32Array that doubles its capacity as needed. */
class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** A right-sized copy, optionally in shared memory. */
  toArray(shared: boolean): Int32Array {
    const buffer = shared ? new SharedArrayBuffer(this.length * 4) : new ArrayBuffer(this.length * 4);
    const out = new Int32Array(buffer);
    out.set(this.data.subarray(0, this.length));
    return out;
  }
}
