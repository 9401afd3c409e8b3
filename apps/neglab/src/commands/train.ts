import { ModelTooLargeError, train, TrainingDivergedError, type TrainedModel } from "@neglab/trainer";
import type { CommandModule } from "yargs";
import { progressLine, trainingBar } from "../progress.js";
import { modelTooLargeInCliTerms, resolveTrainJob, TRAIN_FLAGS } from "./train-config.js";
import { writeTrainOutputs } from "./train-outputs.js";

/** `neglab train`: one word2vec model from flags or a `--config` JSON file. */
export const trainCommand: CommandModule = {
  command: "train",
  describe: "Train one word2vec model (any sampler) and write word2vec vectors and/or a NegLab model file",
  builder: (y) =>
    y
      .options(TRAIN_FLAGS)
      .example(
        "$0 train --corpus brown --lowercase --punctuation drop --architecture skipgram --sampler unigram --alpha 0.75 --out vectors.txt",
        "",
      )
      .example("$0 train --config train.json --seed 2 --out vectors.bin --binary", "")
      .example("$0 train --corpus corpus.txt --out - | gzip > vectors.txt.gz", "Vectors (text) to standard output"),
  handler: async (args) => {
    // 1. Everything is validated before the corpus is read, outputs included (writable, not an input, not each other).
    const job = await resolveTrainJob(args as Record<string, unknown>);
    const progress = progressLine();

    // 2. Train, reporting counting, per-epoch progress (bar, words/s, ETA) and each epoch's loss on stderr.
    let model: TrainedModel;
    try {
      model = await train({
        ...job.settings,
        corpus: job.corpus,
        normalize: job.normalize,
        samplerBaseDir: job.samplerBaseDir,
        samplerTimeout: job.samplerTimeout,
        onVocabularyProgress: (p) =>
          progress.update(`counting: ${p.sentences} sentences, ${p.tokens} tokens, ${p.types} types`),
        onProgress: (p) => progress.update(trainingBar("train", p)),
        onEpochEnd: (e) =>
          progress.done(
            `epoch ${e.epoch + 1}: loss/word ${e.lossPerWord.toFixed(4)}, ${e.trainedWords.toLocaleString("en")} words in ${e.seconds.toFixed(1)} s`,
          ),
      });
    } catch (error) {
      if (error instanceof ModelTooLargeError) throw modelTooLargeInCliTerms(error); // after counting: the counts suggest a --min-count
      throw error instanceof TrainingDivergedError ? inCliTerms(error) : error;
    }

    // 3. Write the outputs (a failed write still saves the model somewhere and says where).
    const written = (await writeTrainOutputs(model, job)).join(" and ");
    // With --out -, standard output holds the vectors: the summary goes to stderr.
    (job.out === "-" ? console.error : console.log)(
      `trained ${model.vocabulary.size.toLocaleString("en")} words × ${model.dim} (${model.settings.architecture}, ${objectiveOf(model)}) ` +
        `in ${model.stats.trainSeconds.toFixed(1)} s at ${Math.round(model.stats.wordsPerSecond).toLocaleString("en")} words/s; wrote ${written}`,
    );
  },
};

/** What the model was trained against: its sampler spec, hierarchical softmax, or both. */
function objectiveOf(model: TrainedModel): string {
  const parts = model.sampler === null ? [] : [`sampler ${JSON.stringify(model.sampler)}`];
  if (model.settings.hs) parts.push("hierarchical softmax");
  return parts.join(" and ");
}

/**
 * The trainer's divergence error in the command line's words: the trainer names
 * its settings (`alpha`, `cbowMean`), but `neglab train` spells the learning
 * rate `--learning-rate` (its `--alpha` is the sampler's exponent, a different
 * thing) and the CBOW mean `--cbow-mean`. The config-file names stay beside them.
 */
export function inCliTerms(error: TrainingDivergedError): TrainingDivergedError {
  const message = error.message
    .replace(/\blower alpha \(now ([^)]*)\)/, "lower the learning rate (--learning-rate, config field alpha; now $1)")
    .replace(/\bset cbowMean: true\b/, "give --cbow-mean (config field cbowMean: true)");
  return new TrainingDivergedError(
    error.epoch,
    message === error.message ? `${message} (the learning rate is --learning-rate)` : message,
  );
}
