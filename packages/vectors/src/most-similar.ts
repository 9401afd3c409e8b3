import { dot } from "./dot.js";
import type { Embeddings } from "./embeddings.js";
import { meanUnitVector, resolveTerms, type QueryTerm, type ResolvedTerm } from "./query-terms.js";
import { TopK } from "./top-k.js";

/** A query for {@link mostSimilar} and {@link mostSimilarCosmul}. */
export interface SimilarityQuery {
  /** Terms that pull towards the answer (weight +1 unless given). */
  positive?: readonly QueryTerm[];
  /** Terms that push away from it (weight −1 unless given). */
  negative?: readonly QueryTerm[];
  /** How many neighbours to return (default 10); below 1 returns `[]`. */
  topn?: number;
  /**
   * Search only the first `restrictVocab` rows (the most frequent words when the
   * vocabulary is sorted by frequency). Default: all rows. 0 also means all, as in gensim.
   */
  restrictVocab?: number;
}

/** One neighbour: the word and its score (cosine, or the 3CosMul objective), as float32. */
export interface Neighbour {
  word: string;
  score: number;
}

/**
 * Top-`topn` rows by `score(row)` over rows [0, end), best first, dropping the
 * query's own word rows the way gensim does: it takes the best
 * `topn + excluded.length` rows, removes the excluded ones, and keeps `topn`.
 */
export function rankRows(
  emb: Embeddings,
  end: number,
  topn: number,
  excluded: readonly number[],
  score: (row: number) => number,
): Neighbour[] {
  const top = new TopK(topn + excluded.length);
  for (let row = 0; row < end; row++) top.offer(row, score(row));
  const result: Neighbour[] = [];
  for (let i = 0; i < top.size && result.length < topn; i++) {
    const row = top.ids[i];
    if (!excluded.includes(row)) result.push({ word: emb.words[row], score: Math.fround(top.scores[i]) });
  }
  return result;
}

/** Rows searched for a query: gensim's `clip_end` from `restrict_vocab`. */
export function searchEnd(emb: Embeddings, restrictVocab: number | undefined): number {
  return restrictVocab ? Math.min(restrictVocab, emb.size) : emb.size;
}

/** Row indices of the word terms of a query (raw-vector terms excluded nothing). */
export function wordRows(terms: readonly ResolvedTerm[]): number[] {
  return terms.filter((t) => t.index >= 0).map((t) => t.index);
}

/**
 * The `topn` words closest to the weighted mean of the query terms, by cosine
 * similarity: gensim 4's `KeyedVectors.most_similar` (the word2vec.c `distance`
 * and `word-analogy` objective, "3CosAdd" of Levy & Goldberg 2014 for analogies).
 * The mean of the unit vectors, weighted +1 / −1 (or as given) and divided by
 * the total |weight|, is scaled to unit length; every searched row is scored by
 * cos(row, mean); the query's own words are never returned.
 *
 * @throws VectorsError when a word is not in the vocabulary or there are no terms.
 */
export function mostSimilar(emb: Embeddings, query: SimilarityQuery): Neighbour[] {
  const topn = query.topn ?? 10;
  if (topn < 1) return [];
  const terms = resolveTerms(emb, query.positive ?? [], query.negative ?? []);
  const mean = meanUnitVector(terms, emb.dim);
  const unit = emb.normalized();
  const dim = emb.dim;
  return rankRows(emb, searchEnd(emb, query.restrictVocab), topn, wordRows(terms), (row) =>
    dot(unit, row * dim, mean, 0, dim),
  );
}
