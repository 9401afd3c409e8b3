import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countAndWriteEncodedCorpus, writeEncodedCorpus, keepProbabilities, openCorpus } from "@neglab/corpus";
import type { EncodedCorpus, EncodedCorpusFile, Vocabulary } from "@neglab/corpus";
import { TrainOptionError } from "./errors.js";
import { compileWasmKernel } from "./kernel/wasm-kernel.js";
import type { MemoryLayout } from "./layout.js";
import { allocateModel } from "./model-memory.js";
import { checkModelFits, checkModelFitsBeforeReading } from "./model-size.js";
import { defaultSettings, resolveSamplerTimeout, resolveSettings, type TrainSettings } from "./options.js";
import { controlLength } from "./protocol.js";
import type { TrainOptions } from "./train-options.js";
import { isEncodedFile, trainingCorpus, type TrainingCorpus } from "./training-corpus.js";

/**
 * Everything one call of `train` works on, prepared before any worker starts:
 * the coordinator's modules (worker pool, epochs, extraction) take this one
 * object instead of a list of positional parameters.
 */
export interface TrainingRun {
  /** The caller's options: hooks, signal, sampler module. */
  readonly options: TrainOptions;
  /** Every setting resolved and validated. */
  readonly settings: TrainSettings;
  /** Milliseconds a worker may go without progress (see `TrainOptions.samplerTimeout`). */
  readonly samplerTimeout: number;
  readonly vocabulary: Vocabulary;
  /** The corpus encoded against `vocabulary`: totals, blocks, and where workers read them (shared memory or file). */
  readonly corpus: TrainingCorpus;
  /** Per word: the probability that subsampling keeps an occurrence. */
  readonly keep: Float64Array;
  /** Where everything lives in `memory`. */
  readonly layout: MemoryLayout;
  /** The one shared memory all workers train in: tables, vectors, scratch. */
  readonly memory: WebAssembly.Memory;
  /** The compiled SIMD kernel, or null for the TypeScript kernel. */
  readonly module: WebAssembly.Module | null;
  /** The shared control array (slots in protocol.ts). */
  readonly control: Int32Array;
  /** Removes what the run made on disk (the encoded corpus file `train` wrote); `train` calls it when it ends, however it ends. */
  readonly dispose: () => Promise<void>;
}

/** Every key of {@link TrainSettings}, read off the defaults so that no setting can be left out. */
const SETTING_KEYS = Object.keys(defaultSettings()) as (keyof TrainSettings)[];

/**
 * Validates the options, reads and encodes the corpus (unless given encoded),
 * lays out and fills the shared memory and compiles the kernel: every error of
 * the caller's making is thrown here, before any worker starts. A model too
 * large for WebAssembly's 4 GiB is refused (`ModelTooLargeError`) before the
 * corpus is read when a given vocabulary or `maxFinalVocab` fixes or bounds its
 * size, else right after counting, before the corpus is encoded.
 */
export async function prepareRun(options: TrainOptions): Promise<TrainingRun> {
  const settings = resolveSettings(pickSettings(options));
  const samplerTimeout = resolveSamplerTimeout(options.samplerTimeout);
  checkModelFitsBeforeReading(options, settings);
  const { vocabulary, encoded, dispose } = await readCorpus(options, settings);
  try {
    const corpus = trainingCorpus(encoded);
    const keep = keepProbabilities(vocabulary, settings.sample);
    const { layout, memory } = allocateModel(options, settings, vocabulary);
    const module = settings.kernel === "wasm" ? await compileWasmKernel() : null;
    const control = new Int32Array(new SharedArrayBuffer(controlLength(settings.workers) * 4));
    return { options, settings, samplerTimeout, vocabulary, corpus, keep, layout, memory, module, control, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** The settings given in `options`; a continued model's shape (architecture, vectorSize, hs) cannot change. */
function pickSettings(options: TrainOptions): Partial<TrainSettings> {
  const picked: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  if (options.initialModel && options.initialVectors !== undefined) {
    throw new TrainOptionError("initialVectors", "cannot be combined with initialModel, which brings its own vectors");
  }
  if (options.initialModel) {
    // Continuing keeps the model's shape; the rest may change (alpha, epochs, sampler...).
    for (const key of ["architecture", "vectorSize", "hs"] as const) {
      if (options[key] !== undefined && options[key] !== options.initialModel.settings[key]) {
        throw new TrainOptionError(
          key,
          `cannot change when continuing a model trained with ${key}=${String(options.initialModel.settings[key])}`,
        );
      }
      picked[key] = options.initialModel.settings[key];
    }
  }
  return picked;
}

/** What {@link readCorpus} gives: the vocabulary, the encoding, and how to remove the file it wrote (if any). */
interface ReadCorpus {
  readonly vocabulary: Vocabulary;
  readonly encoded: EncodedCorpus | EncodedCorpusFile;
  readonly dispose: () => Promise<void>;
}

/**
 * The vocabulary (given, the continued model's, or counted) and the corpus
 * encoded against it. A corpus given as a path or a `Corpus` is encoded to a
 * file in a new directory under `workDir` (default the system's temporary
 * directory), read back block by block by the workers, so memory does not grow
 * with the corpus; `dispose` removes the directory, and so does the process's
 * exit if it comes first.
 */
async function readCorpus(options: TrainOptions, settings: TrainSettings): Promise<ReadCorpus> {
  const vocabulary = options.initialModel?.vocabulary ?? options.vocabulary;
  const given = options.encoded;
  if (given !== undefined) {
    if (vocabulary === undefined)
      throw new TrainOptionError("vocabulary", "is required with `encoded` (the vocabulary it was encoded against)");
    checkVocabulary(vocabulary, settings);
    if (isEncodedFile(given) && given.vocabularySize !== vocabulary.size) {
      throw new TrainOptionError(
        "encoded",
        `${given.path} was encoded against a vocabulary of ${given.vocabularySize} words, but the vocabulary has ${vocabulary.size}`,
      );
    }
    if (!isEncodedFile(given) && given.tokens !== given.ids.length) {
      throw new TrainOptionError(
        "encoded",
        `tokens is ${given.tokens}, but ids holds ${given.ids.length}: not an encoding made by encodeCorpus`,
      );
    }
    if (given.tokens === 0) throw new TrainOptionError("corpus", "has no in-vocabulary words to train on");
    return { vocabulary, encoded: given, dispose: () => Promise.resolve() };
  }
  if (options.corpus === undefined)
    throw new TrainOptionError("corpus", 'is required (a path, "brown" or a Corpus) unless `encoded` is given');
  const corpus =
    typeof options.corpus === "string"
      ? await openCorpus(options.corpus, { normalize: options.normalize })
      : options.corpus;
  if (vocabulary !== undefined) checkVocabulary(vocabulary, settings);
  const workDir = options.workDir ?? tmpdir();
  const directory = await mkdtemp(join(workDir, "neglab-train-")).catch((error: unknown) => {
    throw new TrainOptionError("workDir", `cannot hold the encoded corpus: ${(error as Error).message}`);
  });
  // A process that exits while training (process.exit after Ctrl-C, as the CLI does) runs no `finally`: its
  // "exit" listeners are the last chance to remove the file, and they must be synchronous.
  const removeNow = (): void => rmSync(directory, { recursive: true, force: true });
  process.on("exit", removeNow);
  const dispose = async (): Promise<void> => {
    process.off("exit", removeNow);
    await rm(directory, { recursive: true, force: true });
  };
  const path = join(directory, "corpus.encoded");
  try {
    if (vocabulary !== undefined)
      return { vocabulary, encoded: await writeEncodedCorpus(path, corpus, vocabulary), dispose };
    // counted and encoded in one pass over the text; a model too large for the words counted stops it before the file is written
    const counted = await countAndWriteEncodedCorpus(path, corpus, {
      minCount: settings.minCount,
      maxVocabSize: settings.maxVocabSize,
      maxFinalVocab: settings.maxFinalVocab,
      ...(options.onVocabularyProgress ? { onProgress: options.onVocabularyProgress } : {}),
      onCounted: ({ vocabulary: counted }) => {
        checkVocabulary(counted, settings);
        checkModelFits(settings, { source: "counted", size: counted.size, counts: counted.counts });
      },
    });
    return { vocabulary: counted.vocabulary, encoded: counted.encoded, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function checkVocabulary(vocabulary: Vocabulary, settings: TrainSettings): void {
  if (vocabulary.size === 0)
    throw new TrainOptionError("minCount", `minCount=${settings.minCount} leaves an empty vocabulary`);
}
