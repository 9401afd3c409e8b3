import { dot } from "./dot.js";
import type { Embeddings } from "./embeddings.js";
import { VectorsError } from "./errors.js";
import { rankRows, searchEnd, wordRows, type Neighbour, type SimilarityQuery } from "./most-similar.js";
import { resolveTerms } from "./query-terms.js";

/** The constant gensim adds to the 3CosMul denominator to avoid division by zero. */
export const COSMUL_EPSILON = 0.000001;

/**
 * The multiplicative objective 3CosMul of Levy & Goldberg (2014, "Linguistic
 * Regularities in Sparse and Explicit Word Representations", eq. 4), as gensim
 * 4's `most_similar_cosmul`: each cosine is shifted to [0, 1] as (1 + cos) / 2
 * (their footnote 7), and a row scores
 *   Π_{p ∈ positive} (1 + cos(row, p)) / 2  /  (Π_{n ∈ negative} (1 + cos(row, n)) / 2 + 1e-6).
 * Words are taken as unit vectors, raw vectors as given; weights are ignored,
 * as in gensim. One positive term ranks like {@link mostSimilar}.
 *
 * Difference from gensim 4.2: there `restrict_vocab` is accepted but ignored
 * (every row is searched); here it limits the search like in `mostSimilar`.
 * Leave it unset for gensim's behaviour.
 */
export function mostSimilarCosmul(emb: Embeddings, query: SimilarityQuery): Neighbour[] {
  const topn = query.topn ?? 10;
  if (topn < 1) return [];
  const positive = resolveTerms(emb, query.positive ?? [], []);
  const negative = resolveTerms(emb, [], query.negative ?? []);
  if (positive.length === 0) throw new VectorsError("cannot compute similarity with no input");
  const unit = emb.normalized();
  const dim = emb.dim;
  const shifted = (row: number, v: Float32Array): number => (1 + dot(unit, row * dim, v, 0, dim)) / 2;
  const score = (row: number): number => {
    let numerator = 1;
    for (const p of positive) numerator *= shifted(row, p.vector);
    let denominator = 1;
    for (const n of negative) denominator *= shifted(row, n.vector);
    return numerator / (denominator + COSMUL_EPSILON);
  };
  // gensim excludes the set of input words here (a word given twice counts once).
  const excluded = [...new Set(wordRows([...positive, ...negative]))];
  return rankRows(emb, searchEnd(emb, query.restrictVocab), topn, excluded, score);
}
