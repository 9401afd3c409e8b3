import { parentPort, workerData } from "node:worker_threads";
import { Xoshiro128, type Xoshiro128State } from "@neglab/random";
import { createSampler, type NegativeSampler, type SamplerSpec } from "@neglab/samplers";
import { createJsKernel } from "./kernel/js-kernel.js";
import { createWasmKernel } from "./kernel/wasm-kernel.js";
import { kernelConfig, kernelFlags, writeKernelConfig } from "./kernel/configure.js";
import type { Kernel, KernelSetup } from "./kernel/types.js";
import { TrainerError, oneLine } from "./errors.js";
import {
  BUILT_IN_SAMPLERS,
  CONTROL_ABORT,
  CONTROL_MERGE_LOCK,
  CONTROL_NEXT_CHUNK,
  heartbeatSlot,
  samplerLabel,
  wordsDone,
  type EpochCommand,
  type WorkerFailure,
  type WorkerInit,
  type WorkerReply,
} from "./protocol.js";
import { MERGE_FIRST_TIER, mergeRows } from "./merge-schedule.js";
import { createBlockReader, type BlockReader } from "./block-reader.js";
import { learningRate } from "./schedule.js";
import { SentenceTrainer } from "./sentence-trainer.js";

// A training worker: rebuilds the sampler from its spec, configures its kernel,
// then trains the chunks of sentences it claims each epoch (read from the shared
// in-memory encoding, or from the encoded corpus file on its own descriptor) in the shared memory
// without locks (Hogwild, Recht et al. 2011). By default every worker trains
// every row in place, as word2vec.c and gensim. With `hotRows`, worker 0 still
// does, and the others train the rows of the most frequent words in private
// replicas, merged into the shared rows every `syncWords` words, rarer words
// less often (see `mergeRows`): delayed updates, as in Hogwild's own analysis of
// delayed gradients. Were both cores to write the same rows all the time, every
// write would move the row's cache lines back and forth between them.
// Errors go back to the main thread as a WorkerFailure (class name, one-line
// message, SamplerError fields), never as a stack trace.

interface SamplerFactory {
  createSampler(
    spec: SamplerSpec,
    context: { vocabulary: { words: readonly string[]; counts: Float64Array }; baseDir?: string },
  ): Promise<NegativeSampler>;
}

const init = workerData as WorkerInit;
/** Words this worker trains in replicas (0: none, so there is nothing to merge); set once the sampler is built. */
let hotRows = 0;
const port = parentPort!;
const reply = (message: WorkerReply): void => port.postMessage(message);
const label = samplerLabel(init.settings.sampler, init.samplerModule);
/** This worker's heartbeat, read by the main thread's watchdog (see `watchHeartbeats`). */
const heartbeat = new Int32Array(init.control.buffer, heartbeatSlot(init.worker) * 4, 1);
/** All workers' count of words done this epoch (64-bit). */
const epochWordsDone = wordsDone(init.control);
/** The sentences of the chunks this worker claims, from memory or from the encoded file. */
const reader: BlockReader = createBlockReader(init.source, init.blocks);

async function start(): Promise<void> {
  const { settings } = init;
  let sampler: NegativeSampler | null = null;
  // the watchdog's limit applies to building the sampler from here on, not to loading this worker
  heartbeat[0]++;
  if (settings.negative > 0) {
    try {
      // the built-in samplers are bundled into this worker (scripts/bundle-worker.mjs); others load now
      const factory: SamplerFactory =
        init.samplerModule === BUILT_IN_SAMPLERS
          ? { createSampler }
          : ((await import(init.samplerModule)) as SamplerFactory);
      sampler = await factory.createSampler(settings.sampler, {
        vocabulary: { words: init.words, counts: init.counts },
        ...(init.samplerBaseDir !== undefined ? { baseDir: init.samplerBaseDir } : {}),
      });
    } catch (error) {
      throw isSamplerError(error)
        ? error
        : new TrainerError(`${label} could not be built: ${oneLine(error)}`, { cause: error });
    }
  }
  // a model-aware sampler reads the shared vectors, so they must be current: no replicas then
  const { layout, worker, memory } = init;
  hotRows = sampler?.modelAware ? 0 : layout.scratch[worker].replicatedRows;
  const setup: KernelSetup = { memory, config: layout.scratch[worker].config };
  writeKernelConfig(
    memory,
    setup.config,
    kernelConfig(layout, worker, { flags: kernelFlags(settings, sampler), hotRows }),
  );
  const kernel: Kernel = init.module === null ? createJsKernel(setup) : await createWasmKernel(init.module, setup);
  const rng = new Xoshiro128(init.rngState as unknown as Xoshiro128State);
  const trainer = new SentenceTrainer({
    settings,
    layout,
    worker,
    memory,
    kernel,
    sampler,
    keep: init.keep,
    rng,
    maxSentence: init.maxSentence,
    label,
    heartbeat,
  });

  port.on("message", (command: EpochCommand) => {
    try {
      reply(runEpoch(command, trainer, sampler, kernel));
    } catch (error) {
      reply({
        type: "error",
        failure: describeFailure(error, `training worker ${init.worker} failed in epoch ${command.epoch + 1}`),
      });
    }
  });
  reply({ type: "ready", sampler: sampler?.spec ?? null });
}

/** Merges the replica rows of this worker's `rows` most frequent words into the shared vectors, one worker at a time. */
function mergeReplicas(kernel: Kernel, control: Int32Array, rows: number): void {
  if (hotRows === 0) return;
  while (Atomics.compareExchange(control, CONTROL_MERGE_LOCK, 0, 1) !== 0) Atomics.wait(control, CONTROL_MERGE_LOCK, 1);
  kernel.merge(rows);
  Atomics.store(control, CONTROL_MERGE_LOCK, 0);
  Atomics.notify(control, CONTROL_MERGE_LOCK, 1);
  heartbeat[0]++; // a full merge of a large model is long, bounded work, not a stall
}

function runEpoch(
  { epoch }: EpochCommand,
  trainer: SentenceTrainer,
  sampler: NegativeSampler | null,
  kernel: Kernel,
): WorkerReply {
  kernel.pull();
  heartbeat[0]++;
  let reply: WorkerReply;
  try {
    reply = trainChunks(epoch, trainer, sampler, kernel);
  } finally {
    reader.close(); // the file's descriptor is not held between epochs, nor after an error
  }
  mergeReplicas(kernel, init.control, hotRows);
  return reply;
}

function trainChunks(
  epoch: number,
  trainer: SentenceTrainer,
  sampler: NegativeSampler | null,
  kernel: Kernel,
): WorkerReply {
  const { settings, control, epochWords, blocks, sentences } = init;
  const allWords = epochWords * settings.epochs;
  const chunks = blocks.words.length;
  const bySentences = settings.decayBy === "sentences";
  let loss = 0;
  let targets = 0;
  let trainedWords = 0;
  let unmerged = 0;
  let merges = 0;
  // merge every syncWords words, and at least 64 times per worker and epoch on small corpora
  const mergeEvery = Math.min(settings.syncWords, Math.ceil(epochWords / (64 * settings.workers)));
  for (
    let chunk = Atomics.add(control, CONTROL_NEXT_CHUNK, 1);
    chunk < chunks;
    chunk = Atomics.add(control, CONTROL_NEXT_CHUNK, 1)
  ) {
    // α follows all workers' progress: the shared count as this chunk starts plus this chunk's words so far.
    // The shared count is written once per chunk (as word2vec.c every 10,000 words), not per sentence: a
    // counter both cores write all the time moves its cache line between them on every write.
    const before = epoch * epochWords + Number(Atomics.load(epochWordsDone, 0));
    const { lengths, ids } = reader.read(chunk);
    const first = blocks.firstSentence[chunk];
    let chunkWords = 0; // also where the next sentence starts in `ids`
    for (let i = 0; i < lengths.length; i++) {
      if (Atomics.load(control, CONTROL_ABORT) !== 0) {
        return { type: "epoch-done", loss, targets, trainedWords, aborted: true, diverged: false };
      }
      // by sentences: the share of sentences before this one, as gensim's producer counts the sentences it pushed
      const progress = bySentences
        ? (epoch * sentences + first + i) / (sentences * settings.epochs)
        : (before + chunkWords) / allWords;
      if (sampler?.setProgress) setSamplerProgress(sampler, progress);
      const end = chunkWords + lengths[i];
      loss += trainer.train(ids, chunkWords, end, learningRate(settings.alpha, settings.minAlpha, progress));
      targets += trainer.lastTargets;
      trainedWords += trainer.lastKept;
      unmerged += lengths[i];
      chunkWords = end;
      if (unmerged >= mergeEvery) {
        mergeReplicas(kernel, control, mergeRows(++merges, hotRows, MERGE_FIRST_TIER[settings.architecture]));
        unmerged = 0;
      }
      if (!Number.isFinite(loss))
        return { type: "epoch-done", loss, targets, trainedWords, aborted: false, diverged: true };
    }
    Atomics.add(epochWordsDone, 0, BigInt(chunkWords));
  }
  return { type: "epoch-done", loss, targets, trainedWords, aborted: false, diverged: false };
}

function setSamplerProgress(sampler: NegativeSampler, progress: number): void {
  try {
    sampler.setProgress!(progress);
  } catch (error) {
    throw new TrainerError(`${label} threw in setProgress: ${oneLine(error)}`, { cause: error });
  }
}

/** A SamplerError from the bundled @neglab/samplers or from a copy that a custom `samplerModule` imports. */
function isSamplerError(error: unknown): error is Error & { field?: string; file?: string; line?: number } {
  return error instanceof Error && error.name === "SamplerError";
}

/**
 * What the main thread needs to rethrow `error` as the same typed error: a
 * SamplerError keeps its fields, a TrainerError its message, and anything else
 * becomes a TrainerError prefixed with `context`. The stack only with NEGLAB_DEBUG.
 */
function describeFailure(error: unknown, context: string): WorkerFailure {
  const stack = process.env.NEGLAB_DEBUG ? stackOf(error) : undefined;
  if (isSamplerError(error))
    return {
      name: "SamplerError",
      message: oneLine(error),
      field: error.field,
      file: error.file,
      line: error.line,
      stack,
    };
  if (error instanceof TrainerError) return { name: "TrainerError", message: oneLine(error), stack };
  return { name: "TrainerError", message: `${context}: ${oneLine(error)}`, stack };
}

/** The stack of `error` and of the error it wraps (a sampler's own throw), for NEGLAB_DEBUG. */
function stackOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return error.cause instanceof Error ? `${error.stack}\ncaused by ${error.cause.stack}` : error.stack;
}

start().catch((error: unknown) => {
  reply({ type: "error", failure: describeFailure(error, `${label}: training worker ${init.worker} could not start`) });
});
