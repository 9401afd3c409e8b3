import type { Vocabulary } from "@neglab/corpus";

/** A `samplers weights` option that is out of range, or weights it would make that no file can hold; the message names the flag. */
export class DomainWeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DomainWeightsError";
  }
}

/**
 * Domain weights for the `domain` sampler: for each background word w,
 * weight(w) = (p_domain(w) / p_background(w))^β with add-λ smoothing,
 * p(w) = (count(w) + λ) / (total + λ·V), V the background vocabulary size.
 * Words frequent in the domain relative to the background get weights above 1.
 *
 * Callers check that β is finite and λ finite and > 0 (λ > 0 keeps every ratio
 * positive and finite). A weight that is still not finite (a large |β| raises a
 * ratio beyond float64) is refused with a {@link DomainWeightsError} naming the
 * word, since the weights file format (and the sampler) take finite weights only.
 */
export function domainWeights(domain: Vocabulary, background: Vocabulary, beta: number, smoothing: number): [string, number][] {
  const size = background.size;
  const domainTotal = domain.totalCount + smoothing * size;
  const backgroundTotal = background.totalCount + smoothing * size;
  return background.words.map((word, i) => {
    const pDomain = (domain.count(word) + smoothing) / domainTotal;
    const pBackground = (background.counts[i] + smoothing) / backgroundTotal;
    const weight = (pDomain / pBackground) ** beta;
    if (!Number.isFinite(weight)) {
      throw new DomainWeightsError(`--beta ${beta}: the weight of "${word}" (ratio ${(pDomain / pBackground).toPrecision(4)} to the power β) is not finite: choose a smaller |β|`);
    }
    return [word, weight];
  });
}
