import type { RandomStream } from "@neglab/random";
import { SamplerError } from "./errors.js";
import type { CollisionPolicy, SamplerSpec } from "./types.js";

/** What each policy does to the effective number of negatives, for reports. */
export const COLLISION_EFFECT: Readonly<Record<CollisionPolicy, string>> = {
  skip: "skip: a negative equal to the positive is dropped, so fewer than k at times (word2vec.c, gensim)",
  redraw: "redraw: a negative equal to the positive is drawn again, always exactly k (fastText)",
  keep: "keep: a negative equal to the positive is trained as a negative",
};

/** A source of one more independent draw, used to redraw collisions. */
export interface SingleDraw {
  next(rng: RandomStream): number;
}

/**
 * The most draws in a row that `redraw` makes for one negative before it gives
 * up with a SamplerError. The builders refuse `redraw` when one drawable word
 * holds more than 99.9% of the mass (`MAX_REDRAW_SHARE`), so a correct sampler
 * reaches this bound with probability at most 0.999^100000 ≈ e^-100: only a
 * distribution that leaves no other word to draw (e.g. a custom sampler whose
 * probabilities() claim mass its draws never produce) ends here, instead of
 * looping forever.
 */
export const MAX_REDRAWS = 100_000;

/**
 * The `redraw` rule for one colliding draw: draws from `source` until the id
 * differs from `positive`, at most {@link MAX_REDRAWS} times, then throws a
 * SamplerError naming the spec (a redraw that cannot end must not hang training).
 */
export function redrawUntilOther(source: SingleDraw, positive: number, rng: RandomStream, spec: SamplerSpec): number {
  for (let attempt = 0; attempt < MAX_REDRAWS; attempt++) {
    const id = source.next(rng);
    if (id !== positive) return id;
  }
  throw new SamplerError(
    `sampler "${spec.type}": collision "redraw": ${MAX_REDRAWS} draws in a row returned the positive word (id ${positive}), ` +
      `so the distribution leaves nothing else to draw; use "skip" or "keep"`,
    { field: "collision" },
  );
}

/**
 * Applies the collision policy to k raw draws in ids[0, k) against `positive`
 * (a negative `positive` never collides), compacting in place, and returns
 * how many negatives remain: `skip` drops each draw equal to the positive,
 * `redraw` replaces it by fresh draws from `source` until it differs, `keep`
 * leaves all k. Redraws are bounded (see {@link redrawUntilOther}); `spec` names
 * the sampler in that error.
 */
export function settleCollisions(
  ids: Int32Array,
  k: number,
  positive: number,
  policy: CollisionPolicy,
  source: SingleDraw,
  rng: RandomStream,
  spec: SamplerSpec,
): number {
  if (policy === "keep" || positive < 0) return k;
  let kept = 0;
  for (let i = 0; i < k; i++) {
    let id = ids[i];
    if (id === positive) {
      if (policy === "skip") continue;
      id = redrawUntilOther(source, positive, rng, spec);
    }
    ids[kept++] = id;
  }
  return kept;
}
