import type { Corpus } from "./corpus.js";
import { createEncodedFileWriter, type EncodedCorpusFile } from "./encoded-file-format.js";
import { CorpusError, emptyCorpusError } from "./errors.js";
import type { Vocabulary } from "./vocabulary.js";
import { grown } from "./grow-int32.js";
import { Int32Spill } from "./int32-spill.js";
import { temporaryNameBeside } from "@neglab/files";
import {
  buildVocabulary,
  VocabularyCounter,
  type VocabularyBuild,
  type VocabularyOptions,
} from "./vocabulary-builder.js";
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
export async function encodeCorpus(
  corpus: Corpus,
  vocabulary: Vocabulary,
  options: EncodeOptions = {},
): Promise<EncodedCorpus> {
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
export async function writeEncodedCorpus(
  path: string,
  corpus: Corpus,
  vocabulary: Vocabulary,
): Promise<EncodedCorpusFile> {
  const writer = await createEncodedFileWriter(path, { vocabularySize: vocabulary.size });
  try {
    const totals = await encodeSentences(corpus, vocabulary, (sentence, length) =>
      writer.addSentence(sentence, length),
    );
    return await writer.finish(totals);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

/**
 * Counts `corpus`'s vocabulary ({@link buildVocabulary}'s words, counts and
 * statistics exactly) and encodes the corpus against it into the file `path`
 * (as {@link writeEncodedCorpus}) with one pass over the text instead of two:
 * while counting, each token's id in the counting table goes to a temporary
 * file beside `path` (4 bytes a token, a −1 after each sentence); once the
 * vocabulary is known those ids are mapped to vocabulary ids and written out
 * sentence by sentence. Tokenising and looking words up cost far more than
 * reading back 4 bytes a token. With `maxVocabSize`, pruning renumbers the
 * counting table as it goes, so the text is read twice instead.
 *
 * `onCounted` sees the vocabulary before the encoded file is written; what it
 * throws ends the call with nothing written (e.g. a model too large for it).
 */
export async function countAndWriteEncodedCorpus(
  path: string,
  corpus: Corpus,
  options: VocabularyOptions & { readonly onCounted?: (build: VocabularyBuild) => void },
): Promise<VocabularyBuild & { readonly encoded: EncodedCorpusFile }> {
  const counter = new VocabularyCounter(options);
  if (counter.mayPrune) {
    const build = await buildVocabulary(corpus, options);
    options.onCounted?.(build);
    return { ...build, encoded: await writeEncodedCorpus(path, corpus, build.vocabulary) };
  }
  const spill = Int32Spill.create(temporaryNameBeside(path, "ids.tmp"), path);
  try {
    await corpus.scanTokens({
      token: (bytes, start, end) => spill.push(counter.add(bytes, start, end)),
      endSentence: () => {
        counter.endSentence();
        spill.push(-1);
      },
    });
    const { build, tableIds } = counter.finish(corpus.name);
    options.onCounted?.(build);
    const toVocabulary = new Int32Array(counter.types).fill(-1);
    tableIds.forEach((tableId, id) => (toVocabulary[tableId] = id));
    const writer = await createEncodedFileWriter(path, { vocabularySize: build.vocabulary.size });
    try {
      const sentences = new SentenceIds((ids, length) => writer.addSentence(ids, length));
      for (const chunk of spill.readBack()) {
        for (let i = 0; i < chunk.length; i++) {
          const value = chunk[i];
          if (value >= 0) sentences.token(toVocabulary[value]);
          else sentences.endSentence();
        }
      }
      return { ...build, encoded: await writer.finish(sentences.totals(corpus.name, build.vocabulary.size)) };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    spill.remove();
  }
}

/** What an encoding pass read: gensim's `corpus_total_words` and `corpus_count`. */
interface RawTotals {
  /** Tokens read, including out-of-vocabulary ones. */
  readonly rawTokens: number;
  /** Sentences read, including those left empty. */
  readonly rawSentences: number;
}

/**
 * Scans `corpus` and passes each sentence's ids to `onSentence` (see
 * {@link SentenceIds}). The token bytes are looked up in a table of the
 * vocabulary's words, so no token becomes a string.
 */
async function encodeSentences(
  corpus: Corpus,
  vocabulary: Vocabulary,
  onSentence: (ids: Int32Array, length: number) => void,
): Promise<RawTotals> {
  const table = WordTable.fromWords(vocabulary.words);
  const sentences = new SentenceIds(onSentence);
  await corpus.scanTokens({
    token: (bytes, start, end) => sentences.token(table.find(bytes, start, end)),
    endSentence: () => sentences.endSentence(),
  });
  return sentences.totals(corpus.name, vocabulary.size);
}

/**
 * Sentences of vocabulary ids, put together token by token: words outside the
 * vocabulary are removed (gensim's training loop skips them) and sentences
 * left empty dropped; each other sentence goes to `onSentence` as the first
 * `length` entries of an array reused for the next one.
 */
class SentenceIds {
  private ids = new Int32Array(1 << 12);
  private length = 0;
  private rawTokens = 0;
  private rawSentences = 0;
  private kept = 0;

  constructor(private readonly onSentence: (ids: Int32Array, length: number) => void) {}

  /** One token: its vocabulary id, or −1 when it is not in the vocabulary. */
  token(id: number): void {
    this.rawTokens += 1;
    if (id < 0) return;
    if (this.length === this.ids.length) this.ids = grown(this.ids, this.length + 1);
    this.ids[this.length++] = id;
  }

  endSentence(): void {
    this.rawSentences += 1;
    if (this.length === 0) return;
    this.kept += this.length;
    this.onSentence(this.ids, this.length);
    this.length = 0;
  }

  /** The totals; an empty corpus, or one with no token in the vocabulary, is a {@link CorpusError} naming `source`. */
  totals(source: string, vocabularySize: number): RawTotals {
    if (this.rawTokens === 0) throw emptyCorpusError(source);
    if (this.kept === 0) {
      throw new CorpusError(
        `none of the ${this.rawTokens} tokens is in the vocabulary (${vocabularySize} words): was it built from another corpus?`,
        { file: source },
      );
    }
    return { rawTokens: this.rawTokens, rawSentences: this.rawSentences };
  }
}

/** An append-only Int32Array that doubles its capacity as needed. */
class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) this.data = grown(this.data, this.length + 1);
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
