import type { Corpus } from "./corpus.js";
import { CorpusError, emptyCorpusError } from "./errors.js";
import { Vocabulary } from "./vocabulary.js";
import type { TokenSink } from "./token-scanner.js";
import { WordTable } from "./word-table.js";

/** Settings for {@link buildVocabulary}, with gensim's names and defaults. */
export interface VocabularyOptions {
  /** Words seen fewer than this many times are dropped. gensim `min_count`, default 5. */
  readonly minCount?: number;
  /**
   * Memory bound while counting, as gensim's `max_vocab_size` (`_scan_vocab`):
   * after any sentence that leaves more than this many distinct words held,
   * words seen fewer than `r` times are pruned, with `r` starting at 1 and
   * growing by one each time. (word2vec.c's `ReduceVocab` differs: it checks
   * after every word against 70% of its hash size.) Pruned counts are lost, so
   * later counts are lower bounds, and a pruned word that returns counts from
   * its return: it loses its first-occurrence rank among equal counts.
   * Default `null` (no bound).
   */
  readonly maxVocabSize?: number | null;
  /**
   * Upper bound on the final vocabulary: `minCount` is raised to one more than
   * the count of the word ranked `maxFinalVocab` (0-based) in descending count
   * order, as gensim's `max_final_vocab` does, so ties may leave fewer words.
   * Default `null` (no bound).
   */
  readonly maxFinalVocab?: number | null;
  /** Called about every 10,000 sentences and at the end. */
  readonly onProgress?: (progress: CountProgress) => void;
}

/** Counting progress, reported by {@link VocabularyOptions.onProgress}. */
export interface CountProgress {
  /** Sentences counted so far (after cutting long lines). */
  readonly sentences: number;
  /** Tokens counted so far. */
  readonly tokens: number;
  /** Distinct words held so far (after any pruning). */
  readonly types: number;
}

/** Corpus statistics gathered while counting. */
export interface CorpusStats {
  /** Sentences (after cutting long lines), as gensim's `corpus_count`. */
  readonly sentences: number;
  /** All tokens, as gensim's `corpus_total_words`. */
  readonly tokens: number;
  /** Distinct words seen (after any pruning while counting). */
  readonly types: number;
  /** The `minCount` actually applied (raised by `maxFinalVocab`). */
  readonly effectiveMinCount: number;
  /** Words kept in the vocabulary. */
  readonly retainedTypes: number;
  /** Tokens of kept words: what training sees before subsampling (gensim's `retain_total`). */
  readonly retainedTokens: number;
  /** How many times counting pruned rare words to honour `maxVocabSize`. */
  readonly prunes: number;
}

/** A vocabulary and the statistics of the corpus it was counted from. */
export interface VocabularyBuild {
  readonly vocabulary: Vocabulary;
  readonly stats: CorpusStats;
}

/**
 * Counts the words of a corpus and builds its vocabulary exactly as gensim 4's
 * `Word2Vec.build_vocab` does on the same sentences (`_scan_vocab` then
 * `prepare_vocab`): the same words with the same counts. Ids follow descending
 * count, ties by first occurrence (see {@link Vocabulary}).
 */
export async function buildVocabulary(corpus: Corpus, options: VocabularyOptions = {}): Promise<VocabularyBuild> {
  const counter = new VocabularyCounter(options);
  await corpus.scanTokens(counter);
  return counter.finish(corpus.name).build;
}

/**
 * The counting of {@link buildVocabulary} as a token sink, for passes that do
 * more with the tokens than count them (`countAndWriteEncodedCorpus`): `add` counts a
 * token and returns its id in the counting table, which stays stable unless
 * `maxVocabSize` prunes.
 */
export class VocabularyCounter implements TokenSink {
  private readonly table = new WordTable();
  private readonly minCount: number;
  private readonly maxVocabSize: number | null;
  private readonly maxFinalVocab: number | null;
  private sentences = 0;
  private tokens = 0;
  private minReduce = 1;
  private prunes = 0;

  constructor(private readonly options: VocabularyOptions = {}) {
    this.minCount = options.minCount ?? 5;
    this.maxVocabSize = options.maxVocabSize ?? null;
    this.maxFinalVocab = options.maxFinalVocab ?? null;
    checkPositiveInteger("minCount", this.minCount);
    if (this.maxVocabSize !== null) checkPositiveInteger("maxVocabSize", this.maxVocabSize);
    if (this.maxFinalVocab !== null) checkPositiveInteger("maxFinalVocab", this.maxFinalVocab);
  }

  /** Distinct words held (table ids are below this). */
  get types(): number {
    return this.table.size;
  }

  /** Whether counting may prune (`maxVocabSize`), renumbering the table's ids. */
  get mayPrune(): boolean {
    return this.maxVocabSize !== null;
  }

  token(bytes: Buffer, start: number, end: number): void {
    this.add(bytes, start, end);
  }

  /** Counts one token; returns its id in the counting table. */
  add(bytes: Buffer, start: number, end: number): number {
    this.tokens += 1;
    return this.table.add(bytes, start, end);
  }

  // 1. Count, pruning after any sentence that takes the table past maxVocabSize.
  endSentence(): void {
    const { table } = this;
    this.sentences += 1;
    if (this.maxVocabSize !== null && table.size > this.maxVocabSize) {
      table.prune(this.minReduce);
      this.minReduce += 1;
      this.prunes += 1;
    }
    if (this.sentences % 10_000 === 0)
      this.options.onProgress?.({ sentences: this.sentences, tokens: this.tokens, types: table.size });
  }

  /**
   * The vocabulary of the words counted, and `tableIds`: for each vocabulary id,
   * the word's id in the counting table. A {@link CorpusError} naming `source`
   * when nothing was counted or nothing is kept.
   */
  finish(source: string): { build: VocabularyBuild; tableIds: Int32Array } {
    const { table, sentences, tokens, prunes } = this;
    this.options.onProgress?.({ sentences, tokens, types: table.size });
    if (tokens === 0) throw emptyCorpusError(source);

    // 2. maxFinalVocab raises minCount to one above the count ranked maxFinalVocab.
    let effectiveMinCount = this.minCount;
    if (this.maxFinalVocab !== null && this.maxFinalVocab < table.size) {
      const sorted = Float64Array.from({ length: table.size }, (_, id) => table.count(id))
        .sort()
        .reverse();
      effectiveMinCount = Math.max(this.minCount, sorted[this.maxFinalVocab] + 1);
    }

    // 3. Keep words with count ≥ effectiveMinCount, sorted by descending count, equal counts in table order
    // (first occurrence; a word that returned after pruning counts from its return). Only kept words become strings.
    const kept: number[] = [];
    for (let id = 0; id < table.size; id++) if (table.count(id) >= effectiveMinCount) kept.push(id);
    kept.sort((a, b) => table.count(b) - table.count(a)); // stable (ES2019)
    const vocabulary = new Vocabulary(
      kept.map((id) => table.word(id)),
      kept.map((id) => table.count(id)),
    );
    if (vocabulary.size === 0 && prunes > 0) {
      // the pruning, not minCount alone, may have emptied it: name both settings
      throw new CorpusError(
        `maxVocabSize=${this.maxVocabSize} pruned words counted fewer than ${this.minReduce - 1} times while counting, and minCount=${effectiveMinCount} ` +
          "then leaves no word in the vocabulary; raise maxVocabSize or lower minCount",
        { file: source },
      );
    }
    vocabulary.assertNotEmpty(source, effectiveMinCount);
    const stats: CorpusStats = {
      sentences,
      tokens,
      types: table.size,
      effectiveMinCount,
      retainedTypes: vocabulary.size,
      retainedTokens: vocabulary.totalCount,
      prunes,
    };
    return { build: { vocabulary, stats }, tableIds: Int32Array.from(kept) };
  }
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
