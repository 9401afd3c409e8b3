import type { RandomStream } from "@neglab/random";
import { COLLISION_EFFECT, redrawUntilOther } from "../collision.js";
import { SamplerError } from "../errors.js";
import type { CollisionPolicy, DrawBuffers, NegativeSampler, SamplerSpec } from "../types.js";

/**
 * The largest share of the drawable mass one word may hold under `redraw`: a
 * collision with it takes 1 / (1 − share) draws on average, 1000 at this bound.
 * fastText redraws without a bound; with a distribution this skewed its loop
 * effectively hangs, so NegLab refuses it up front (use `skip` or `keep`).
 */
const MAX_REDRAW_SHARE = 0.999;

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
  /**
   * The distribution drawn from, one probability per word id. `drawable` (a
   * constructor argument) is the mass the draw can really reach when that
   * differs (the alias tables' 2^-32 resolution); it defaults to this.
   */
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
    drawable: ArrayLike<number> = distribution,
  ) {
    checkRedrawCanEnd(spec, collision, drawable);
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

  /** The sampler type and its parameters, for {@link describe}. */
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
        if (redraw) id = redrawUntilOther(this, positive, rng, this.spec);
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

  /**
   * The (unnormalised) mass each word can really be drawn with: the
   * distribution itself for exact tables, the alias table's 2^-32-resolution
   * view of it for alias samplers. `redraw` checks use it.
   */
  drawableMass(): ArrayLike<number> {
    return this.distribution;
  }

  describe(): string {
    return `${this.summary()}; collision=${COLLISION_EFFECT[this.collision]}`;
  }
}

/**
 * Refuses `redraw` on a distribution where it cannot finish in practice: fewer
 * than two words with drawable mass (the positive would be redrawn forever), or
 * one word holding more than {@link MAX_REDRAW_SHARE} of it. `drawable` is what
 * the draw can reach (see {@link aliasDrawCounts}), not the double-precision
 * distribution: words below about 2^-32 of the mass are never drawn by the
 * alias table, so unigram with α = 50 has one drawable word on a real corpus.
 */
export function checkRedrawCanEnd(spec: SamplerSpec, collision: CollisionPolicy, drawable: ArrayLike<number>): void {
  if (collision !== "redraw") return;
  let support = 0;
  let total = 0;
  let top = 0;
  let topId = -1;
  for (let id = 0; id < drawable.length; id++) {
    const mass = drawable[id];
    if (!(mass > 0)) continue;
    support++;
    total += mass;
    if (mass > top) {
      top = mass;
      topId = id;
    }
  }
  const refuse = (why: string): never => {
    throw new SamplerError(`sampler "${spec.type}": collision "redraw" ${why}; use "skip" or "keep"`, {
      field: "collision",
    });
  };
  if (support < 2) {
    refuse(
      `needs at least two words the sampler can draw, and this distribution has ${support} ` +
        `(a word below about 2^-32 of the mass is never drawn), so a collision could be redrawn forever`,
    );
  }
  const share = top / total;
  if (share > MAX_REDRAW_SHARE) {
    refuse(
      `cannot finish in practice: word id ${topId} holds ${(100 * share).toPrecision(6)}% of the drawable mass, so a collision ` +
        `with it takes ${Math.round(1 / (1 - share)).toLocaleString("en")} draws on average (at most ${MAX_REDRAW_SHARE * 100}% allowed)`,
    );
  }
}
