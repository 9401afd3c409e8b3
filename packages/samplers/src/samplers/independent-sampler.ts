import type { RandomStream } from "@neglab/random";
import { COLLISION_EFFECT } from "../collision.js";
import { SamplerError } from "../errors.js";
import type { CollisionPolicy, DrawBuffers, NegativeSampler, SamplerSpec } from "../types.js";
import { supportSize } from "../weights.js";

/**
 * The common part of samplers that draw each negative independently from one
 * distribution over the vocabulary (every built-in except `adaptive`).
 * A subclass provides `next(rng)`, a single draw; `draw` runs it k times in a
 * tight loop (V8 inlines the monomorphic `next`), applying the collision policy
 * on the way, and writes probabilities when asked.
 */
export abstract class IndependentSampler implements NegativeSampler {
  readonly weighted = false;
  readonly modelAware = false;
  readonly warnings: readonly string[];
  /** The distribution drawn from, one probability per word id. */
  protected distribution: Float64Array;

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

  /** One draw from the distribution, ignoring collisions. */
  abstract next(rng: RandomStream): number;

  /** The strategy and its parameters, for {@link describe}. */
  protected abstract summary(): string;

  draw(out: DrawBuffers, k: number, positive: number, _anchor: number, rng: RandomStream): number {
    const ids = out.ids;
    const skip = this.collision === "skip";
    const redraw = this.collision === "redraw";
    let n = 0;
    for (let i = 0; i < k; i++) {
      let id = this.next(rng);
      // The collision policy, fused into the loop (see settleCollisions for the same rule on a buffer).
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
