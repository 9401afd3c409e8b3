import { Vocabulary } from "@neglab/corpus";
import type { SamplerSpec } from "@neglab/samplers";
import { readModelFile, writeModelFile, writeWord2Vec, VectorsError, type ModelMatrix } from "@neglab/vectors";
import type { EpochReport, TrainStats, TrainedModel } from "./model.js";
import { resolveSettings, type TrainSettings } from "./options.js";

/** What the trainer stores in a model file's JSON `meta`. */
interface TrainerMeta {
  readonly producer: "@neglab/trainer";
  readonly settings: TrainSettings;
  readonly sampler: SamplerSpec | null;
  readonly epochs: readonly EpochReport[];
  readonly stats: TrainStats;
}

/**
 * Writes the input vectors in word2vec.c's text (default) or binary format,
 * readable by gensim's `KeyedVectors.load_word2vec_format(path, binary=...)`.
 * Atomic; gzipped when `path` ends in `.gz`.
 */
export async function writeTrainedWord2Vec(
  path: string,
  model: TrainedModel,
  options: { binary?: boolean } = {},
): Promise<void> {
  await writeWord2Vec(
    path,
    { words: model.vocabulary.words, dim: model.dim, vectors: model.vectors },
    { binary: options.binary ?? false },
  );
}

/**
 * Writes a NegLab model file (see `@neglab/vectors` `writeModelFile`): the
 * vocabulary with counts, the input vectors (`input`), the negative-sampling
 * output vectors (`output`) and HS inner-node vectors (`outputHs`) when trained,
 * and the settings, sampler spec, epoch reports and stats in `meta`. Load it with
 * {@link readTrainedModel} to continue training, or evaluate it with `@neglab/eval`.
 */
export async function writeTrainedModel(path: string, model: TrainedModel): Promise<void> {
  const meta: TrainerMeta = {
    producer: "@neglab/trainer",
    settings: model.settings,
    sampler: model.sampler,
    epochs: model.epochs,
    stats: model.stats,
  };
  const matrices: Record<string, Float32Array> & { input: Float32Array } = { input: model.vectors };
  if (model.outputVectors !== null) matrices.output = model.outputVectors;
  if (model.hsVectors !== null) matrices.outputHs = model.hsVectors;
  await writeModelFile(path, {
    words: model.vocabulary.words,
    counts: model.vocabulary.counts,
    dim: model.dim,
    meta,
    matrices,
  });
}

/**
 * Reads a model written by {@link writeTrainedModel}. The container is validated
 * before anything is allocated (`readModelFile`); this also checks that the
 * file was written by the trainer, that its settings are valid and that every
 * matrix has one row per word.
 *
 * @throws VectorsError naming the file for a truncated, foreign or inconsistent file.
 */
export async function readTrainedModel(path: string): Promise<TrainedModel> {
  const file = await readModelFile(path);
  const fail = (message: string): never => {
    throw new VectorsError(message, { file: path });
  };
  const meta = file.meta as Partial<TrainerMeta> | null;
  if (meta === null || typeof meta !== "object" || meta.producer !== "@neglab/trainer")
    fail("not a model written by @neglab/trainer (meta.producer is missing)");
  if (file.counts === null) fail("the model file has no word counts, which continuing training needs");
  let settings: TrainSettings;
  try {
    settings = resolveSettings(meta!.settings ?? {});
  } catch (error) {
    return fail(`invalid settings in meta: ${(error as Error).message}`);
  }
  const rows = file.words.length;
  const matrix = (name: string, required: boolean): Float32Array | null => {
    const m: ModelMatrix | undefined = file.matrices[name];
    if (m === undefined) return required ? fail(`matrix "${name}" is missing`) : null;
    if (m.rows !== rows || m.cols !== file.dim)
      fail(`matrix "${name}" is ${m.rows} × ${m.cols}, expected ${rows} × ${file.dim}`);
    return m.data;
  };
  if (settings.vectorSize !== file.dim)
    fail(`settings.vectorSize ${settings.vectorSize} differs from the file's dim ${file.dim}`);
  let vocabulary: Vocabulary;
  try {
    vocabulary = new Vocabulary(file.words, file.counts!);
  } catch (error) {
    return fail((error as Error).message);
  }
  return {
    vocabulary,
    dim: file.dim,
    vectors: matrix("input", true)!,
    outputVectors: matrix("output", settings.negative > 0),
    hsVectors: matrix("outputHs", settings.hs),
    settings,
    sampler: meta!.sampler ?? null,
    epochs: meta!.epochs ?? [],
    stats: meta!.stats ?? { trainSeconds: 0, corpusWords: 0, epochWords: 0, wordsPerSecond: 0 },
  };
}
