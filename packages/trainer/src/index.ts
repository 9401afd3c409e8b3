/**
 * @neglab/trainer — word2vec skip-gram and CBOW with any NegLab negative
 * sampler (and hierarchical softmax), Hogwild on worker threads, with a
 * WebAssembly SIMD kernel and a bit-identical TypeScript reference kernel.
 *
 * - {@link train}: corpus → {@link TrainedModel}, with progress, epoch callbacks and cancellation.
 * - {@link TrainSettings}: gensim-named options and defaults; {@link resolveSettings} validates them against
 *   {@link TRAIN_SETTINGS_SCHEMA} (a zod 4 schema, also their published JSON Schema).
 * - {@link checkModelFits}: whether a model fits WebAssembly's 4 GiB, with the changes that would make it fit.
 * - {@link writeTrainedWord2Vec}, {@link writeTrainedModel} / {@link readTrainedModel}: the model's files.
 */
export { train, type TrainOptions, type TrainProgress } from "./train.js";
export {
  defaultSettings,
  resolveSettings,
  TRAIN_SETTINGS_SCHEMA,
  resolveSamplerTimeout,
  DEFAULT_SAMPLER_TIMEOUT,
  type TrainSettings,
  type Architecture,
  type Saturation,
  type KernelKind,
  type InitialVectors,
  type InputInit,
  type DecayBy,
} from "./options.js";
export { wordVector, type TrainedModel, type EpochReport, type TrainStats } from "./model.js";
export { TrainerError, TrainOptionError, TrainingDivergedError, TrainingAbortedError } from "./errors.js";
export {
  checkModelFits,
  fitSuggestions,
  modelMemory,
  ModelTooLargeError,
  type FitSuggestion,
  type KnownVocabulary,
  type ModelMemoryPlan,
  type SettingText,
  type SizeSetting,
  type VocabularySource,
} from "./model-size.js";
export { writeTrainedWord2Vec, writeTrainedModel, readTrainedModel } from "./model-files.js";
