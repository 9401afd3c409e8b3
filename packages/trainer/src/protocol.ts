import type { SentenceBlocks } from "@neglab/corpus/encoded-file";
import type { SamplerSpec } from "@neglab/samplers";
import type { MemoryLayout } from "./layout.js";
import type { TrainSettings } from "./options.js";
import type { BlockSource } from "./training-corpus.js";

/** Slots of the shared control array (Int32Array on a SharedArrayBuffer). */
export const CONTROL_ABORT = 1; // set to 1 to make every worker stop at its next sentence
export const CONTROL_NEXT_CHUNK = 2; // the next chunk of sentences to claim in the current epoch (Atomics)
export const CONTROL_MERGE_LOCK = 3; // 1 while a worker merges its hot-row replicas into the shared vectors
/** Byte offset of the 64-bit count of words done (slots 4–5; see {@link wordsDone}). */
const CONTROL_WORDS_BYTE = 16;

/**
 * The count of in-vocabulary words of the current epoch in finished chunks, on
 * the control array's buffer: added once per chunk with Atomics. 64 bits, since
 * an epoch of 2^31 words would overflow an int32 slot.
 */
export function wordsDone(control: Int32Array): BigInt64Array {
  return new BigInt64Array(control.buffer, control.byteOffset + CONTROL_WORDS_BYTE, 1);
}

/**
 * Int32 slots from one worker's heartbeat to the next (64 bytes, a cache line):
 * each worker bumps its own heartbeat after every sampler draw, sentence and merge, and
 * a line written by one core alone never has to move to the other.
 */
const HEARTBEAT_STRIDE = 16;

/** The slot of worker `worker`'s heartbeat in the control array; the main thread's watchdog reads it. */
export function heartbeatSlot(worker: number): number {
  return HEARTBEAT_STRIDE * (worker + 1);
}

/** Int32 slots of the control array for `workers` workers: the slots above, then one heartbeat line per worker. */
export function controlLength(workers: number): number {
  return heartbeatSlot(workers);
}

/** The default `samplerModule`; workers use the copy bundled into them instead of loading it. */
export const BUILT_IN_SAMPLERS = "@neglab/samplers";

/** Everything a worker needs, posted once as `workerData`. Arrays are shared, not copied. */
export interface WorkerInit {
  readonly worker: number;
  readonly settings: TrainSettings;
  readonly layout: MemoryLayout;
  readonly memory: WebAssembly.Memory;
  /** The compiled SIMD kernel, or null for the TypeScript kernel. */
  readonly module: WebAssembly.Module | null;
  /** Where the chunks' sentences are read from: the shared in-memory arrays, or the encoded file. */
  readonly source: BlockSource;
  readonly keep: Float64Array;
  readonly words: readonly string[];
  readonly counts: Float64Array;
  readonly samplerModule: string;
  readonly samplerBaseDir: string | undefined;
  readonly rngState: readonly number[];
  readonly control: Int32Array;
  /** In-vocabulary tokens per epoch: the denominator of the learning-rate schedule. */
  readonly epochWords: number;
  readonly maxSentence: number;
  /**
   * The chunks workers claim: the corpus's blocks (whole sentences, about `BLOCK_WORDS` words each, by
   * @neglab/corpus's rule), in order from a shared cursor, so a worker slowed by other processes takes fewer
   * chunks instead of holding up the epoch; one worker takes them all in corpus order.
   */
  readonly blocks: SentenceBlocks;
  /** Sentences per epoch (decayBy "sentences"). */
  readonly sentences: number;
}

/** Main thread → worker: train chunks claimed from the shared cursor until none is left. */
export interface EpochCommand {
  readonly type: "epoch";
  readonly epoch: number;
}

/**
 * Why a worker stopped, sent instead of the Error itself so that the main thread
 * rethrows the same typed error with a one-line message: a `SamplerError` (with
 * its fields) from building the sampler, or a `TrainerError` for everything else
 * (a sampler that threw or drew bad ids). `stack` is the worker's stack trace,
 * sent only when `NEGLAB_DEBUG` is set.
 */
export interface WorkerFailure {
  readonly name: "SamplerError" | "TrainerError";
  readonly message: string;
  readonly field?: string | undefined;
  readonly file?: string | undefined;
  readonly line?: number | undefined;
  readonly stack?: string | undefined;
}

/** Worker → main thread. */
export type WorkerReply =
  | { readonly type: "ready"; readonly sampler: SamplerSpec | null }
  | {
      readonly type: "epoch-done";
      readonly loss: number;
      /** Predictions (targets) behind `loss`, negatives counted by their weight: the loss's denominator for the divergence check. */
      readonly targets: number;
      readonly trainedWords: number;
      readonly aborted: boolean;
      readonly diverged: boolean;
    }
  | { readonly type: "error"; readonly failure: WorkerFailure };

/**
 * How messages name a sampler: its spec type (`module:<path>` names a custom
 * module's file), and the `samplerModule` it came from when that is not the
 * built-in one.
 */
export function samplerLabel(spec: SamplerSpec, samplerModule: string): string {
  return `sampler "${spec.type}"${samplerModule === BUILT_IN_SAMPLERS ? "" : ` (from ${samplerModule})`}`;
}
