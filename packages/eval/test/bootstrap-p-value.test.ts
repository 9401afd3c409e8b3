import { describe, expect, it } from "vitest";
import { bootstrapPValue } from "../src/stats.js";

describe("bootstrapPValue", () => {
  it("is twice the smaller tail beyond 0 with the +1 correction, over the finite replicates", () => {
    // ≤ 0: 1 (+1 = 2), ≥ 0: 3 (+1 = 4), 4 finite: 2·2 / 5
    expect(bootstrapPValue([1, 2, 3, -1])).toBe(0.8);
    expect(bootstrapPValue([1, 2, 3, -1, NaN, Infinity])).toBe(0.8);
    // a zero replicate counts in both tails
    expect(bootstrapPValue([0, 0])).toBe(1);
    // all replicates on one side: the smallest p, 2 / (B + 1)
    expect(bootstrapPValue(Float64Array.from({ length: 1999 }, () => 0.5))).toBe(2 / 2000);
  });
});
