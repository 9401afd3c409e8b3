import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { holm, mcnemarExact } from "../src/stats.js";

/** Reference values computed by scipy (scripts/stats-golden.py; see its docstring for the command). */
const fixtures = join(import.meta.dirname, "fixtures");
const golden = JSON.parse(readFileSync(join(fixtures, "stats.golden.json"), "utf8")) as {
  mcnemar: { n01: number; n10: number; pValue: number }[];
  mcnemarOutcomes: { label: string; a: string; b: string; n01: number; n10: number; pValue: number }[];
  holm: { pValues: number[]; adjusted: number[] }[];
};
const gensim = JSON.parse(readFileSync(join(fixtures, "brown-sg50.golden.json"), "utf8")) as {
  analogy: { restrictVocab: number; caseInsensitive: boolean; dummy4unknown: boolean; statuses: string }[];
  cosmul: { statuses: string };
};

/** |ours − scipy| ≤ 1e-12 and, above 1e-300, also relatively (tiny p-values are compared to their own scale). */
function expectClose(ours: number, reference: number): void {
  expect(Math.abs(ours - reference)).toBeLessThanOrEqual(1e-12);
  if (reference > 1e-300) expect(Math.abs(ours - reference) / reference).toBeLessThanOrEqual(1e-12);
}

/** Paired outcomes with the given discordant counts (and some concordant items), interleaved. */
function pairedOutcomes(n01: number, n10: number): { a: boolean[]; b: number[] } {
  const a: boolean[] = [];
  const b: number[] = [];
  const push = (x: boolean, y: number, times: number): void => {
    for (let i = 0; i < times; i++) {
      a.push(x);
      b.push(y);
    }
  };
  push(true, 1, 3);
  push(false, 1, n01);
  push(false, 0, 2);
  push(true, 0, n10);
  return { a, b };
}

describe("mcnemarExact against scipy.stats.binomtest(n10, n01 + n10, 0.5)", () => {
  for (const g of golden.mcnemar) {
    it(`n01 = ${g.n01}, n10 = ${g.n10}: p = ${g.pValue}`, () => {
      const { a, b } = pairedOutcomes(g.n01, g.n10);
      const r = mcnemarExact(a, b);
      expect([r.n01, r.n10]).toEqual([g.n01, g.n10]);
      expectClose(r.pValue, g.pValue);
    });
  }

  for (const g of golden.mcnemarOutcomes) {
    it(`on gensim's per-question analogy outcomes: ${g.label}`, () => {
      const statuses = (key: string): string => {
        if (key === "cosmul") return gensim.cosmul.statuses;
        const [, restrict, caseInsensitive, dummy] = key.split(":");
        const run = gensim.analogy.find(
          (r) =>
            r.restrictVocab === Number(restrict) &&
            String(r.caseInsensitive) === caseInsensitive &&
            String(r.dummy4unknown) === dummy,
        );
        return run!.statuses;
      };
      const correct = (key: string): boolean[] => [...statuses(key)].map((s) => s === "c");
      const r = mcnemarExact(correct(g.a), correct(g.b));
      expect([r.n01, r.n10]).toEqual([g.n01, g.n10]);
      expectClose(r.pValue, g.pValue);
    });
  }

  it("rejects unequal lengths and values other than 0, 1, true, false, naming the index", () => {
    expect(() => mcnemarExact([1, 0], [1])).toThrow(/2 and 1 outcomes/);
    expect(() => mcnemarExact([1, 0, 2], [1, 0, 1])).toThrow(/a\[2\] is 2; expected 0, 1, true or false/);
    expect(() => mcnemarExact([1, 0], [1, Number.NaN])).toThrow(/b\[1\] is null/);
  });
});

describe("holm against the textbook definition (Holm 1979)", () => {
  for (const g of golden.holm) {
    it(`${g.pValues.length} p-values`, () => {
      const adjusted = holm(g.pValues);
      expect(adjusted).toHaveLength(g.adjusted.length);
      adjusted.forEach((p, i) => expect(Math.abs(p - g.adjusted[i])).toBeLessThanOrEqual(1e-12));
      // Monotone in the raw p-values and never below them.
      g.pValues.forEach((p, i) => {
        expect(adjusted[i]).toBeGreaterThanOrEqual(p);
        g.pValues.forEach((q, j) => {
          if (p < q) expect(adjusted[i]).toBeLessThanOrEqual(adjusted[j]);
        });
      });
    });
  }

  it("rejects a p-value outside [0, 1], naming its index", () => {
    expect(() => holm([0.1, 1.5])).toThrow(/pValues\[1\] is 1.5/);
    expect(() => holm([Number.NaN])).toThrow(/pValues\[0\] is NaN/);
  });
});
