import { existsSync } from "node:fs";
import { preflightSamplerSpec, SamplerError, validateSamplerSpec, type PreflightOptions } from "@neglab/samplers";
import { resolveSettings, TrainOptionError } from "@neglab/trainer";
import type { Experiment } from "./definition.js";
import { ExperimentError } from "./definition.js";
import { samplerFiles } from "./sampler-files.js";

/**
 * Settings that shape the vocabulary, which `neglab run` counts once for every
 * strategy from the base `train` settings (`prepareCorpus`): a strategy cannot
 * override them, and messages name them under `train`.
 */
export const VOCABULARY_SETTINGS: readonly string[] = ["minCount", "maxVocabSize", "maxFinalVocab"];

/**
 * A stand-in vocabulary for checking sampler specs before the corpus is read:
 * `validateSamplerSpec` only checks that a vocabulary is non-empty and parses
 * the options (types, ranges, unknown options); it looks at no word, so the
 * real vocabulary is not needed to find a bad option.
 */
const CHECK_VOCABULARY = { words: ["a", "b"], counts: [2, 1] };

/** A problem in a strategy's settings: the path of the bad field, relative to the experiment root, and what is wrong. */
export interface SettingsProblem {
  field: string;
  message: string;
}

/**
 * Checks the base `train` settings merged with one strategy's overrides (each
 * already checked against the experiment schema) and sampler spec, before any
 * work: the merged settings through the trainer's `resolveSettings` (e.g.
 * minAlpha ≤ alpha across the two objects), and the sampler options
 * through `validateSamplerSpec` (relative paths against `baseDir`). `strategyField`
 * is the strategy's path, e.g. `strategies[2]`; a bad value is reported under
 * the object that set it (`train.` or `strategies[2].train.`). A weights file
 * the sampler names must exist.
 */
export function settingsProblem(
  base: Record<string, unknown>,
  strategyField: string,
  overrides: Record<string, unknown>,
  sampler: Record<string, unknown>,
  baseDir: string,
): SettingsProblem | null {
  const origin = (key: string) => (key in overrides ? `${strategyField}.train` : "train");
  try {
    resolveSettings({ ...base, ...overrides, sampler: sampler as { type: string } });
  } catch (error) {
    if (error instanceof TrainOptionError)
      return { field: `${origin(error.field)}.${error.field}`, message: error.reason };
    throw error;
  }
  try {
    validateSamplerSpec(sampler, CHECK_VOCABULARY, baseDir);
  } catch (error) {
    if (error instanceof SamplerError)
      return { field: `${strategyField}.sampler${error.field ? `.${error.field}` : ""}`, message: error.message };
    throw error;
  }
  const missing = samplerFiles(sampler, baseDir).find((f) => !existsSync(f.path));
  return missing
    ? { field: `${strategyField}.sampler.${missing.field}`, message: `${missing.path}: no such file` }
    : null;
}

/**
 * Builds every strategy's sampler before the corpus is counted and before the
 * first cell trains (`preflightSamplerSpec`: weights files parsed, custom
 * modules imported in a worker thread and their factory run and drawn from
 * under a time limit), so a bad weights file or a throwing, hanging or
 * misbehaving custom module stops `neglab run` at once, as an ExperimentError
 * naming the definition file and the strategy's field (`strategies[2].sampler`),
 * instead of after the other strategies trained. `options.vocabulary` (the
 * corpus's, once counted) builds on the real words instead of the stand-in.
 */
export async function preflightExperimentSamplers(
  experiment: Pick<Experiment, "file" | "baseDir" | "strategies">,
  options: Omit<PreflightOptions, "baseDir"> = {},
): Promise<void> {
  for (const [i, strategy] of experiment.strategies.entries()) {
    try {
      await preflightSamplerSpec(strategy.sampler, { ...options, baseDir: experiment.baseDir });
    } catch (error) {
      if (!(error instanceof SamplerError)) throw error;
      throw new ExperimentError(
        experiment.file,
        `strategies[${i}].sampler${error.field ? `.${error.field}` : ""}`,
        error.message,
      );
    }
  }
}
