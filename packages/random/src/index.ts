/**
 * @neglab/random — reproducible randomness for NegLab.
 *
 * - {@link deriveSeed} / {@link deriveState}: named sub-seeds from one experiment seed (seedrandom).
 * - {@link Xoshiro128}: the fast stream used inside training and sampling loops.
 * - {@link splitStreams}: non-overlapping per-worker streams.
 */
export type { RandomStream } from "./stream.js";
export { uniformBelow } from "./stream.js";
export { Xoshiro128, type Xoshiro128State } from "./xoshiro128.js";
export { deriveSeed, deriveState, type Seed } from "./seed.js";
export { createStream, splitStreams } from "./split.js";
