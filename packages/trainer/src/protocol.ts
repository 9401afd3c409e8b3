import type { SamplerSpec } from "@neglab/samplers";
import type { MemoryLayout } from "./layout.js";
import type { TrainSettings } from "./options.js";

/** Slots of the shared control array (Int32Array on a SharedArrayBuffer). */
export const CONTROL_WORDS = 0; // in-vocabulary words of the current epoch in finished chunks (Atomics, once per chunk)
export const CONTROL_ABORT = 1; // set to 1 to make every worker stop at its next sentence
export const CONTROL_NEXT_CHUNK = 2; // the next chunk of sentences to claim in the current epoch (Atomics)
export const CONTROL_MERGE_LOCK = 3; // 1 while a worker merges its hot-row replicas into the shared vectors
export const CONTROL_SLOTS = 4;

/** The default `samplerModule`; workers use the copy bundled into them instead of loading it. */
export const BUILT_IN_SAMPLERS = "@neglab/samplers";

/** Words per chunk of sentences that a worker claims at a time (gensim's job size). */
export const CHUNK_WORDS = 10_000;

/** Everything a worker needs, posted once as `workerData`. Arrays are shared, not copied. */
export interface WorkerInit {
  readonly worker: number;
  readonly settings: TrainSettings;
  readonly layout: MemoryLayout;
  readonly memory: WebAssembly.Memory;
  /** The compiled SIMD kernel, or null for the TypeScript kernel. */
  readonly module: WebAssembly.Module | null;
  readonly ids: Int32Array;
  readonly sentenceStarts: Int32Array;
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
  /** Sentence index where each chunk starts, plus the sentence count at the end. */
  readonly chunkStarts: Int32Array;
}

/** Main thread → worker: train chunks claimed from the shared cursor until none is left. */
export interface EpochCommand {
  readonly type: "epoch";
  readonly epoch: number;
}

/** Worker → main thread. */
export type WorkerReply =
  | { readonly type: "ready"; readonly sampler: SamplerSpec | null }
  | { readonly type: "epoch-done"; readonly loss: number; readonly trainedWords: number; readonly aborted: boolean; readonly diverged: boolean }
  | { readonly type: "error"; readonly message: string };
