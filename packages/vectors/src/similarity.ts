import type { Embeddings } from "./embeddings.js";
import { VectorsError } from "./errors.js";
import { scaleToUnit } from "./query-terms.js";

/**
 * Cosine similarity of two words, as gensim's `KeyedVectors.similarity`:
 * dot(unitvec(v₁), unitvec(v₂)) with float32 unit vectors; the result is
 * rounded to float32 like numpy's `sdot`.
 *
 * @throws VectorsError when a word is not in the vocabulary.
 */
export function similarity(emb: Embeddings, word1: string, word2: string): number {
  const a = scaleToUnit(Float32Array.from(emb.vector(word1)));
  const b = scaleToUnit(Float32Array.from(emb.vector(word2)));
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return Math.fround(sum);
}

/**
 * The word that fits least with the others, as gensim's `doesnt_match`
 * (`rank_by_centrality`): unknown words are ignored, the unit vectors of the
 * rest are averaged and the mean scaled to unit length, and the word with the
 * lowest cosine to that centroid is returned (on a tie, the word that sorts
 * first, as Python's reverse sort of (score, word) pairs leaves it last).
 *
 * @throws VectorsError when none of the words is in the vocabulary.
 */
export function doesntMatch(emb: Embeddings, words: readonly string[]): string {
  const used = words.filter((w) => emb.has(w));
  if (used.length === 0) throw new VectorsError("cannot select a word from an empty list");
  const dim = emb.dim;
  const mean = new Float32Array(dim);
  for (const word of used) {
    const v = emb.unitVector(word);
    for (let i = 0; i < dim; i++) mean[i] += v[i];
  }
  const count = Math.fround(used.length);
  for (let i = 0; i < dim; i++) mean[i] = mean[i] / count;
  scaleToUnit(mean);
  let worst = "";
  let worstScore = Infinity;
  for (const word of used) {
    const v = emb.unitVector(word);
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += v[i] * mean[i];
    const score = Math.fround(sum);
    if (score < worstScore || (score === worstScore && word < worst)) {
      worst = word;
      worstScore = score;
    }
  }
  return worst;
}
