import { similarity, type Embeddings } from "@neglab/vectors";
import { restrictedVocab } from "../analogy/restricted-vocab.js";
import { BenchmarkError } from "../errors.js";
import { skippedLines, type SkippedLines } from "../skipped-lines.js";
import { pearson, spearman, type Correlation } from "../math/correlation.js";
import { readPairs, type PairDelimiter, type PairSet } from "./pairs-file.js";

/** Options of {@link evaluateWordPairs}; defaults are gensim 4's. */
export interface WordPairOptions {
  /** Only the first N words count as known. Default 300,000. */
  restrictVocab?: number;
  /** Compare words upper-cased; the first (most frequent) of several case variants is used. Default true. */
  caseInsensitive?: boolean;
  /** Give pairs with an unknown word model similarity 0 instead of skipping them. Default false. */
  dummy4unknown?: boolean;
  /** Field separator when a path is given (see {@link parsePairs}). Default "auto". */
  delimiter?: PairDelimiter;
  /** Refuse a file with unparsable lines (a {@link BenchmarkError} naming the first) instead of skipping them as gensim does. Default false. */
  strict?: boolean;
}

/** The result of {@link evaluateWordPairs}. */
export interface WordPairResult {
  source: string;
  pearson: Correlation;
  /** Spearman's rho (average ranks for ties) in `r`, with its p-value. */
  spearman: Correlation;
  /** Pairs with an unknown word. */
  oov: number;
  /** gensim's `oov_ratio`: 100 · oov / (pairs used + oov), or 100 · oov / pairs used with `dummy4unknown`. */
  oovPercent: number;
  /** Human scores of the pairs used, aligned with `model` (input of paired bootstrap tests). */
  gold: number[];
  /** Model cosine similarity (float32) of the pairs used; 0 for unknown pairs with `dummy4unknown`. */
  model: number[];
  /** For each used pair, its index in the pair list. */
  pairIndex: number[];
  /** Lines that are neither `#` comments nor a pair with a finite score, skipped as gensim skips them (none are left with `strict`). */
  skippedLines: SkippedLines;
}

/**
 * Correlation of model similarities with human judgements, exactly as gensim
 * 4.2's `KeyedVectors.evaluate_word_pairs`: words are looked up in the first
 * `restrictVocab` words (upper-cased when `caseInsensitive`, first case variant
 * wins); pairs with an unknown word are skipped (or scored 0 with
 * `dummy4unknown`); the model similarity is gensim's float32 cosine; Pearson's
 * r and Spearman's rho come with scipy's two-sided p-values. Unparsable lines
 * are skipped as gensim skips them and counted in `skippedLines` (refused with
 * `strict`).
 *
 * @throws BenchmarkError when no pair can be evaluated, or with `strict` when a line is unparsable.
 */
export async function evaluateWordPairs(
  emb: Embeddings,
  pairs: PairSet | string,
  options: WordPairOptions = {},
): Promise<WordPairResult> {
  const set = typeof pairs === "string" ? await readPairs(pairs, options.delimiter) : pairs;
  const skipped = skippedLines(set, options.strict ?? false, "`word1 word2 score` with a finite score");
  const caseInsensitive = options.caseInsensitive ?? true;
  const vocab = restrictedVocab(emb, options.restrictVocab ?? 300_000, caseInsensitive);
  const fold = (w: string): string => (caseInsensitive ? w.toUpperCase() : w);
  const gold: number[] = [];
  const model: number[] = [];
  const pairIndex: number[] = [];
  let oov = 0;
  set.pairs.forEach((pair, i) => {
    const a = vocab.get(fold(pair.word1));
    const b = vocab.get(fold(pair.word2));
    if (a === undefined || b === undefined) {
      oov++;
      if (!options.dummy4unknown) return;
      model.push(0);
    } else {
      model.push(similarity(emb, emb.words[a], emb.words[b]));
    }
    gold.push(pair.score);
    pairIndex.push(i);
  });
  if (gold.length === 0)
    throw new BenchmarkError(`no valid similarity judgements: every pair is malformed or has an unknown word`, {
      file: set.source,
    });
  const oovPercent = options.dummy4unknown ? (100 * oov) / gold.length : (100 * oov) / (gold.length + oov);
  return {
    source: set.source,
    pearson: pearson(gold, model),
    spearman: spearman(gold, model),
    oov,
    oovPercent,
    gold,
    model,
    pairIndex,
    skippedLines: skipped,
  };
}
