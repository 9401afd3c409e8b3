import { buildVocabulary, encodeCorpus, keepProbabilities, openCorpus } from "@neglab/corpus";
import type { EncodedCorpus, Vocabulary } from "@neglab/corpus";
import { TrainOptionError } from "./errors.js";
import { compileWasmKernel } from "./kernel/wasm-kernel.js";
import type { MemoryLayout } from "./layout.js";
import { allocateModel } from "./model-memory.js";
import { checkModelFits, checkModelFitsBeforeReading } from "./model-size.js";
import { defaultSettings, resolveSamplerTimeout, resolveSettings, type TrainSettings } from "./options.js";
import { controlLength } from "./protocol.js";
import type { TrainOptions } from "./train-options.js";

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
  /** The corpus encoded against `vocabulary`, on SharedArrayBuffers that every worker reads. */
  readonly encoded: EncodedCorpus;
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
  const { vocabulary, encoded } = await readCorpus(options, settings);
  const keep = keepProbabilities(vocabulary, settings.sample);
  const { layout, memory } = allocateModel(options, settings, vocabulary);
  const module = settings.kernel === "wasm" ? await compileWasmKernel() : null;
  const control = new Int32Array(new SharedArrayBuffer(controlLength(settings.workers) * 4));
  return { options, settings, samplerTimeout, vocabulary, encoded, keep, layout, memory, module, control };
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
        throw new TrainOptionError(key, `cannot change when continuing a model trained with ${key}=${String(options.initialModel.settings[key])}`);
      }
      picked[key] = options.initialModel.settings[key];
    }
  }
  return picked;
}

/** The vocabulary (given, the continued model's, or counted) and the corpus encoded against it, shared. */
async function readCorpus(options: TrainOptions, settings: TrainSettings): Promise<{ vocabulary: Vocabulary; encoded: EncodedCorpus }> {
  let vocabulary = options.initialModel?.vocabulary ?? options.vocabulary;
  let encoded = options.encoded;
  if (encoded === undefined) {
    if (options.corpus === undefined) throw new TrainOptionError("corpus", "is required (a path, \"brown\" or a Corpus) unless `encoded` is given");
    const corpus = typeof options.corpus === "string" ? await openCorpus(options.corpus, { normalize: options.normalize }) : options.corpus;
    if (vocabulary === undefined) {
      const built = await buildVocabulary(corpus, {
        minCount: settings.minCount,
        maxVocabSize: settings.maxVocabSize,
        maxFinalVocab: settings.maxFinalVocab,
        ...(options.onVocabularyProgress ? { onProgress: options.onVocabularyProgress } : {}),
      });
      vocabulary = built.vocabulary;
      checkModelFits(settings, { source: "counted", size: vocabulary.size, counts: vocabulary.counts });
    }
    encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
  } else if (vocabulary === undefined) {
    throw new TrainOptionError("vocabulary", "is required with `encoded` (the vocabulary it was encoded against)");
  }
  if (vocabulary.size === 0) throw new TrainOptionError("minCount", `minCount=${settings.minCount} leaves an empty vocabulary`);
  if (encoded.ids.length === 0) throw new TrainOptionError("corpus", "has no in-vocabulary words to train on");
  return { vocabulary, encoded: shareEncoded(encoded) };
}

/** The encoded corpus on SharedArrayBuffers (copied once if it is not already). */
function shareEncoded(encoded: EncodedCorpus): EncodedCorpus {
  const share = (array: Int32Array): Int32Array => {
    if (array.buffer instanceof SharedArrayBuffer) return array;
    const copy = new Int32Array(new SharedArrayBuffer(array.byteLength));
    copy.set(array);
    return copy;
  };
  return { ...encoded, ids: share(encoded.ids), sentenceStarts: share(encoded.sentenceStarts) };
}
