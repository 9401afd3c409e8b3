import type { Corpus } from "./corpus.js";
import { CorpusError, emptyCorpusError } from "./errors.js";
import { Vocabulary } from "./vocabulary.js";
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
  const minCount = options.minCount ?? 5;
  const maxVocabSize = options.maxVocabSize ?? null;
  const maxFinalVocab = options.maxFinalVocab ?? null;
  checkPositiveInteger("minCount", minCount);
  if (maxVocabSize !== null) checkPositiveInteger("maxVocabSize", maxVocabSize);
  if (maxFinalVocab !== null) checkPositiveInteger("maxFinalVocab", maxFinalVocab);

  // 1. Count, pruning after any sentence that takes the table past maxVocabSize.
  const table = new WordTable();
  let sentences = 0;
  let tokens = 0;
  let minReduce = 1;
  let prunes = 0;
  await corpus.scanTokens({
    token: (bytes, start, end) => {
      table.add(bytes, start, end);
      tokens += 1;
    },
    endSentence: () => {
      sentences += 1;
      if (maxVocabSize !== null && table.size > maxVocabSize) {
        table.prune(minReduce);
        minReduce += 1;
        prunes += 1;
      }
      if (sentences % 10_000 === 0) options.onProgress?.({ sentences, tokens, types: table.size });
    },
  });
  options.onProgress?.({ sentences, tokens, types: table.size });
  if (tokens === 0) throw emptyCorpusError(corpus.name);

  // 2. maxFinalVocab raises minCount to one above the count ranked maxFinalVocab.
  let effectiveMinCount = minCount;
  if (maxFinalVocab !== null && maxFinalVocab < table.size) {
    const sorted = Float64Array.from({ length: table.size }, (_, id) => table.count(id)).sort().reverse();
    effectiveMinCount = Math.max(minCount, sorted[maxFinalVocab] + 1);
  }

  // 3. Keep words with count ≥ effectiveMinCount, sorted by descending count.
  const vocabulary = keptWords(table, effectiveMinCount);
  if (vocabulary.size === 0 && prunes > 0) {
    // the pruning, not minCount alone, may have emptied it: name both settings
    throw new CorpusError(
      `maxVocabSize=${maxVocabSize} pruned words counted fewer than ${minReduce - 1} times while counting, and minCount=${effectiveMinCount} ` +
        "then leaves no word in the vocabulary; raise maxVocabSize or lower minCount",
      { file: corpus.name },
    );
  }
  vocabulary.assertNotEmpty(corpus.name, effectiveMinCount);
  return {
    vocabulary,
    stats: {
      sentences,
      tokens,
      types: table.size,
      effectiveMinCount,
      retainedTypes: vocabulary.size,
      retainedTokens: vocabulary.totalCount,
      prunes,
    },
  };
}

/**
 * The words counted at least `minCount` times, by descending count, equal counts
 * in table order (first occurrence, a word that returned after pruning counting
 * from its return). Only the kept words become strings.
 */
function keptWords(table: WordTable, minCount: number): Vocabulary {
  const kept: number[] = [];
  for (let id = 0; id < table.size; id++) if (table.count(id) >= minCount) kept.push(id);
  // Array.prototype.sort is stable (ES2019): equal counts keep table order.
  kept.sort((a, b) => table.count(b) - table.count(a));
  return new Vocabulary(
    kept.map((id) => table.word(id)),
    kept.map((id) => table.count(id)),
  );
}

function checkPositiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
