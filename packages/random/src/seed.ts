import seedrandom from "seedrandom";
import type { Xoshiro128State } from "./xoshiro128.js";

/** An experiment seed: any number or string. Equal seeds give equal streams everywhere in NegLab. */
export type Seed = number | string;

/**
 * Derives a 32-bit seed for one named purpose from an experiment seed, e.g.
 * `deriveSeed(42, "init")` for vector initialisation and `deriveSeed(42, "bootstrap")`
 * for resampling, so that independent purposes never share a stream.
 *
 * Uses seedrandom's ARC4 generator keyed by the seed and the labels joined with
 * `/`; the first 32 bits it outputs are the derived seed.
 */
export function deriveSeed(seed: Seed, ...labels: readonly string[]): number {
  return seedrandom(keyOf(seed, labels)).int32() >>> 0;
}

/**
 * A full 128-bit xoshiro128** state for a seed and labels, drawn from the same
 * seedrandom key as {@link deriveSeed}. Never all-zero.
 */
export function deriveState(seed: Seed, ...labels: readonly string[]): Xoshiro128State {
  const arc4 = seedrandom(keyOf(seed, labels));
  const words = [arc4.int32() >>> 0, arc4.int32() >>> 0, arc4.int32() >>> 0, arc4.int32() >>> 0] as const;
  if ((words[0] | words[1] | words[2] | words[3]) === 0) return [1, 0, 0, 0];
  return words;
}

function keyOf(seed: Seed, labels: readonly string[]): string {
  if (typeof seed === "number" && !Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number or a string, got ${seed}`);
  }
  return ["neglab", String(seed), ...labels].join("/");
}
