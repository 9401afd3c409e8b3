import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createStream } from "@neglab/random";
import { sharedData } from "@neglab/testkit";
import { readWord2Vec } from "@neglab/vectors";
import { beforeAll, describe, expect, it } from "vitest";
import {
  accuracyCI,
  bootstrapCI,
  correlationCI,
  pairedBootstrapCorrelationDifference,
  pearson,
  resampledCorrelation,
  spearman,
} from "../src/stats.js";
import { evaluateWordPairs, type WordPairResult } from "../src/index.js";
import { percentile } from "../src/stats/percentile.js";

const fixtures = join(import.meta.dirname, "fixtures");
const golden = JSON.parse(readFileSync(join(fixtures, "stats.golden.json"), "utf8")) as {
  bootstrapAccuracy: { n: number; correct: number; lower: number; upper: number };
};

/** n outcomes of which `correct` are 1, in a seeded random order. */
function shuffledOutcomes(n: number, correct: number): number[] {
  const values: number[] = Array.from({ length: n }, (_, i) => (i < correct ? 1 : 0));
  const stream = createStream(5, "test-shuffle");
  for (let i = n - 1; i > 0; i--) {
    const j = stream.nextInt(i + 1);
    [values[i], values[j]] = [values[j], values[i]];
  }
  return values;
}

describe("accuracyCI / bootstrapCI", () => {
  const { n, correct, lower, upper } = golden.bootstrapAccuracy;
  const outcomes = shuffledOutcomes(n, correct);

  it("the same seed gives the identical interval; another seed a different one", () => {
    const a = accuracyCI(outcomes, { seed: 11 });
    expect(accuracyCI(outcomes, { seed: 11 })).toEqual(a);
    const b = accuracyCI(outcomes, { seed: 12 });
    expect([b.lower, b.upper]).not.toEqual([a.lower, a.upper]);
    expect(a).toMatchObject({ estimate: 0.3, resamples: 10_000, confidence: 0.95, undefinedResamples: 0 });
  });

  it("1000 outcomes, 30% correct: contains 0.3, width 2·1.96·√(p(1−p)/n) within 10%, ends at scipy's binomial quantiles", () => {
    const ci = accuracyCI(
      outcomes.map((v) => v === 1),
      { seed: 3 },
    );
    expect(ci.lower).toBeLessThan(0.3);
    expect(ci.upper).toBeGreaterThan(0.3);
    const normalWidth = 2 * 1.959964 * Math.sqrt((0.3 * 0.7) / n);
    expect(Math.abs(ci.upper - ci.lower - normalWidth) / normalWidth).toBeLessThan(0.1);
    // The bootstrap distribution of the accuracy is Binomial(n, 0.3)/n; 10,000 resamples estimate its quantiles to ±0.003.
    expect(Math.abs(ci.lower - lower)).toBeLessThan(0.003);
    expect(Math.abs(ci.upper - upper)).toBeLessThan(0.003);
  });

  it("confidence narrows the interval; the statistic sees n indices in [0, n)", () => {
    const ci90 = accuracyCI(outcomes, { seed: 3, confidence: 0.9, resamples: 2000 });
    const ci99 = accuracyCI(outcomes, { seed: 3, confidence: 0.99, resamples: 2000 });
    expect(ci99.upper - ci99.lower).toBeGreaterThan(ci90.upper - ci90.lower);
    let seen = 0;
    bootstrapCI(
      7,
      (indices) => {
        expect(indices).toHaveLength(7);
        for (const i of indices) expect(i >= 0 && i < 7).toBe(true);
        return seen++;
      },
      { resamples: 5 },
    );
    expect(seen).toBe(6); // 5 resamples and the original sample
  });

  it("rejects bad options and outcomes", () => {
    expect(() => accuracyCI([1, 0], { resamples: 0 })).toThrow(/resamples must be a positive integer, got 0/);
    expect(() => accuracyCI([1, 0], { confidence: 1 })).toThrow(/confidence must be in \(0, 1\), got 1/);
    expect(() => accuracyCI([])).toThrow(/need at least one item/);
    expect(() => accuracyCI([1, 0.5])).toThrow(/outcomes\[1\] is 0.5/);
  });

  it("percentile interpolates between order statistics as numpy.percentile", () => {
    const sorted = [1, 2, 4, 8];
    // numpy.percentile([1, 2, 4, 8], [0, 25, 50, 97.5, 100]) = [1, 1.75, 3, 7.7, 8]
    expect([0, 0.25, 0.5, 0.975, 1].map((q) => percentile(sorted, q))).toEqual([1, 1.75, 3, 7.699999999999999, 8]);
    expect(percentile([], 0.5)).toBeNaN();
  });
});

describe("resampledCorrelation", () => {
  // Gold scores with ties, as in the benchmark files.
  const gold = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
  const model = [0.2, 0.1, 0.5, 0.3, 0.4, 0.9, 0.1, 0.6, 0.2, 0.35, 0.5, 0.7, 0.8, 0.75, 0.65];

  it("equals spearman() / pearson() of the gathered resample, ties included", () => {
    const stream = createStream(9, "test-indices");
    for (let trial = 0; trial < 20; trial++) {
      const indices = Int32Array.from(gold, () => stream.nextInt(gold.length));
      const g = Array.from(indices, (i) => gold[i]);
      const m = Array.from(indices, (i) => model[i]);
      expect(resampledCorrelation(gold, model, "spearman")(indices)).toBeCloseTo(spearman(g, m).r, 12);
      expect(resampledCorrelation(gold, model, "pearson")(indices)).toBeCloseTo(pearson(g, m).r, 12);
    }
  });

  it("is NaN on a constant resample and rejects bad input", () => {
    expect(resampledCorrelation(gold, model, "spearman")(new Int32Array(gold.length).fill(4))).toBeNaN();
    expect(() => resampledCorrelation([1, 2, 3], [1, 2], "spearman")).toThrow(/3 and 2 scores/);
    expect(() => resampledCorrelation([1, 2, 3], [1, Number.NaN, 3], "pearson", "x")).toThrow(
      /x: second scores\[1\] is NaN/,
    );
    expect(() => resampledCorrelation([1, 2, 3], [1, 2, 3], "kendall" as "pearson")).toThrow(
      /unknown method "kendall"/,
    );
  });
});

const data = sharedData("eval/similarity/EN-SIMLEX-999.txt");

describe.skipIf(data === null)("correlationCI and the paired bootstrap on SimLex-999 (committed Brown vectors)", () => {
  // Read in a hook, not the describe body: vitest runs a skipped suite's body too (to collect its tests).
  let full: WordPairResult;
  let small: WordPairResult;
  beforeAll(async () => {
    const emb = await readWord2Vec(join(fixtures, "brown-sg50.vec.gz"));
    full = await evaluateWordPairs(emb, data![0], { dummy4unknown: true });
    // A second, worse model: the same vectors restricted to the 5,000 most frequent words (others score 0).
    small = await evaluateWordPairs(emb, data![0], { dummy4unknown: true, restrictVocab: 5000 });
  });

  it("the estimate is gensim's Spearman / Pearson, inside its interval", () => {
    const ci = correlationCI(full.gold, full.model, { seed: 1 });
    expect(ci.estimate).toBeCloseTo(full.spearman.r, 12);
    expect(ci.lower).toBeLessThan(ci.estimate);
    expect(ci.upper).toBeGreaterThan(ci.estimate);
    // The bootstrap standard error of rho is near the Fisher-z one, (1 − ρ²)/√(n − 3).
    const se = (1 - ci.estimate ** 2) / Math.sqrt(full.gold.length - 3);
    expect((ci.upper - ci.lower) / (2 * 1.96 * se)).toBeGreaterThan(0.8);
    expect((ci.upper - ci.lower) / (2 * 1.96 * se)).toBeLessThan(1.25);
    const p = correlationCI(full.gold, full.model, { seed: 1, method: "pearson", resamples: 1000 });
    expect(p.estimate).toBeCloseTo(full.pearson.r, 12);
    expect(correlationCI(full.gold, full.model, { seed: 1 })).toEqual(ci);
  });

  it("model vs itself: difference 0, p = 1; the models' difference: signed, and swapping them mirrors it", () => {
    const same = pairedBootstrapCorrelationDifference(full.gold, full.model, full.model, { seed: 2, resamples: 2000 });
    expect(same).toMatchObject({ difference: 0, lower: 0, upper: 0, pValue: 1 });
    const ab = pairedBootstrapCorrelationDifference(full.gold, full.model, small.model, { seed: 2, resamples: 2000 });
    expect(ab.difference).toBeCloseTo(full.spearman.r - small.spearman.r, 12);
    expect(ab.lower).toBeLessThan(ab.difference);
    expect(ab.upper).toBeGreaterThan(ab.difference);
    expect(ab.pValue).toBeGreaterThanOrEqual(1 / 2001);
    const ba = pairedBootstrapCorrelationDifference(full.gold, small.model, full.model, { seed: 2, resamples: 2000 });
    expect(ba.difference).toBeCloseTo(-ab.difference, 15);
    expect(ba.lower).toBeCloseTo(-ab.upper, 12);
    expect(ba.upper).toBeCloseTo(-ab.lower, 12);
    expect(ba.pValue).toBe(ab.pValue);
  });

  it("p-value is twice the bootstrap tail beyond 0: small when the interval excludes 0, large when it straddles 0", () => {
    const ab = pairedBootstrapCorrelationDifference(full.gold, full.model, small.model, { seed: 2, resamples: 2000 });
    if (ab.lower > 0 || ab.upper < 0) expect(ab.pValue).toBeLessThan(0.05);
    else expect(ab.pValue).toBeGreaterThan(0.05);
    expect(() => pairedBootstrapCorrelationDifference([1, 2, 3], [1, 2, 3], [1, 2])).toThrow(/3, 3 and 2 scores/);
  });
});
