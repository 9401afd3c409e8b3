import type { RandomStream } from "@neglab/random";
import { COLLISION_EFFECT } from "../collision.js";
import { SamplerError } from "../errors.js";
import type { CollisionPolicy, DrawBuffers, NegativeSampler, SamplerSpec } from "../types.js";
import { supportSize } from "../weights.js";

/**
 * The common part of samplers that draw each negative independently from one
 * distribution over the vocabulary (every built-in except `adaptive`).
 * A subclass maps random words to one draw (`fromWords`, `wordsPerDraw` 32-bit
 * words each). `draw` takes all k draws' words from the stream in one
 * `fillUint32` call, then maps them in a tight loop (V8 inlines the monomorphic
 * `fromWords`), applying the collision policy on the way, and writes
 * probabilities when asked. The two passes pay twice: the stream runs with its
 * state in registers instead of storing it back after every word, and the k
 * table lookups no longer wait on the random-number chain or on one another,
 * so a CPU overlaps their cache misses when the table is large.
 */
export abstract class IndependentSampler implements NegativeSampler {
  readonly weighted = false;
  readonly modelAware = false;
  readonly warnings: readonly string[];
  /** The distribution drawn from, one probability per word id. */
  protected distribution: Float64Array;
  /** How many 32-bit random words one draw consumes (see {@link fromWords}). */
  protected wordsPerDraw = 1;
  /** The random words of one `draw` call (grown when k needs more). */
  private words = new Uint32Array(64);
  /** The random words of one {@link next} draw. */
  private readonly single = new Uint32Array(2);

  constructor(
    readonly spec: SamplerSpec,
    readonly collision: CollisionPolicy,
    distribution: Float64Array,
    warnings: readonly string[] = [],
  ) {
    checkRedrawCanEnd(spec, collision, distribution);
    this.distribution = distribution;
    this.warnings = warnings;
  }

  /** One draw from the distribution, from the random words `words[at, at + wordsPerDraw)`. */
  protected abstract fromWords(words: Uint32Array, at: number): number;

  /** One draw from the distribution, ignoring collisions (used for redraws). */
  next(rng: RandomStream): number {
    rng.fillUint32(this.single, this.wordsPerDraw);
    return this.fromWords(this.single, 0);
  }

  /** The strategy and its parameters, for {@link describe}. */
  protected abstract summary(): string;

  draw(out: DrawBuffers, k: number, positive: number, _anchor: number, rng: RandomStream): number {
    const per = this.wordsPerDraw;
    if (this.words.length < k * per) this.words = new Uint32Array(k * per);
    const words = this.words;
    rng.fillUint32(words, k * per);
    const ids = out.ids;
    const skip = this.collision === "skip";
    const redraw = this.collision === "redraw";
    let n = 0;
    for (let i = 0; i < k; i++) {
      let id = this.fromWords(words, i * per);
      // The collision policy, fused into the loop (see settleCollisions for the same rule on a buffer); a redraw
      // takes fresh words after the batch's, so the distribution is unchanged.
      if (id === positive) {
        if (skip) continue;
        if (redraw) while (id === positive) id = this.next(rng);
      }
      ids[n++] = id;
    }
    this.writeProbabilities(out, n);
    return n;
  }

  /** Fills `out.probs[0, n)`, when asked for, with the probabilities of the drawn ids. */
  protected writeProbabilities(out: DrawBuffers, n: number): void {
    const probs = out.probs;
    if (probs !== null) for (let i = 0; i < n; i++) probs[i] = this.distribution[out.ids[i]];
  }

  probabilities(): Float64Array {
    return this.distribution.slice();
  }

  describe(): string {
    return `${this.summary()}; collision=${COLLISION_EFFECT[this.collision]}`;
  }
}

/** `redraw` would loop forever when the positive is the only word that can be drawn. */
export function checkRedrawCanEnd(spec: SamplerSpec, collision: CollisionPolicy, distribution: Float64Array): void {
  if (collision === "redraw" && supportSize(distribution) < 2) {
    throw new SamplerError(
      `sampler "${spec.type}": collision "redraw" needs at least two words with probability > 0 ` +
        `(this distribution has ${supportSize(distribution)}); use "skip" or "keep"`,
      { field: "collision" },
    );
  }
}
