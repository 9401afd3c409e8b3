import type { MemoryLayout } from "../layout.js";

/**
 * One worker's inner loop. Records are written as int32 entries at the worker's
 * `scratch.batch` offset (negative weights at the same index of `scratch.weights`):
 *
 * - skip-gram: `[input, positive, n, negative × n]` — the input (context) word's
 *   vector predicts the positive (center) word against n negatives;
 * - CBOW: `[c, context × c, positive, n, negative × n]` — the sum or mean of the
 *   c context vectors predicts the positive word.
 *
 * A call trains `records` consecutive records in order at learning rate `alpha`
 * and returns their summed loss (−log σ per target, float64).
 */
export interface Kernel {
  skipGram(records: number, alpha: number): number;
  cbow(records: number, alpha: number): number;
  /** Copies the shared rows of the hot words into this worker's replicas (at the start of an epoch). */
  pull(): void;
  /**
   * For words 0..rows−1 (at most the hot ones): adds each dirty replica row's
   * change since it was last pulled or merged into the shared row, then re-bases
   * the replica on it. Rows beyond `rows` keep their change for a later merge.
   */
  merge(rows: number): void;
}

/** Bit flags both kernels read. */
export const FLAG_HS = 1;
export const FLAG_NS = 2;
export const FLAG_CLIP = 4;
export const FLAG_CBOW_MEAN = 8;
export const FLAG_WEIGHTED = 16;

/** What a kernel instance needs: the shared memory, its layout, which worker's scratch to use, and the flags. */
export interface KernelSetup {
  readonly memory: WebAssembly.Memory;
  readonly layout: MemoryLayout;
  readonly worker: number;
  readonly flags: number;
  /** Words 0..hotRows−1 are trained in this worker's replicas (at most its scratch's `replicatedRows`; 0 = all rows in place). */
  readonly hotRows: number;
}
