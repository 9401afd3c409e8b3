import { SamplerError } from "./errors.js";
import type { SamplerVocabulary } from "./types.js";

/**
 * Checks that a vocabulary can be sampled from: at least one word, as many
 * counts as words, every count finite and ≥ 0.
 */
export function checkVocabulary(vocabulary: SamplerVocabulary): void {
  const { words, counts } = vocabulary;
  if (words.length === 0) throw new SamplerError("the vocabulary is empty: there is nothing to sample");
  if (counts.length !== words.length) {
    throw new SamplerError(`the vocabulary has ${words.length} words but ${counts.length} counts`);
  }
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id];
    if (!(count >= 0) || !Number.isFinite(count)) {
      throw new SamplerError(`the count of "${words[id]}" (id ${id}) must be a finite number ≥ 0, got ${count}`);
    }
  }
}

/**
 * Unnormalised unigram weights count(w)^α (Mikolov et al. 2013 use α = 0.75).
 *
 * Computed as (count / reference)^α with the reference chosen so the largest
 * weight is 1 (the largest count for α ≥ 0, the smallest for α < 0), so large
 * counts and large |α| cannot overflow; normalised they equal count^α / Σ count^α.
 * With α < 0 a zero count would get infinite weight, which is an error.
 */
export function unigramWeights(vocabulary: SamplerVocabulary, alpha: number): Float64Array {
  checkCountsForAlpha(vocabulary, alpha);
  const counts = vocabulary.counts;
  let reference = alpha >= 0 ? 0 : Infinity;
  for (let id = 0; id < counts.length; id++) {
    const count = counts[id];
    if (alpha >= 0 ? count > reference : count < reference) reference = count;
  }
  const weights = new Float64Array(counts.length);
  // All-zero counts (reference 0) leave all weights 0 for α > 0; the caller's normalise() rejects that.
  const scale = reference > 0 ? 1 / reference : 1;
  for (let id = 0; id < counts.length; id++) weights[id] = Math.pow(counts[id] * scale, alpha);
  return weights;
}

/** With α < 0 a zero count would get an infinite weight count^α: reject it. */
function checkCountsForAlpha(vocabulary: SamplerVocabulary, alpha: number): void {
  if (alpha >= 0) return;
  for (let id = 0; id < vocabulary.counts.length; id++) {
    if (vocabulary.counts[id] === 0) {
      throw new SamplerError(`alpha = ${alpha} < 0 gives "${vocabulary.words[id]}" (count 0) an infinite weight`, {
        field: "alpha",
      });
    }
  }
}

/**
 * weights / Σ weights. Throws when a weight is negative or not finite, or when
 * all are zero (`what` names the weights in the message). When the sum of
 * finite weights overflows (several near 1e308), they are divided by the
 * largest first, so the result is still a distribution, not weight / Infinity = 0.
 */
export function normalise(weights: ArrayLike<number>, what: string, field?: string): Float64Array {
  let largest = 0;
  for (let id = 0; id < weights.length; id++) {
    const weight = weights[id];
    if (!(weight >= 0) || !Number.isFinite(weight)) {
      throw new SamplerError(`${what}: weight of id ${id} must be finite and ≥ 0, got ${weight}`, { field });
    }
    if (weight > largest) largest = weight;
  }
  if (!(largest > 0)) throw new SamplerError(`${what}: all weights are zero, so there is nothing to sample`, { field });
  let total = 0;
  for (let id = 0; id < weights.length; id++) total += weights[id];
  const scale = Number.isFinite(total) ? 1 : 1 / largest;
  if (scale !== 1) {
    total = 0;
    for (let id = 0; id < weights.length; id++) total += weights[id] * scale;
  }
  const probabilities = new Float64Array(weights.length);
  for (let id = 0; id < weights.length; id++) probabilities[id] = (weights[id] * scale) / total;
  return probabilities;
}

/**
 * The reference tools compute Σ count^α unscaled; for large α it overflows (or,
 * for large negative α, underflows to 0), which their tables cannot represent.
 */
export function checkReferenceSum(sum: number, alpha: number, method: string): void {
  if (!(sum > 0) || !Number.isFinite(sum)) {
    throw new SamplerError(
      `method "${method}": Σ count^α = ${sum} at alpha = ${alpha} in the reference tool's arithmetic; use method "alias"`,
      { field: "alpha" },
    );
  }
}
