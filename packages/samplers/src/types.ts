import type { RandomStream } from "@neglab/random";

/**
 * What to do when a drawn negative equals the positive word. It changes the
 * effective number of negatives per positive, so reports show it.
 * - `skip`: drop it, leaving fewer than k negatives (word2vec.c and gensim).
 * - `redraw`: draw again until it differs, always exactly k (fastText).
 * - `keep`: train on it as a negative anyway.
 */
export type CollisionPolicy = "skip" | "redraw" | "keep";

/**
 * A JSON-serialisable description of a sampler, e.g. `{ "type": "unigram", "alpha": 0.75 }`.
 * The registry turns it into a {@link NegativeSampler}; a worker thread given the
 * same spec and vocabulary rebuilds the same sampler.
 */
export interface SamplerSpec {
  /** A registered sampler type, or `module:<path or package>` for a custom sampler. */
  readonly type: string;
  /** Collision policy; default `skip`. */
  readonly collision?: CollisionPolicy;
  /** Who shares a draw of negatives in skip-gram; default `pair` (see {@link NegativeSharing}). */
  readonly share?: NegativeSharing;
  readonly [option: string]: unknown;
}

/**
 * Which skip-gram predictions share one draw of k negatives, an option of every
 * sampler spec (the trainer reads it):
 * - `pair`: every (context word, center word) pair draws its own, as word2vec.c
 *   and gensim do;
 * - `window`: the k negatives are drawn once per center word and shared by all
 *   its context words, which lets the trainer update the window as one small
 *   matrix–matrix product (Ji et al. 2016, "Parallelizing Word2Vec in Shared and
 *   Distributed Memory"). Fewer, correlated negatives per pair: faster, with a
 *   quality cost to measure. CBOW draws once per window either way.
 */
export type NegativeSharing = "pair" | "window";

/** The {@link NegativeSharing} values, the default first. */
export const NEGATIVE_SHARING: readonly NegativeSharing[] = ["pair", "window"];

/** The part of a vocabulary a sampler needs: words in id order and their corpus counts. */
export interface SamplerVocabulary {
  readonly words: readonly string[];
  readonly counts: ArrayLike<number>;
}

/**
 * Caller-owned output buffers of one draw; reused across calls so the hot loop
 * never allocates. Each has room for at least k entries.
 */
export interface DrawBuffers {
  /** Drawn negative word ids, entries [0, n). */
  readonly ids: Int32Array;
  /** Per-negative loss weights, filled when the sampler's `weighted` is true (e.g. Sun et al. 2019). */
  readonly weights: Float32Array | null;
  /**
   * Sampling probability of each drawn word, filled when non-null (for logQ corrections and reports);
   * for `adaptive`, the probability under its base proposal.
   */
  readonly probs: Float32Array | null;
}

/**
 * A read-only view of the model being trained, for model-aware sampler types.
 * Row i of `input` / `output` is `[i * dim, (i + 1) * dim)`.
 * `hidden` holds the current input representation h (the input vector of the
 * center word in skip-gram, the combined context in CBOW); the trainer writes
 * it before every draw of a sampler whose `modelAware` is true.
 */
export interface ModelView {
  readonly dim: number;
  readonly input: Float32Array;
  readonly output: Float32Array;
  readonly hidden: Float32Array;
}

/**
 * Draws negative word ids for one training pair. Implementations keep the
 * hot path allocation-free and callback-free.
 */
export interface NegativeSampler {
  /** The spec this sampler was built from (with defaults filled in). */
  readonly spec: SamplerSpec;
  /** The collision policy in force. */
  readonly collision: CollisionPolicy;
  /** True when `draw` fills `weights`; the trainer then scales each negative's gradient. */
  readonly weighted: boolean;
  /** True when the sampler reads the model through {@link NegativeSampler.attachModel}. */
  readonly modelAware: boolean;

  /**
   * Draws up to k negatives for the pair (input word `anchor`, positive word
   * `positive`) into `out`, and returns how many were written (fewer than k
   * only under the `skip` policy). A negative `positive` means "no positive
   * word" (nothing collides); `anchor` is −1 in CBOW.
   */
  draw(out: DrawBuffers, k: number, positive: number, anchor: number, rng: RandomStream): number;

  /** The distribution the sampler draws from now, one probability per word id, summing to 1. */
  probabilities(): Float64Array;

  /** Training progress in [0, 1]; schedules (e.g. annealed α) update here. */
  setProgress?(progress: number): void;

  /** Gives model-aware samplers their view of the model; called once per worker before training. */
  attachModel?(view: ModelView): void;

  /**
   * One line for reports: the sampler type, its parameters and the collision policy
   * with its effect on k, e.g. `unigram α=0.75 (alias); collision=skip (…)`.
   */
  describe?(): string;

  /** Notes raised while building, for reports (e.g. weights-file words missing from the vocabulary). */
  readonly warnings?: readonly string[];
}
