import type { TrainSettings } from "./options.js";

/** Bytes below this offset belong to the WebAssembly module's own static data. */
export const RESERVED_BYTES = 65536;
const PAGE = 65536;

/** Byte offsets of one worker's scratch space in the shared memory. */
export interface WorkerScratch {
  /** CBOW hidden vector h (vectorSize float32). */
  readonly neu1: number;
  /** Accumulated input gradient (vectorSize float32). */
  readonly neu1e: number;
  /** Training records (int32), see `kernel/records.ts`. */
  readonly batch: number;
  /** Per-negative weights (float32), parallel to `batch` entry for entry. */
  readonly weights: number;
  /** Capacity of `batch` and `weights` in entries. */
  readonly capacity: number;
}

/**
 * Where everything lives in the one shared WebAssembly.Memory that all workers
 * train in (Hogwild): byte offsets, each 16-byte aligned. `syn1neg` / `syn1` are
 * 0 when negative sampling / hierarchical softmax is off.
 */
export interface MemoryLayout {
  readonly bytes: number;
  readonly pages: number;
  readonly vocabularySize: number;
  readonly dim: number;
  readonly sigmoid: number;
  readonly loss: number;
  readonly syn0: number;
  readonly syn1neg: number;
  readonly syn1: number;
  readonly codeStart: number;
  readonly codeLength: number;
  readonly points: number;
  readonly codes: number;
  readonly scratch: readonly WorkerScratch[];
}

/** The longest record a sentence can produce, in int32 entries. */
export function maxRecordLength(settings: TrainSettings): number {
  return settings.architecture === "skipgram" ? 3 + settings.negative : 3 + 2 * settings.window + settings.negative;
}

/** Lays out the memory for a vocabulary of `size` words whose Huffman paths total `pathLength` nodes. */
export function planLayout(settings: TrainSettings, size: number, pathLength: number, tableSize: number): MemoryLayout {
  let cursor = RESERVED_BYTES;
  const take = (bytes: number): number => {
    const at = cursor;
    cursor += Math.ceil(bytes / 64) * 64;
    return at;
  };
  const dim = settings.vectorSize;
  const matrix = size * dim * 4;
  const sigmoid = take(tableSize * 4);
  const loss = take(tableSize * 8);
  const syn0 = take(matrix);
  const syn1neg = settings.negative > 0 ? take(matrix) : 0;
  const syn1 = settings.hs ? take(matrix) : 0;
  const codeStart = take(size * 4);
  const codeLength = take(size * 4);
  const points = take(pathLength * 4);
  const codes = take(pathLength * 4);
  const capacity = Math.max(1 << 15, 64 * maxRecordLength(settings));
  const scratch: WorkerScratch[] = [];
  for (let w = 0; w < settings.workers; w++) {
    scratch.push({ neu1: take(dim * 4), neu1e: take(dim * 4), batch: take(capacity * 4), weights: take(capacity * 4), capacity });
  }
  const pages = Math.ceil(cursor / PAGE);
  if (pages > 65536) {
    throw new RangeError(`the model needs ${(cursor / 2 ** 30).toFixed(1)} GiB, over WebAssembly's 4 GiB; lower vectorSize or the vocabulary size`);
  }
  return { bytes: cursor, pages, vocabularySize: size, dim, sigmoid, loss, syn0, syn1neg, syn1, codeStart, codeLength, points, codes, scratch };
}
