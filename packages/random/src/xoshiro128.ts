import type { RandomStream } from "./stream.js";
import { UINT32_TO_UNIT, uniformBelow } from "./stream.js";

/** The four 32-bit words of a xoshiro128** state; plain numbers, so it can cross to a worker thread. */
export type Xoshiro128State = readonly [number, number, number, number];

/**
 * The polynomial that advances a xoshiro128 state by 2^64 steps
 * (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators", §3).
 */
const JUMP = [0x8764000b, 0xf542d2d3, 0x6fa035c3, 0x77f2db5b];

/**
 * xoshiro128** (Blackman & Vigna 2018): a 128-bit-state generator with period
 * 2^128 − 1 that passes BigCrush, built only from 32-bit integer operations, so
 * it runs at full speed in JavaScript without BigInt. One step:
 *
 *     out = rotl(s1 · 5, 7) · 9
 *     t = s1 << 9;  s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 11)
 *
 * `jump()` advances the state by 2^64 steps, which is how {@link splitStreams}
 * gives each worker a stream that cannot overlap another's.
 */
export class Xoshiro128 implements RandomStream {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** Starts from an explicit state; at least one word must be non-zero. */
  constructor(state: Xoshiro128State) {
    const [a, b, c, d] = state;
    if ((a | b | c | d) === 0) {
      throw new RangeError("Xoshiro128: the all-zero state is invalid (the stream would be constant)");
    }
    this.s0 = a | 0;
    this.s1 = b | 0;
    this.s2 = c | 0;
    this.s3 = d | 0;
  }

  /** The next output, a uniform 32-bit unsigned integer in [0, 2^32); advances the state one step. */
  nextUint32(): number {
    const s1 = this.s1;
    // Scrambler: rotl(s1 * 5, 7) * 9, all modulo 2^32.
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    // Linear engine.
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /**
   * Writes the next `n` outputs to `out[0, n)`: the values `n` calls of
   * {@link nextUint32} would return, leaving the state where they would. The
   * same step as `nextUint32`, with the four state words held in locals for the
   * whole batch: a call of `nextUint32` stores them back to the object each time,
   * and the chain of those stores and reloads makes a loop of single calls
   * slower, the more so the longer the batch (`pnpm --filter @neglab/random
   * bench`; figures in the package's BENCHMARKS.md).
   */
  fillUint32(out: Uint32Array, n: number): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < n; i++) {
      const m = Math.imul(s1, 5);
      out[i] = Math.imul((m << 7) | (m >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  /** A uniform float in [0, 1): the next output times 2^-32 (32 bits of resolution). */
  nextFloat(): number {
    return this.nextUint32() * UINT32_TO_UNIT;
  }

  /**
   * A uniform integer in [0, n) for 1 ≤ n ≤ 2^32: ⌊u · n / 2^32⌋ for the next
   * output u (Lemire's multiply-shift reduction, bias at most n / 2^32).
   */
  nextInt(n: number): number {
    return uniformBelow(this.nextUint32(), n);
  }

  /** The current state, to resume the stream elsewhere (e.g. in a worker thread). */
  state(): Xoshiro128State {
    return [this.s0 >>> 0, this.s1 >>> 0, this.s2 >>> 0, this.s3 >>> 0];
  }

  /** An independent copy at the same position. */
  clone(): Xoshiro128 {
    return new Xoshiro128(this.state());
  }

  /** Advances this stream by 2^64 steps in place (the reference jump polynomial). */
  jump(): void {
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (const word of JUMP) {
      for (let bit = 0; bit < 32; bit++) {
        if ((word >>> bit) & 1) {
          a ^= this.s0;
          b ^= this.s1;
          c ^= this.s2;
          d ^= this.s3;
        }
        this.nextUint32();
      }
    }
    this.s0 = a;
    this.s1 = b;
    this.s2 = c;
    this.s3 = d;
  }
}
