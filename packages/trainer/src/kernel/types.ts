/**
 * One worker's inner loop. Records are written as int32 entries at the worker's
 * `batch` address (negative weights at the same index of `weights`, see `ConfigField`):
 *
 * - skip-gram: `[input, positive, n, negative × n]` — the input (context) word's
 *   vector predicts the positive (center) word against n negatives;
 * - CBOW: `[c, context × c, positive, n, negative × n]` — the sum or mean of the
 *   c context vectors predicts the positive word;
 * - skip-gram with a window's negatives shared (`skipGramWindow`): the CBOW
 *   layout — each of the c context words' vectors predicts the positive word
 *   against the same n negatives.
 *
 * A call trains `records` consecutive records in order at learning rate `alpha`
 * and returns their summed loss (−log σ per target, float64).
 */
export interface Kernel {
  skipGram(records: number, alpha: number): number;
  cbow(records: number, alpha: number): number;
  /**
   * Skip-gram with shared negatives (Ji et al. 2016, "Parallelizing Word2Vec in
   * Shared and Distributed Memory"): for each window record, every (context,
   * target) score is computed from the vectors as they were before the window,
   * then the output rows and the input rows take the window's summed gradients
   * — one small matrix–matrix product instead of c separate pair updates.
   */
  skipGramWindow(records: number, alpha: number): number;
  /** Copies the shared rows of the hot words into this worker's replicas (at the start of an epoch). */
  pull(): void;
  /**
   * For words 0..rows−1 (at most the hot ones): adds each dirty replica row's
   * change since it was last pulled or merged into the shared row, then re-bases
   * the replica on it. Rows beyond `rows` keep their change for a later merge.
   */
  merge(rows: number): void;
}

/**
 * What a kernel instance needs: the shared memory and the byte offset of its
 * worker's configuration block there (see `ConfigField`, written by
 * `writeKernelConfig`), which both kernels read the same way.
 */
export interface KernelSetup {
  readonly memory: WebAssembly.Memory;
  readonly config: number;
}
