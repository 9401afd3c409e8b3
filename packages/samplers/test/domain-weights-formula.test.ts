import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { domainWeights, SamplerError } from "../src/index.js";

// domain a:3 b:1; background c:4 a:2 b:2 (V = 3). With λ = 1: domain total 4 + 3 = 7, background total 8 + 3 = 11, so
// c: (1/7)/(5/11) = 11/35, a: (4/7)/(3/11) = 44/21, b: (2/7)/(3/11) = 22/21.
const domain = { words: ["a", "b"], counts: [3, 1] };
const background = { words: ["c", "a", "b"], counts: [4, 2, 2] };

describe("domainWeights", () => {
  it("is (p_domain/p_background)^β with add-λ smoothing, in the background's order", () => {
    const weights = domainWeights(domain, background, { beta: 1, smoothing: 1 });
    expect(weights.map(([word]) => word)).toEqual(["c", "a", "b"]);
    const expected = [11 / 35, 44 / 21, 22 / 21];
    weights.forEach(([, weight], i) => expect(weight).toBeCloseTo(expected[i], 14));
    domainWeights(domain, background, { beta: 2, smoothing: 1 }).forEach(([, weight], i) =>
      expect(weight).toBeCloseTo(expected[i] ** 2, 14),
    );
  });

  it("gives every word weight 1 at β = 0", () => {
    expect(domainWeights(domain, background, { beta: 0, smoothing: 0.5 }).map(([, weight]) => weight)).toEqual([
      1, 1, 1,
    ]);
  });

  it("refuses a non-finite β and λ ≤ 0 by field", () => {
    expect(() => domainWeights(domain, background, { beta: Number.NaN, smoothing: 1 })).toThrow(
      expect.objectContaining({ field: "beta" }),
    );
    expect(() => domainWeights(domain, background, { beta: 1, smoothing: 0 })).toThrow(
      expect.objectContaining({ field: "smoothing" }),
    );
  });

  it("returns finite weights or refuses naming β, for any finite β and λ > 0", () => {
    const counts = fc.uniqueArray(fc.tuple(fc.constantFrom("a", "b", "c", "d"), fc.integer({ min: 1, max: 1e6 })), {
      minLength: 1,
      maxLength: 4,
      selector: ([word]) => word,
    });
    const vocabulary = (entries: [string, number][]) => ({
      words: entries.map(([word]) => word),
      counts: entries.map(([, count]) => count),
    });
    fc.assert(
      fc.property(
        counts,
        counts,
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.double({ min: Number.MIN_VALUE, max: 1e300, noNaN: true }),
        (d, b, beta, smoothing) => {
          try {
            for (const [, weight] of domainWeights(vocabulary(d), vocabulary(b), { beta, smoothing }))
              expect(Number.isFinite(weight) && weight >= 0).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(SamplerError);
            expect((error as SamplerError).field).toBe("beta");
            expect((error as Error).message).toMatch(/^beta \S+: the weight of "[a-d]" .* is not finite/);
          }
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });
});
