import type { Vocabulary } from "@neglab/corpus";
import {
  checkModelFits,
  ModelTooLargeError,
  resolveSettings,
  type KnownVocabulary,
  type SettingText,
  type TrainSettings,
} from "@neglab/trainer";
import { ExperimentError, type Experiment } from "./definition.js";
import { VOCABULARY_SETTINGS } from "./trainer-settings.js";

/**
 * Refuses an experiment whose model cannot fit WebAssembly's 4 GiB memory for
 * any of its strategies (the seed does not change a model's size, so one check
 * per strategy covers every cell), with the trainer's numbers and suggestions
 * (`checkModelFits`) in the definition's field names: `train.vectorSize: 268`,
 * or `strategies[1].train.hotRows: 0` where that strategy sets it.
 *
 * Without `vocabulary`, before the corpus is read: only when `train.maxFinalVocab`
 * bounds the vocabulary (the model must fit with that many words). With the
 * vocabulary counted (and its counts), before the first cell trains, so a
 * strategy that would not fit does not stop the run after the others trained.
 */
export function checkExperimentModelSizes(
  experiment: Pick<Experiment, "file" | "train" | "strategies">,
  vocabulary?: Vocabulary,
): void {
  const maxFinalVocab = experiment.train.maxFinalVocab;
  const known: KnownVocabulary | null =
    vocabulary !== undefined
      ? { source: "counted", size: vocabulary.size, counts: vocabulary.counts }
      : typeof maxFinalVocab === "number"
        ? { source: "maxFinalVocab", size: maxFinalVocab }
        : null;
  if (known === null) return;
  for (const [i, strategy] of experiment.strategies.entries()) {
    // the definition was validated (validateExperiment), so these settings resolve
    const settings: TrainSettings = resolveSettings({
      ...experiment.train,
      ...strategy.train,
      sampler: strategy.sampler as TrainSettings["sampler"],
    });
    // a strategy cannot set the vocabulary's settings (settingsProblem): those are always under `train`
    const where = (setting: string): string =>
      setting in strategy.train && !VOCABULARY_SETTINGS.includes(setting) ? `strategies[${i}].train` : "train";
    const text: SettingText = (setting, value) => `${where(setting)}.${setting}: ${String(value)}`;
    try {
      checkModelFits(settings, known);
    } catch (error) {
      if (!(error instanceof ModelTooLargeError)) throw error;
      throw new ExperimentError(
        experiment.file,
        `${where(error.field)}.${error.field}`,
        `strategy "${strategy.name}": ${error.explain(text)}`,
      );
    }
  }
}
