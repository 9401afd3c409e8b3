import type { RandomStream } from "@neglab/random";
import type { CollisionPolicy } from "./types.js";

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
 * Applies the collision policy to k raw draws in ids[0, k) against `positive`
 * (a negative `positive` never collides), compacting in place, and returns
 * how many negatives remain: `skip` drops each draw equal to the positive,
 * `redraw` replaces it by fresh draws from `source` until it differs, `keep`
 * leaves all k. Redraws terminate because the builders reject `redraw` on a
 * distribution with fewer than two possible words.
 */
export function settleCollisions(
  ids: Int32Array,
  k: number,
  positive: number,
  policy: CollisionPolicy,
  source: SingleDraw,
  rng: RandomStream,
): number {
  if (policy === "keep" || positive < 0) return k;
  let kept = 0;
  for (let i = 0; i < k; i++) {
    let id = ids[i];
    if (id === positive) {
      if (policy === "skip") continue;
      do id = source.next(rng);
      while (id === positive);
    }
    ids[kept++] = id;
  }
  return kept;
}
