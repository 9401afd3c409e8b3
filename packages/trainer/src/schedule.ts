/**
 * The learning rate after a fraction `progress` ∈ [0, 1] of all epochs' words:
 * linear decay from `alpha` to `minAlpha` (gensim `_get_next_alpha`; word2vec.c
 * decays to alpha · 1e−4 instead).
 */
export function learningRate(alpha: number, minAlpha: number, progress: number): number {
  return Math.max(minAlpha, alpha - (alpha - minAlpha) * progress);
}
