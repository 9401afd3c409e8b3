import { KERNEL_CONFIG_BYTES } from "./kernel/configure.js";
import { sharesWindowNegatives, type TrainSettings } from "./options.js";

/** Bytes below this offset belong to the WebAssembly module's own static data. */
export const RESERVED_BYTES = 65536;
const PAGE = 65536;
/** WebAssembly's largest memory, 4 GiB (65,536 pages of 64 KiB; 32-bit addresses): what one training's model, tables and scratch must fit in. */
export const MAX_MEMORY_BYTES = 65536 * PAGE;

/** Byte offsets of one worker's scratch space in the shared memory. */
interface WorkerScratch {
  /** This worker's kernel configuration block (`ConfigField`, written by `writeKernelConfig`). */
  readonly config: number;
  /** CBOW hidden vector h (vectorSize float32). */
  readonly neu1: number;
  /** Accumulated input gradients (vectorSize float32; one per context word of a window with shared negatives). */
  readonly neu1e: number;
  /** With shared negatives: a window's (context, target) gradients (float32); else 0 bytes. */
  readonly gradients: number;
  /** Training records (int32), formats in `kernel/types.ts`. */
  readonly batch: number;
  /** Per-negative weights (float32), parallel to `batch` entry for entry. */
  readonly weights: number;
  /** Capacity of `batch` and `weights` in entries. */
  readonly capacity: number;
  /** Words 0..replicatedRows−1 this worker trains in its replicas: `hotRows` for workers 1.., 0 for worker 0, which trains in place. */
  readonly replicatedRows: number;
  /** This worker's replicas of those rows of syn0 and syn1neg (`replicatedRows` × vectorSize float32 each; 0 when none). */
  readonly hot0: number;
  readonly hot1: number;
  /** The shared rows as they were at the last pull or merge (same shape as the replicas). */
  readonly snap0: number;
  readonly snap1: number;
  /** One byte per word (when there are hot rows): its syn0 / syn1neg row changed since the last merge; merge reads the hot words' only. */
  readonly dirty0: number;
  readonly dirty1: number;
  /**
   * With hierarchical softmax: the Huffman inner nodes nearest the root that
   * this worker trains in replicas of their syn1 rows, min(replicatedRows, V − 1)
   * (every path starts at the root, so under Hogwild both cores write its row
   * for every prediction); their replicas, snapshots and dirty marks (one byte
   * per inner node) as for the words.
   */
  readonly replicatedNodes: number;
  readonly hot2: number;
  readonly snap2: number;
  readonly dirty2: number;
}

/**
 * Where everything lives in the one shared WebAssembly.Memory that all workers
 * train in (Hogwild): byte offsets, each aligned to 64 bytes (a cache line, so
 * that no two regions share one, and a multiple of the SIMD kernel's 16-byte
 * loads). `syn1neg` / `syn1` are 0 when negative sampling / hierarchical softmax
 * is off.
 */
export interface MemoryLayout {
  readonly bytes: number;
  readonly pages: number;
  readonly vocabularySize: number;
  readonly dim: number;
  /** Words 0..hotRows−1 (the most frequent) that every worker but worker 0 trains in its own replica, see `hotRowCount`. */
  readonly hotRows: number;
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
  const pairRecords = settings.architecture === "skipgram" && !sharesWindowNegatives(settings);
  return pairRecords ? 3 + settings.negative : 3 + 2 * settings.window + settings.negative;
}

/** Bytes that `hotRows: "auto"` may spend on replicas and snapshots, all workers together (see {@link hotRowCount}). */
export const AUTO_REPLICA_BYTES = 2 ** 30;

/**
 * How many of the most frequent words each worker but the first trains in
 * private replicas of their syn0 / syn1neg rows (and as many of the Huffman
 * inner nodes nearest the root, their syn1 rows): none with one worker (nothing
 * is shared) or with `hotRows: 0` (pure Hogwild, as word2vec.c and gensim);
 * `"auto"`: every word, or as many of the most frequent as fit in
 * {@link AUTO_REPLICA_BYTES} and in the `room` the rest of the model leaves
 * under WebAssembly's 4 GiB (each replicated row costs a replica and a
 * snapshot of each matrix per replicating worker); else the given count, at most the vocabulary.
 *
 * Worker 0 trains the shared rows in place and the others merge their
 * replicas' change into them (see `mergeRows`), so only the merges move a row's
 * cache lines between the cores, not every update. Under Hogwild both cores
 * write the frequent words' rows all the time, and every write that follows the
 * other core's moves the row across. Replicating every row beats replicating
 * only the most frequent ones: the rows left to Hogwild cost more than the
 * merges (BENCHMARKS.md has the measurements).
 */
export function hotRowCount(settings: TrainSettings, size: number, room = Number.POSITIVE_INFINITY): number {
  if (settings.workers === 1) return 0;
  if (settings.hotRows !== "auto") return Math.min(settings.hotRows, size);
  const replicating = settings.workers - 1;
  const matrices = 1 + (settings.negative > 0 ? 1 : 0) + (settings.hs ? 1 : 0); // syn0, syn1neg, syn1
  const bytesPerRow = replicating * matrices * 2 * settings.vectorSize * 4;
  // besides the rows, each replicating worker has a dirty mark per word and matrix (two without hs, as the layout
  // reserves syn1neg's marks) and nine regions aligned to 64 bytes
  const marks = settings.hs ? 3 : 2;
  const budget = Math.min(AUTO_REPLICA_BYTES, room - replicating * (marks * size + 9 * 64));
  return Math.max(0, Math.min(size, Math.floor(budget / bytesPerRow)));
}

/**
 * Lays out the memory for a vocabulary of `size` words whose Huffman paths
 * total `pathLength` nodes: the model first, then the replicas `hotRowCount`
 * gives in the room left under {@link MAX_MEMORY_BYTES}. The plan may need more
 * than that: `checkModelFits` (model-size.ts) refuses such a plan with the
 * numbers and the settings that would fit.
 */
export function planLayout(settings: TrainSettings, size: number, pathLength: number, tableSize: number): MemoryLayout {
  const bare = layOut(settings, size, pathLength, tableSize, 0);
  const hotRows = hotRowCount(settings, size, MAX_MEMORY_BYTES - bare.bytes);
  return hotRows === 0 ? bare : layOut(settings, size, pathLength, tableSize, hotRows);
}

/** The layout with `hotRows` replicated rows in every worker but worker 0. */
function layOut(
  settings: TrainSettings,
  size: number,
  pathLength: number,
  tableSize: number,
  hotRows: number,
): MemoryLayout {
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
  // with shared negatives, the kernel keeps a gradient row per context word and a gradient per (context, target)
  const contexts = sharesWindowNegatives(settings) ? 2 * settings.window : 1;
  const windowGradients = contexts > 1 ? contexts * (settings.negative + 1) * 4 : 0;
  const scratch: WorkerScratch[] = [];
  for (let w = 0; w < settings.workers; w++) {
    const replicated = w > 0 ? hotRows : 0; // worker 0 trains every row in place
    const replicatedNodes = settings.hs ? Math.max(0, Math.min(replicated, size - 1)) : 0;
    const hotMatrix = replicated * dim * 4;
    const hotNodeMatrix = replicatedNodes * dim * 4;
    scratch.push({
      config: take(KERNEL_CONFIG_BYTES),
      replicatedRows: replicated,
      neu1: take(dim * 4),
      neu1e: take(contexts * dim * 4),
      gradients: take(windowGradients),
      batch: take(capacity * 4),
      weights: take(capacity * 4),
      capacity,
      hot0: take(hotMatrix),
      hot1: take(settings.negative > 0 ? hotMatrix : 0),
      snap0: take(hotMatrix),
      snap1: take(settings.negative > 0 ? hotMatrix : 0),
      dirty0: take(replicated > 0 ? size : 0),
      dirty1: take(replicated > 0 ? size : 0),
      replicatedNodes,
      hot2: take(hotNodeMatrix),
      snap2: take(hotNodeMatrix),
      dirty2: take(replicatedNodes > 0 ? size : 0),
    });
  }
  return {
    bytes: cursor,
    pages: Math.ceil(cursor / PAGE),
    vocabularySize: size,
    dim,
    hotRows,
    sigmoid,
    loss,
    syn0,
    syn1neg,
    syn1,
    codeStart,
    codeLength,
    points,
    codes,
    scratch,
  };
}
