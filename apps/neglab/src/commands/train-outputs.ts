import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { writeTrainedModel, writeTrainedWord2Vec, type TrainedModel } from "@neglab/trainer";
import { writeWord2Vec } from "@neglab/vectors";
import { OutputPathError } from "../output-paths.js";
import type { TrainJob } from "./train-config.js";

/** How `neglab train` writes each kind of output (tests substitute failing writers). */
export interface TrainWriters {
  /** word2vec vectors to `path` (`-`: standard output, text only). */
  vectors(model: TrainedModel, path: string, binary: boolean): Promise<void>;
  /** A NegLab model file (vocabulary, counts, every matrix, settings) to `path`. */
  model(model: TrainedModel, path: string): Promise<void>;
}

/** The real writers: `@neglab/trainer`'s save functions, and standard output for `-`. */
export const FILE_WRITERS: TrainWriters = {
  vectors: (model, path, binary) =>
    path === "-"
      ? writeWord2Vec(process.stdout, { words: model.vocabulary.words, dim: model.dim, vectors: model.vectors })
      : writeTrainedWord2Vec(path, model, { binary }),
  model: (model, path) => writeTrainedModel(path, model),
};

/**
 * Writes the outputs of a finished training and returns their descriptions.
 * The outputs were checked before training (`checkOutputs`), but a write can
 * still fail afterwards (a full disk, a removed directory); then the training
 * is not lost: the model is saved as a NegLab model file next to the failed
 * output, or in the system's temporary directory when that fails too, and the
 * {@link OutputPathError} names the failed output, the reason and where the
 * model went. The model file (`--model`) is written first, so when `--out`
 * fails after it, that file is named instead: it holds everything. `neglab
 * eval` reads a model file like a vectors file.
 */
export async function writeTrainOutputs(
  model: TrainedModel,
  job: TrainJob,
  writers: TrainWriters = FILE_WRITERS,
): Promise<string[]> {
  const outputs: { label: string; path: string; describe: string; write: () => Promise<void> }[] = [];
  // The model file first: it holds everything, so once it is written a failing --out loses nothing.
  if (job.model !== undefined) {
    const path = job.model;
    outputs.push({
      label: "--model",
      path,
      describe: `${path} (NegLab model)`,
      write: () => writers.model(model, path),
    });
  }
  if (job.out !== undefined) {
    const path = job.out;
    outputs.push({
      label: "--out",
      path,
      describe: `${path === "-" ? "standard output" : path} (word2vec ${job.binary ? "binary" : "text"})`,
      write: () => writers.vectors(model, path, job.binary),
    });
  }
  const written: string[] = [];
  for (const output of outputs) {
    try {
      await output.write();
      written.push(output.describe);
    } catch (error) {
      const kept =
        output.label === "--out" && job.model !== undefined
          ? `the model file ${job.model} was written and holds the training`
          : await rescue(model, output.path, writers);
      throw new OutputPathError(`could not write ${output.label} ${output.path}: ${(error as Error).message}; ${kept}`);
    }
  }
  return written;
}

/** Saves the model where it can, and says where (or that it could not). */
async function rescue(model: TrainedModel, failedPath: string, writers: TrainWriters): Promise<string> {
  const name = `neglab-rescued-${process.pid}-${Date.now().toString(36)}.neglab`;
  const places = [...(failedPath === "-" ? [process.cwd()] : [dirname(resolve(failedPath))]), tmpdir()];
  for (const place of places) {
    const path = join(place, name);
    try {
      await writers.model(model, path);
      return `the trained model was saved to ${path} instead (a NegLab model file; neglab eval reads it)`;
    } catch {
      // Try the next place.
    }
  }
  return `the trained model could not be saved anywhere (tried ${places.join(" and ")})`;
}
