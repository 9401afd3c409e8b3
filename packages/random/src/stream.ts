/**
 * The contract every hot loop in NegLab draws its randomness through.
 *
 * Implementations must be monomorphic and allocation-free so V8 can inline the
 * calls inside training and sampling loops.
 */
export interface RandomStream {
  /** A uniform 32-bit unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A uniform float in [0, 1) with 32 bits of resolution. */
  nextFloat(): number;
  /**
   * A uniform integer in [0, n) for 1 ≤ n ≤ 2^32, by Lemire's multiply-shift
   * reduction ⌊u · n / 2^32⌋ (Lemire 2019, "Fast random integer generation in an
   * interval"). The bias is at most n / 2^32, negligible for vocabulary sizes.
   */
  nextInt(n: number): number;
  /**
   * Writes the next n outputs of {@link nextUint32} to out[0, n) in one call, for
   * hot loops that need several random words at once (a sampler's k negatives):
   * the same values, faster than n calls.
   */
  fillUint32(out: Uint32Array, n: number): void;
}

/** 2^-32: maps a uint32 onto [0, 1). */
export const UINT32_TO_UNIT = 1 / 4294967296;

/**
 * Lemire's multiply-shift reduction of one 32-bit random word u to a uniform
 * integer in [0, n), 1 ≤ n ≤ 2^32: ⌊u · n / 2^32⌋ (Lemire 2019, "Fast random
 * integer generation in an interval"), bias at most n / 2^32. What
 * {@link RandomStream.nextInt} returns for its next word, for words drawn in a batch.
 */
export function uniformBelow(u: number, n: number): number {
  return Math.floor(u * UINT32_TO_UNIT * n);
}
