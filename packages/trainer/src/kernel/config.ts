// The kernel's configuration, described once for both kernels: this file is
// compiled by tsc (src/kernel/configure.ts writes the block, js-kernel.ts reads
// it) and by asc (assembly/kernel.ts imports it, reads the same block), so it
// holds plain numbers only and imports nothing.

/**
 * The fields of one worker's kernel configuration block: consecutive uint32
 * slots in the shared memory, slot i at byte offset 4·i of the block. The host
 * writes the block once per worker (`writeKernelConfig`); a kernel reads it
 * when it is created, so both kernels train from the same description.
 * Addresses are byte offsets into the shared memory (0: the matrix is absent).
 */
export enum ConfigField {
  /** σ table, float32 × TABLE_SIZE. */
  sigmoid,
  /** −log σ table, float64 × TABLE_SIZE (the loss). */
  loss,
  /** Input vectors syn0, float32 × vocabulary × dim. */
  syn0,
  /** Negative-sampling output vectors syn1neg (0 without negative sampling). */
  syn1neg,
  /** Hierarchical-softmax node vectors syn1 (0 without hierarchical softmax). */
  syn1,
  /** Per word: where its Huffman path starts in `points` / `codes` (int32). */
  codeStart,
  /** Per word: its Huffman path's length (int32). */
  codeLength,
  /** Inner nodes of the Huffman paths (int32). */
  points,
  /** Branch bits of the Huffman paths (int32). */
  codes,
  /** This worker's CBOW hidden vector h (float32 × dim). */
  neu1,
  /**
   * This worker's accumulated input gradients (float32 × dim): one row, or one
   * per context word of a window (2 · window rows) when skip-gram shares a
   * window's negatives.
   */
  neu1e,
  /** With shared negatives: the gradient of every (context, target) pair of a window (float32 × 2 · window × (negative + 1)). */
  gradients,
  /** This worker's training records (int32), formats in src/kernel/types.ts. */
  batch,
  /** This worker's per-negative weights (float32), at the same index as their ids in `batch`. */
  weights,
  /** Vector size (floats per row). */
  dim,
  /** The FLAG_* bits below. */
  flags,
  /** Words 0..hotRows−1 are trained in this worker's replicas (0: every row in place, pure Hogwild). */
  hotRows,
  /** This worker's replicas of the hot rows of syn0 and syn1neg. */
  hot0,
  hot1,
  /** The shared hot rows as they were at the last pull or merge. */
  snap0,
  snap1,
  /** One byte per word: its syn0 / syn1neg row changed since the last merge. */
  dirty0,
  dirty1,
  /**
   * With hierarchical softmax and hot rows: the Huffman inner nodes
   * firstHotNode..V−2 (the hotNodes nearest the root, which most paths visit)
   * are trained in this worker's replicas of their syn1 rows (0: none).
   */
  hotNodes,
  firstHotNode,
  /** This worker's replicas of the hot nodes' syn1 rows, and the shared rows at the last pull or merge (row i: node firstHotNode + i). */
  hot2,
  snap2,
  /** One byte per inner node (indexed by node): its syn1 row changed since the last merge. */
  dirty2,
}

/** Hierarchical softmax is on. */
export const FLAG_HS = 1;
/** Negative sampling is on. */
export const FLAG_NS = 2;
/** Negative-sampling scores outside the sigmoid table clip σ to 0/1 and update (word2vec.c) instead of skipping (gensim). */
export const FLAG_CLIP = 4;
/** CBOW averages the context vectors (else sums them and divides the error among them, as gensim). */
export const FLAG_CBOW_MEAN = 8;
/** The sampler fills per-negative weights that scale each negative's gradient and loss. */
export const FLAG_WEIGHTED = 16;
