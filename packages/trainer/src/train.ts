import { Worker } from "node:worker_threads";
import { buildVocabulary, encodeCorpus, keepProbabilities, openCorpus } from "@neglab/corpus";
import type { Corpus, CountProgress, EncodedCorpus, NormalizeOptions, Vocabulary } from "@neglab/corpus";
import { createStream, splitStreams } from "@neglab/random";
import type { SamplerSpec } from "@neglab/samplers";
import { distFile } from "./dist-file.js";
import { TrainOptionError, TrainerError, TrainingAbortedError, TrainingDivergedError, oneLine } from "./errors.js";
import { huffmanPaths, type HuffmanPaths } from "./huffman.js";
import { compileWasmKernel } from "./kernel/wasm-kernel.js";
import { planLayout, type MemoryLayout } from "./layout.js";
import type { EpochReport, TrainedModel } from "./model.js";
import { checkInitialVectors, defaultSettings, resolveSamplerTimeout, resolveSettings, type InitialVectors, type TrainSettings } from "./options.js";
import {
  BUILT_IN_SAMPLERS,
  CHUNK_WORDS,
  CONTROL_ABORT,
  CONTROL_NEXT_CHUNK,
  CONTROL_WORDS,
  controlLength,
  samplerLabel,
  type WorkerInit,
  type WorkerReply,
} from "./protocol.js";
import { learningRate } from "./schedule.js";
import { EXPLODED_LOSS, TABLE_SIZE, lossTable, sigmoidTable } from "./sigmoid-table.js";
import { WORKER_LOAD_LIMIT, watchHeartbeats } from "./watchdog.js";
import { errorFromWorker } from "./worker-errors.js";

/** A progress report, emitted about every `progressInterval` ms. */
export interface TrainProgress {
  /** 0-based current epoch. */
  readonly epoch: number;
  readonly epochs: number;
  /** Fraction of all epochs' words processed, in [0, 1]. */
  readonly progress: number;
  /** In-vocabulary words processed so far, all epochs. */
  readonly words: number;
  readonly totalWords: number;
  /** In-vocabulary words per second since training started. */
  readonly wordsPerSecond: number;
  /** Estimated seconds left. */
  readonly etaSeconds: number;
  /** Current learning rate. */
  readonly alpha: number;
}

/** Options of {@link train}: the corpus, the {@link TrainSettings}, and hooks. */
export interface TrainOptions extends Partial<TrainSettings> {
  /** A text file or directory (one sentence per line), `"brown"`, or an opened corpus. Not needed with `encoded`. */
  readonly corpus?: string | Corpus;
  /** Token normalisation when `corpus` is a path (e.g. `{ lowercase: true, punctuation: "drop" }`). */
  readonly normalize?: NormalizeOptions;
  /** A vocabulary built beforehand (then `minCount`, `maxVocabSize`, `maxFinalVocab` are not applied again). */
  readonly vocabulary?: Vocabulary;
  /** The corpus already encoded against `vocabulary` (skips reading the corpus). */
  readonly encoded?: EncodedCorpus;
  /** Continue training this model: its vocabulary and vectors are the starting point. */
  readonly initialModel?: TrainedModel;
  /**
   * Start a fresh training from these vectors instead of the random initialisation
   * (e.g. the same start as gensim's, for a differential test); see {@link InitialVectors}.
   * Not with `initialModel`, which brings its own vectors.
   */
  readonly initialVectors?: InitialVectors;
  /** Module exporting `createSampler(spec, { vocabulary, baseDir })`. Default `"@neglab/samplers"`. */
  readonly samplerModule?: string;
  /** Base directory for `module:` sampler specs with relative paths. */
  readonly samplerBaseDir?: string;
  /** Called while the vocabulary is counted (about every 10,000 sentences), before training starts. */
  readonly onVocabularyProgress?: (progress: CountProgress) => void;
  /** Called about every `progressInterval` ms during training. */
  readonly onProgress?: (progress: TrainProgress) => void;
  /** Called after each epoch. */
  readonly onEpochEnd?: (report: EpochReport) => void;
  /** Milliseconds between progress events. Default 1000. */
  readonly progressInterval?: number;
  /** Cancels training; the promise then rejects with a {@link TrainingAbortedError} holding the partial model. */
  readonly signal?: AbortSignal;
  /**
   * Milliseconds a worker may go without finishing a sampler call — building the
   * sampler when it starts, or one `draw` — before training stops with a
   * {@link TrainerError} naming the sampler (a custom module that hangs would
   * otherwise hang training). Default 30,000 (`DEFAULT_SAMPLER_TIMEOUT`).
   */
  readonly samplerTimeout?: number;
}

/** Every key of {@link TrainSettings}, read off the defaults so that no setting can be left out. */
const SETTING_KEYS = Object.keys(defaultSettings()) as (keyof TrainSettings)[];

/**
 * Trains word2vec (Mikolov et al. 2013) — skip-gram or CBOW, negative sampling
 * through any NegLab sampler and/or hierarchical softmax — on `workers` threads
 * that update one shared set of vectors without locks (Hogwild). Options are
 * validated before any work; see {@link TrainSettings} for each setting.
 */
export async function train(options: TrainOptions): Promise<TrainedModel> {
  const settings = resolveSettings(pickSettings(options));
  const samplerTimeout = resolveSamplerTimeout(options.samplerTimeout);
  const data = await prepareData(options, settings);
  const { vocabulary } = data;
  const huffman: HuffmanPaths | null = settings.hs ? huffmanPaths(vocabulary.counts) : null;
  const layout = planLayout(settings, vocabulary.size, huffman?.points.length ?? 0, TABLE_SIZE);
  const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
  writeTables(memory, layout, huffman);
  initialiseVectors(memory, layout, settings, startingVectors(options, settings, vocabulary));

  const module = settings.kernel === "wasm" ? await compileWasmKernel() : null;
  const control = new Int32Array(new SharedArrayBuffer(controlLength(settings.workers) * 4));
  const started = performance.now(); // training time includes starting the workers
  const pool = await startWorkers(options, settings, layout, memory, module, data, control, samplerTimeout);
  try {
    return await runEpochs(options, settings, layout, memory, data, control, pool, started);
  } finally {
    await Promise.all(pool.workers.map((worker) => worker.terminate()));
  }
}

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

interface TrainingData {
  readonly vocabulary: Vocabulary;
  readonly encoded: EncodedCorpus;
  readonly keep: Float64Array;
}

async function prepareData(options: TrainOptions, settings: TrainSettings): Promise<TrainingData> {
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
    }
    encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
  } else if (vocabulary === undefined) {
    throw new TrainOptionError("vocabulary", "is required with `encoded` (the vocabulary it was encoded against)");
  }
  if (vocabulary.size === 0) throw new TrainOptionError("minCount", `minCount=${settings.minCount} leaves an empty vocabulary`);
  if (encoded.ids.length === 0) throw new TrainOptionError("corpus", "has no in-vocabulary words to train on");
  return { vocabulary, encoded: shareEncoded(encoded), keep: keepProbabilities(vocabulary, settings.sample) };
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

function writeTables(memory: WebAssembly.Memory, layout: MemoryLayout, huffman: HuffmanPaths | null): void {
  const buffer = memory.buffer;
  new Float32Array(buffer, layout.sigmoid, TABLE_SIZE).set(sigmoidTable());
  new Float64Array(buffer, layout.loss, TABLE_SIZE).set(lossTable());
  if (huffman === null) return;
  new Int32Array(buffer, layout.codeStart, layout.vocabularySize).set(huffman.codeStart);
  new Int32Array(buffer, layout.codeLength, layout.vocabularySize).set(huffman.codeLength);
  new Int32Array(buffer, layout.points, huffman.points.length).set(huffman.points);
  new Int32Array(buffer, layout.codes, huffman.codes.length).set(huffman.codes);
}

/** The vectors to start from: `initialVectors` (checked against the vocabulary), the continued model's, or none (random). */
function startingVectors(options: TrainOptions, settings: TrainSettings, vocabulary: Vocabulary): InitialVectors | undefined {
  if (options.initialVectors !== undefined) return checkInitialVectors(options.initialVectors, settings, vocabulary.words);
  const model = options.initialModel;
  if (model === undefined) return undefined;
  return { input: model.vectors, ...(model.outputVectors ? { output: model.outputVectors } : {}), ...(model.hsVectors ? { hsOutput: model.hsVectors } : {}) };
}

/**
 * Input vectors uniform in [−1, 1) / dim (`inputInit: "gensim"`, gensim 4's
 * `prep_vectors`) or [−0.5, 0.5) / dim (`"word2vec"`, word2vec.c's `InitNet`),
 * output vectors zero (both), drawn from the seed's `trainer/init` stream; or the
 * given starting vectors (an output matrix not given stays zero).
 */
function initialiseVectors(memory: WebAssembly.Memory, layout: MemoryLayout, settings: TrainSettings, start: InitialVectors | undefined): void {
  const count = layout.vocabularySize * layout.dim;
  const syn0 = new Float32Array(memory.buffer, layout.syn0, count);
  if (start === undefined) {
    const rng = createStream(settings.seed, "trainer/init");
    if (settings.inputInit === "gensim") for (let i = 0; i < count; i++) syn0[i] = (2 * rng.nextFloat() - 1) / layout.dim;
    else for (let i = 0; i < count; i++) syn0[i] = (rng.nextFloat() - 0.5) / layout.dim;
    return;
  }
  syn0.set(start.input);
  if (layout.syn1neg !== 0 && start.output !== undefined) new Float32Array(memory.buffer, layout.syn1neg, count).set(start.output);
  if (layout.syn1 !== 0 && start.hsOutput !== undefined) new Float32Array(memory.buffer, layout.syn1, count).set(start.hsOutput);
}

interface WorkerPool {
  readonly workers: Worker[];
  readonly sampler: SamplerSpec | null;
  /**
   * Resolves with each worker's next reply, in worker order; rejects with the
   * typed error of a worker that failed, exited or made no progress for
   * `samplerTimeout` ms during `epoch` (`null`: while starting).
   */
  next(epoch: number | null): Promise<WorkerReply[]>;
}

async function startWorkers(
  options: TrainOptions,
  settings: TrainSettings,
  layout: MemoryLayout,
  memory: WebAssembly.Memory,
  module: WebAssembly.Module | null,
  { vocabulary, encoded, keep }: TrainingData,
  control: Int32Array,
  samplerTimeout: number,
): Promise<WorkerPool> {
  const streams = splitStreams(settings.seed, settings.workers, "trainer/workers");
  let maxSentence = 0;
  for (let s = 0; s < encoded.sentences; s++) {
    maxSentence = Math.max(maxSentence, encoded.sentenceStarts[s + 1] - encoded.sentenceStarts[s]);
  }
  const chunkStarts = chunkSentences(encoded.sentenceStarts, encoded.sentences);
  const script = distFile("worker.js");
  const workers: Worker[] = [];
  const inboxes: WorkerReply[][] = [];
  const waiting: (() => void)[] = [];
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure ??= error;
    waiting.splice(0).forEach((wake) => wake());
  };
  const samplerModule = options.samplerModule ?? BUILT_IN_SAMPLERS;
  const label = settings.negative > 0 ? samplerLabel(settings.sampler, samplerModule) : "hierarchical softmax";
  let stage = "while starting";
  for (let w = 0; w < settings.workers; w++) {
    const init: WorkerInit = {
      worker: w,
      settings,
      layout,
      memory,
      module,
      ids: encoded.ids,
      sentenceStarts: encoded.sentenceStarts,
      keep,
      words: vocabulary.words,
      counts: vocabulary.counts,
      samplerModule,
      samplerBaseDir: options.samplerBaseDir,
      rngState: streams[w].state(),
      control,
      epochWords: encoded.ids.length,
      maxSentence,
      chunkStarts,
    };
    const worker = new Worker(script, { workerData: init });
    const inbox: WorkerReply[] = [];
    worker.on("message", (reply: WorkerReply) => {
      inbox.push(reply);
      waiting.splice(0).forEach((wake) => wake());
    });
    // an uncaught error or an exit we did not ask for (terminate() comes only after the last reply) ends training
    worker.on("error", (error) => fail(new TrainerError(`${label}: training worker ${w} failed ${stage}: ${oneLine(error)}`)));
    worker.on("exit", (code) =>
      fail(
        new TrainerError(
          `${label}: training worker ${w} stopped ${stage} with exit code ${code}: ` +
            "a custom sampler module whose top-level await or factory promise never settles, or that calls process.exit, stops its worker",
        ),
      ),
    );
    workers.push(worker);
    inboxes.push(inbox);
  }
  const onStall = (w: number, loaded: boolean): void => {
    if (!loaded) return fail(new TrainerError(`${label}: training worker ${w} did not load within ${WORKER_LOAD_LIMIT} ms; the machine may be overloaded`));
    const what = stage === "while starting" ? "its sampler was not built" : settings.negative > 0 ? "no sampler draw returned" : "no sentence was finished";
    fail(
      new TrainerError(
        `${label}: training worker ${w} stopped ${stage}: ${what} within ${samplerTimeout} ms; ` +
          `raise samplerTimeout (--sampler-timeout, now ${samplerTimeout} ms) if it legitimately takes longer`,
      ),
    );
  };
  const next = async (epoch: number | null): Promise<WorkerReply[]> => {
    stage = epoch === null ? "while starting" : `in epoch ${epoch + 1}`;
    const stopWatching = watchHeartbeats(control, settings.workers, samplerTimeout, (w) => inboxes[w].length === 0, onStall);
    try {
      for (;;) {
        // a worker's own report first: a worker whose start failed exits right after sending it
        const error = inboxes.flatMap((inbox) => inbox.filter((reply) => reply.type === "error"))[0];
        if (error?.type === "error") throw errorFromWorker(error.failure);
        if (failure !== null) throw failure;
        if (inboxes.every((inbox) => inbox.length > 0)) return inboxes.map((inbox) => inbox.shift()!);
        await new Promise<void>((wake) => waiting.push(wake));
      }
    } finally {
      stopWatching();
    }
  };
  let ready: WorkerReply[];
  try {
    ready = await next(null);
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  const first = ready[0];
  return { workers, sampler: first.type === "ready" ? first.sampler : null, next };
}

/**
 * Chunks of whole sentences of about {@link CHUNK_WORDS} words each. Workers
 * claim them in order from a shared cursor, so a worker slowed by other
 * processes takes fewer chunks instead of holding up the epoch; one worker
 * takes them all in corpus order.
 */
function chunkSentences(sentenceStarts: Int32Array, sentences: number): Int32Array {
  const starts = [0];
  for (let s = 1; s < sentences; s++) {
    if (sentenceStarts[s] - sentenceStarts[starts[starts.length - 1]] >= CHUNK_WORDS) starts.push(s);
  }
  starts.push(sentences);
  return Int32Array.from(starts);
}

async function runEpochs(
  options: TrainOptions,
  settings: TrainSettings,
  layout: MemoryLayout,
  memory: WebAssembly.Memory,
  { vocabulary, encoded }: TrainingData,
  control: Int32Array,
  pool: WorkerPool,
  started: number,
): Promise<TrainedModel> {
  const epochWords = encoded.ids.length;
  const totalWords = epochWords * settings.epochs;
  const reports: EpochReport[] = [];
  const snapshot = (): TrainedModel => extractModel(memory, layout, settings, vocabulary, pool.sampler, reports, encoded, (performance.now() - started) / 1000);
  const onAbort = (): void => void Atomics.store(control, CONTROL_ABORT, 1);
  options.signal?.addEventListener("abort", onAbort);
  try {
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
      if (options.signal?.aborted) throw new TrainingAbortedError(epoch, snapshot());
      const epochStart = performance.now();
      Atomics.store(control, CONTROL_WORDS, 0);
      Atomics.store(control, CONTROL_NEXT_CHUNK, 0);
      pool.workers.forEach((worker) => worker.postMessage({ type: "epoch", epoch }));
      const progress = (): TrainProgress => {
        const words = epoch * epochWords + Atomics.load(control, CONTROL_WORDS);
        const seconds = (performance.now() - started) / 1000;
        const rate = words / Math.max(seconds, 1e-9);
        return {
          epoch,
          epochs: settings.epochs,
          progress: words / totalWords,
          words,
          totalWords,
          wordsPerSecond: rate,
          etaSeconds: rate > 0 ? (totalWords - words) / rate : Number.POSITIVE_INFINITY,
          alpha: learningRate(settings.alpha, settings.minAlpha, words / totalWords),
        };
      };
      const timer = options.onProgress ? setInterval(() => options.onProgress!(progress()), options.progressInterval ?? 1000) : null;
      let replies: WorkerReply[];
      try {
        replies = await pool.next(epoch);
      } finally {
        if (timer !== null) clearInterval(timer);
      }
      let loss = 0;
      let targets = 0;
      let trainedWords = 0;
      let aborted = false;
      let diverged = false;
      for (const reply of replies) {
        if (reply.type !== "epoch-done") continue;
        loss += reply.loss;
        targets += reply.targets;
        trainedWords += reply.trainedWords;
        aborted ||= reply.aborted;
        diverged ||= reply.diverged;
      }
      // A vector that overflows makes the loss NaN or infinite at its next use, so between epochs the loss
      // suffices; the vectors are scanned once, after the last epoch, not while the workers wait. A finite loss
      // can still have exploded (saturation "skip" stops updating saturated targets before anything overflows):
      // see EXPLODED_LOSS for the bound on the mean loss per prediction.
      const last = epoch === settings.epochs - 1;
      const perPrediction = targets > 0 ? loss / targets : 0;
      const nonFinite = diverged || !Number.isFinite(loss) || (last && !vectorsFinite(memory, layout));
      if (nonFinite || perPrediction > EXPLODED_LOSS) {
        const what = nonFinite
          ? "the loss or a vector became NaN or infinite"
          : `the loss exploded to ${perPrediction.toPrecision(3)} per prediction (above ${EXPLODED_LOSS.toFixed(4)} = −log σ(−6), the sigmoid table's edge; training starts at ln 2 ≈ 0.693)`;
        throw new TrainingDivergedError(
          epoch,
          `training diverged in epoch ${epoch + 1} of ${settings.epochs}: ${what}; ` +
            `lower alpha (now ${settings.alpha})${settings.architecture === "cbow" && !settings.cbowMean ? " or set cbowMean: true" : ""}`,
        );
      }
      if (aborted) throw new TrainingAbortedError(epoch, snapshot());
      const report: EpochReport = {
        epoch,
        loss,
        lossPerWord: trainedWords > 0 ? loss / trainedWords : 0,
        trainedWords,
        seconds: (performance.now() - epochStart) / 1000,
        alpha: learningRate(settings.alpha, settings.minAlpha, (epoch + 1) / settings.epochs),
      };
      reports.push(report);
      options.onEpochEnd?.(report);
    }
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  return snapshot();
}

/** True when every input and output weight is finite. */
function vectorsFinite(memory: WebAssembly.Memory, layout: MemoryLayout): boolean {
  const count = layout.vocabularySize * layout.dim;
  for (const offset of [layout.syn0, layout.syn1neg, layout.syn1]) {
    if (offset === 0) continue;
    const matrix = new Float32Array(memory.buffer, offset, count);
    for (let i = 0; i < count; i++) if (!Number.isFinite(matrix[i])) return false;
  }
  return true;
}

/** Copies the vectors out of the shared memory into a standalone model. */
function extractModel(
  memory: WebAssembly.Memory,
  layout: MemoryLayout,
  settings: TrainSettings,
  vocabulary: Vocabulary,
  sampler: SamplerSpec | null,
  epochs: readonly EpochReport[],
  encoded: EncodedCorpus,
  trainSeconds: number,
): TrainedModel {
  const count = layout.vocabularySize * layout.dim;
  const copy = (offset: number): Float32Array | null => (offset === 0 ? null : new Float32Array(memory.buffer, offset, count).slice());
  const done = epochs.length;
  return {
    vocabulary,
    dim: layout.dim,
    vectors: copy(layout.syn0)!,
    outputVectors: copy(layout.syn1neg),
    hsVectors: copy(layout.syn1),
    settings,
    sampler,
    epochs: [...epochs],
    stats: {
      trainSeconds,
      corpusWords: encoded.rawTokens,
      epochWords: encoded.ids.length,
      wordsPerSecond: trainSeconds > 0 ? (encoded.rawTokens * done) / trainSeconds : 0,
    },
  };
}
