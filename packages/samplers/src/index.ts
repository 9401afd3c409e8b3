/**
 * @neglab/samplers — negative sampling for word2vec: the NegativeSampler
 * contract, a registry of strategies built from JSON specs, custom sampler
 * modules, and diagnostics (entropy, frequency buckets, goodness of fit).
 */
export type * from "./types.js";
export { NEGATIVE_SHARING } from "./types.js";
export { createSampler, listSamplers, validateSamplerSpec, type SamplerContext } from "./registry.js";
export type { StrategyInfo } from "./strategies/strategy.js";
export type { OptionInfo } from "./options.js";
export { SamplerError } from "./errors.js";
export { closestName } from "@neglab/suggest";
export { createWeightedSampler, type SamplerFactory, type SamplerFactoryContext } from "./custom-module.js";
export { COLLISION_EFFECT } from "./collision.js";
export { parseWeightsFile } from "./domain-weights.js";
export {
  preflightSamplerSpec,
  PREFLIGHT_TIMEOUT_MS,
  PREFLIGHT_VOCABULARY,
  type PreflightOptions,
  type PreflightReport,
  type PreflightResult,
} from "./preflight.js";
export { checkSamplerContract } from "./sampler-contract.js";
export { scheduleFraction, type Schedule } from "./schedule.js";
export { buildAliasTable } from "./tables/alias-table.js";
export { buildWord2vecTable, WORD2VEC_TABLE_SIZE } from "./tables/word2vec-table.js";
export { buildCumulativeTable, cumulativeTableProbabilities, GENSIM_DOMAIN } from "./tables/gensim-cum-table.js";
export { buildFasttextTable, FASTTEXT_TABLE_SIZE } from "./tables/fasttext-table.js";
export { entropy, perplexity, frequencyBuckets, expectedNegatives, type FrequencyBucket } from "./diagnostics/distribution.js";
export {
  chiSquareTest,
  totalVariation,
  expectedTotalVariation,
  type ChiSquareResult,
} from "./diagnostics/goodness-of-fit.js";
export { chiSquareSurvival, regularizedGammaQ, logGamma } from "./diagnostics/incomplete-gamma.js";
export {
  drawCounts,
  compareToExpected,
  diagnoseSampler,
  type DrawOptions,
  type FitReport,
  type SamplerDiagnostics,
} from "./diagnostics/empirical.js";
