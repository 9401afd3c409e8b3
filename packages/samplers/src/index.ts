/**
 * @neglab/samplers — negative sampling for word2vec: the NegativeSampler
 * contract, a registry of sampler types built from JSON specs, custom sampler
 * modules and the preflight that checks a spec before any work.
 *
 * Subpaths: `@neglab/samplers/diagnostics` (entropy, frequency buckets,
 * expected negatives, goodness of fit of a sampler's draws) and
 * `@neglab/samplers/tables` (the sampling tables of word2vec.c, gensim and
 * fastText, and Walker's alias table).
 */
export type * from "./types.js";
export { NEGATIVE_SHARING } from "./types.js";
export { createSampler, listSamplers, validateSamplerSpec, type SamplerContext } from "./registry.js";
export type { SamplerTypeInfo } from "./sampler-types/sampler-type.js";
export type { OptionInfo } from "./options.js";
export { samplerSpecSchema } from "./spec-schema.js";
export { SamplerError } from "./errors.js";
export { createWeightedSampler, type SamplerFactory, type SamplerFactoryContext } from "./custom-module.js";
export { domainWeights } from "./domain-weights.js";
export {
  preflightSamplerSpec,
  PREFLIGHT_TIMEOUT_MS,
  PREFLIGHT_VOCABULARY,
  type PreflightOptions,
  type PreflightReport,
  type PreflightResult,
} from "./preflight.js";
export { checkSamplerContract } from "./sampler-contract.js";
