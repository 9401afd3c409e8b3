/**
 * @neglab/samplers/diagnostics — what a sampler's negative distribution looks
 * like and whether its draws follow it: entropy and perplexity, the share of
 * negatives per frequency bucket, the expected distinct negatives under each
 * collision policy, and Pearson's chi-square and total-variation goodness of
 * fit of empirical draws against `probabilities()`.
 */
export { COLLISION_EFFECT } from "./collision.js";
export {
  entropy,
  perplexity,
  frequencyBuckets,
  expectedNegatives,
  type FrequencyBucket,
} from "./diagnostics/distribution.js";
export {
  chiSquareTest,
  totalVariation,
  expectedTotalVariation,
  type ChiSquareResult,
} from "./diagnostics/goodness-of-fit.js";
export {
  drawCounts,
  compareToExpected,
  diagnoseSampler,
  type DrawOptions,
  type FitReport,
  type SamplerDiagnostics,
} from "./diagnostics/empirical.js";
