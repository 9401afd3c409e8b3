import { describe, expect, it } from "vitest";
import { Xoshiro128 } from "../src/index.js";

// Reference vectors from the C implementation of Blackman & Vigna, as published with the
// xoshiro-6502 port (test-rom/testdata.asm): the seed state, the first xoshiro128** outputs,
// the states after each step, and the state after one jump().
const SEED = [0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0] as const;

describe("Xoshiro128 (xoshiro128**)", () => {
  it("reproduces the reference outputs and states", () => {
    const rng = new Xoshiro128(SEED);
    expect(rng.nextUint32()).toBe(0xf1391922);
    expect(rng.state()).toEqual([0x72410269, 0xef382c52, 0x2e43bec7, 0x62432f20]);
    expect(rng.nextUint32()).toBe(0x6fe53806);
    expect(rng.nextUint32()).toBe(0xa5be2840);
    expect(rng.nextUint32()).toBe(0xf510ee70);
    expect(rng.state()).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
  });

  it("fillUint32 writes the reference outputs and leaves the state where nextUint32 would", () => {
    const rng = new Xoshiro128(SEED);
    const out = new Uint32Array(6);
    rng.fillUint32(out, 4);
    expect([...out.subarray(0, 4)]).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
    expect(out[4]).toBe(0); // only n words are written
    expect(rng.state()).toEqual([0xfc65379c, 0x52006d70, 0x87487639, 0xf1908343]);
    const single = new Xoshiro128(SEED);
    rng.fillUint32(out, 0);
    for (let i = 0; i < 4; i++) single.nextUint32();
    expect(rng.state()).toEqual(single.state());
    rng.fillUint32(out, 6);
    expect([...out]).toEqual(Array.from({ length: 6 }, () => single.nextUint32()));
  });

  it("jumps 2^64 steps to the reference state", () => {
    const rng = new Xoshiro128(SEED);
    rng.jump();
    expect(rng.state()).toEqual([0x2a6dd50d, 0x01177499, 0xd7eb7d01, 0xddc48284]);
  });

  it("rejects the all-zero state", () => {
    expect(() => new Xoshiro128([0, 0, 0, 0])).toThrow(/all-zero/);
  });

  // 700,000 draws take well under a second; the timeout is for a heavily loaded machine.
  it("maps to [0,1) and [0,n) uniformly", { timeout: 60_000 }, () => {
    const rng = new Xoshiro128(SEED);
    const n = 7;
    const counts = new Array<number>(n).fill(0);
    let sum = 0;
    let outside = 0;
    const draws = 700_000;
    for (let i = 0; i < draws; i++) {
      // Count range violations and assert once: an expect() per draw made this test needlessly slow.
      const f = rng.nextFloat();
      if (!(f >= 0 && f < 1)) outside++;
      sum += f;
      counts[rng.nextInt(n)]++;
    }
    expect(outside).toBe(0);
    expect(sum / draws).toBeCloseTo(0.5, 2);
    // Chi-square with 6 degrees of freedom: the 0.999 quantile is 22.46.
    const expected = draws / n;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46);
  });
});
