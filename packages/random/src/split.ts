import { deriveState, type Seed } from "./seed.js";
import { Xoshiro128 } from "./xoshiro128.js";

/** A fast stream for one purpose of an experiment seed (see {@link deriveState}). */
export function createStream(seed: Seed, ...labels: readonly string[]): Xoshiro128 {
  return new Xoshiro128(deriveState(seed, ...labels));
}

/**
 * `count` independent streams for parallel workers, split from one experiment
 * seed: stream i starts i jumps of 2^64 steps after the base stream, so no two
 * workers can ever draw overlapping sequences (Blackman & Vigna 2018). Stream 0
 * is the base stream itself, so a single worker draws exactly what
 * `createStream(seed, label)` draws.
 */
export function splitStreams(seed: Seed, count: number, label = "workers"): Xoshiro128[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`splitStreams: count must be a positive integer, got ${count}`);
  }
  const cursor = createStream(seed, label);
  const streams: Xoshiro128[] = [];
  for (let i = 0; i < count; i++) {
    streams.push(cursor.clone());
    cursor.jump();
  }
  return streams;
}
