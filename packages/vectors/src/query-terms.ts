import type { Embeddings } from "./embeddings.js";
import { VectorsError } from "./errors.js";

/**
 * One term of a similarity query: a word, a raw vector, or either with an
 * explicit weight (gensim accepts the same three forms in `most_similar`).
 */
export type QueryTerm = string | Float32Array | readonly [string | Float32Array, number];

/** A term resolved against the vocabulary. */
export interface ResolvedTerm {
  /** Row index for a word term, −1 for a raw vector. */
  index: number;
  /** The vector to use: the word's unit vector, or the raw vector as given. */
  vector: Float32Array;
  weight: number;
}

/**
 * Resolves positive terms (default weight +1) and negative terms (default −1)
 * like gensim's `most_similar`: words become their unit vectors, raw vectors
 * are used as they are, and an unknown word is an error.
 */
export function resolveTerms(
  emb: Embeddings,
  positive: readonly QueryTerm[],
  negative: readonly QueryTerm[],
): ResolvedTerm[] {
  const resolve = (term: QueryTerm, defaultWeight: number): ResolvedTerm => {
    const [key, weight] = Array.isArray(term)
      ? (term as readonly [string | Float32Array, number])
      : [term as string | Float32Array, defaultWeight];
    if (typeof key === "string") {
      const index = emb.indexOf(key);
      if (index < 0) throw new VectorsError(`word ${JSON.stringify(key)} not in vocabulary`);
      return { index, vector: emb.unitVector(index), weight };
    }
    if (key.length !== emb.dim)
      throw new VectorsError(`query vector has ${key.length} dimensions, expected ${emb.dim}`);
    return { index: -1, vector: key, weight };
  };
  return [...positive.map((t) => resolve(t, 1)), ...negative.map((t) => resolve(t, -1))];
}

/**
 * gensim's `get_mean_vector(keys, weights, pre_normalize=True, post_normalize=True)`
 * in numpy's float32 arithmetic: Σ wᵢ·vᵢ accumulated in float32, divided by Σ|wᵢ|,
 * then scaled to unit length (`matutils.unitvec`: BLAS snrm2, then scal by the
 * float32 of 1/norm; a zero vector stays zero).
 */
export function meanUnitVector(terms: readonly ResolvedTerm[], dim: number): Float32Array {
  if (terms.length === 0) throw new VectorsError("cannot compute similarity with no input");
  const mean = new Float32Array(dim);
  let totalWeight = 0;
  for (const term of terms) {
    const w = Math.fround(term.weight);
    for (let i = 0; i < dim; i++) mean[i] += Math.fround(w * term.vector[i]);
    totalWeight += Math.abs(term.weight);
  }
  if (totalWeight > 0) {
    const divisor = Math.fround(totalWeight);
    for (let i = 0; i < dim; i++) mean[i] = mean[i] / divisor;
  }
  return scaleToUnit(mean);
}

/**
 * `matutils.unitvec` for a float32 vector, in place: the norm in double rounded
 * to float32 (snrm2), then each element times float32(1 / norm) (sscal).
 */
export function scaleToUnit(vector: Float32Array): Float32Array {
  let squares = 0;
  for (let i = 0; i < vector.length; i++) squares += vector[i] * vector[i];
  const norm = Math.fround(Math.sqrt(squares));
  if (norm > 0) {
    const scale = Math.fround(1 / norm);
    for (let i = 0; i < vector.length; i++) vector[i] = vector[i] * scale;
  }
  return vector;
}
