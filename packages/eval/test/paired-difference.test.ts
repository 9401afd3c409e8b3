import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { equivalenceTest, pairedMeanDifference, studentTCdf, studentTQuantile } from "../src/stats.js";

/** Reference values computed by scipy (scripts/stats-golden.py; see its docstring for the command). */
const golden = JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", "stats.golden.json"), "utf8")) as {
  studentTCdf: { t: number; df: number; cdf: number }[];
  studentTQuantile: { p: number; df: number; quantile: number }[];
  pairedT: {
    differences: number[];
    mean: number;
    sd: number;
    pValue: number;
    lower95: number;
    upper95: number;
    lower90: number;
    upper90: number;
    margin: number;
    pLower: number;
    pUpper: number;
  }[];
};

/** Agreement to `tolerance`, absolutely and (above 1e-300) relative to the reference. */
function expectClose(ours: number, reference: number, tolerance = 1e-10): void {
  expect(Math.abs(ours - reference)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(reference)));
}

describe("Student's t against scipy.stats.t", () => {
  it.each(golden.studentTCdf)("cdf($t, $df)", ({ t, df, cdf }) => expectClose(studentTCdf(t, df), cdf, 1e-12));
  // scipy's ppf (boost's inverse) is itself only good to ~1e-9 relative (t.cdf(t.ppf(0.9, 3), 3) = 0.90000000036),
  // so ours is held to scipy at 1e-8 and, more tightly, to its own cdf and to the closed form at ν = 1.
  it.each(golden.studentTQuantile)("ppf($p, $df)", ({ p, df, quantile }) => {
    const t = studentTQuantile(p, df);
    expectClose(t, quantile, 1e-8);
    expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThanOrEqual(1e-14);
  });
  it("ppf at ν = 1 is the Cauchy quantile tan(π(p − ½))", () => {
    for (const p of [0.001, 0.2, 0.9, 0.9995])
      expectClose(studentTQuantile(p, 1), Math.tan(Math.PI * (p - 0.5)), 1e-12);
  });
  it("refuses impossible arguments by name", () => {
    expect(() => studentTCdf(1, 0)).toThrow(/degrees of freedom/);
    expect(() => studentTQuantile(1, 5)).toThrow(/p must be in \(0, 1\)/);
    expect(Number.isNaN(studentTCdf(Number.NaN, 3))).toBe(true);
  });
});

// The intervals use scipy's ppf, good to ~1e-9 relative (above), so they are compared at 1e-8.
describe("pairedMeanDifference against scipy.stats.ttest_rel", () => {
  it.each(golden.pairedT.map((c, i) => ({ ...c, i })))("sample $i", (c) => {
    const at95 = pairedMeanDifference(c.differences);
    expectClose(at95.mean, c.mean, 1e-12);
    expectClose(at95.sd, c.sd, 1e-12);
    expectClose(at95.lower, c.lower95, 1e-8);
    expectClose(at95.upper, c.upper95, 1e-8);
    expectClose(at95.pValue, c.pValue, 1e-9);
    expect(at95.df).toBe(c.differences.length - 1);
    const at90 = pairedMeanDifference(c.differences, 0.9);
    expectClose(at90.lower, c.lower90, 1e-8);
    expectClose(at90.upper, c.upper90, 1e-8);
  });

  it("gives the point itself when every difference is the same", () => {
    const d = pairedMeanDifference([0.5, 0.5, 0.5]);
    expect([d.lower, d.mean, d.upper, d.sd, d.pValue]).toEqual([0.5, 0.5, 0.5, 0, 0]);
  });

  it("refuses fewer than two differences and non-finite ones", () => {
    expect(() => pairedMeanDifference([1])).toThrow(/at least 2/);
    expect(() => pairedMeanDifference([1, Number.NaN])).toThrow(/difference 1 is NaN/);
  });
});

describe("equivalenceTest (TOST) against scipy's two one-sided ttest_1samp", () => {
  it.each(golden.pairedT.map((c, i) => ({ ...c, i })))("sample $i", (c) => {
    const result = equivalenceTest(c.differences, c.margin);
    expectClose(result.pLower, c.pLower, 1e-9);
    expectClose(result.pUpper, c.pUpper, 1e-9);
    expect(result.pValue).toBe(Math.max(result.pLower, result.pUpper));
    expect(result.equivalent).toBe(Math.max(c.pLower, c.pUpper) < 0.05);
    // the dual: equivalent at level α exactly when the (1 − 2α) interval lies inside (−Δ, Δ)
    expectClose(result.difference.lower, c.lower90, 1e-8);
    expect(result.equivalent).toBe(c.lower90 > -c.margin && c.upper90 < c.margin);
  });

  it("declares a small, precise difference equivalent and the same difference at a tighter margin not", () => {
    // planted: 12 differences around 0.02 with spread 0.01 — well inside ±0.25, outside ±0.015
    const d = [0.02, 0.01, 0.03, 0.025, 0.015, 0.02, 0.01, 0.03, 0.02, 0.025, 0.015, 0.02];
    expect(equivalenceTest(d, 0.25).equivalent).toBe(true);
    expect(equivalenceTest(d, 0.25).pValue).toBeLessThan(1e-10);
    expect(equivalenceTest(d, 0.015).equivalent).toBe(false);
  });

  it("does not declare equivalence from too few noisy pairs, though their mean is near 0", () => {
    const result = equivalenceTest([0.3, -0.3, 0.1], 0.25);
    expect(Math.abs(result.difference.mean)).toBeLessThan(0.05);
    expect(result.equivalent).toBe(false);
  });

  it("refuses a margin that is not positive", () => {
    expect(() => equivalenceTest([1, 2], 0)).toThrow(/margin must be a positive number/);
  });
});
