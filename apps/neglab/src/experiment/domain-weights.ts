import type { Vocabulary } from "@neglab/corpus";

/**
 * Domain weights for the `domain` sampler: for each background word w,
 * weight(w) = (p_domain(w) / p_background(w))^β with add-λ smoothing,
 * p(w) = (count(w) + λ) / (total + λ·V), V the background vocabulary size.
 * Words frequent in the domain relative to the background get weights above 1.
 */
export function domainWeights(domain: Vocabulary, background: Vocabulary, beta: number, smoothing: number): [string, number][] {
  const size = background.size;
  const domainTotal = domain.totalCount + smoothing * size;
  const backgroundTotal = background.totalCount + smoothing * size;
  return background.words.map((word, i) => {
    const pDomain = (domain.count(word) + smoothing) / domainTotal;
    const pBackground = (background.counts[i] + smoothing) / backgroundTotal;
    return [word, (pDomain / pBackground) ** beta];
  });
}
