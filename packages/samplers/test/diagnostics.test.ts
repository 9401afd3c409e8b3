import { describe, expect, it } from "vitest";
import { chiSquareSurvival } from "@neglab/eval/stats";
import {
  chiSquareTest,
  diagnoseSampler,
  entropy,
  expectedNegatives,
  expectedTotalVariation,
  frequencyBuckets,
  perplexity,
  totalVariation,
} from "../src/diagnostics.js";
import { createSampler } from "../src/index.js";
import { rng, WORKED_EXAMPLE, zipfVocabulary } from "./helpers.js";

describe("chiSquareTest", () => {
  it("computes Pearson's statistic and pools cells expected below 5", () => {
    // 100 draws over [0.5, 0.3, 0.17, 0.02, 0.01]: the last two (expected 2 and 1) pool into one cell of 3.
    const result = chiSquareTest([55, 25, 15, 3, 2], [0.5, 0.3, 0.17, 0.02, 0.01]);
    const statistic = 25 / 50 + 25 / 30 + 4 / 17 + 4 / 3;
    expect(result.cells).toBe(4);
    expect(result.degreesOfFreedom).toBe(3);
    expect(result.statistic).toBeCloseTo(statistic, 12);
    expect(result.pValue).toBeCloseTo(chiSquareSurvival(statistic, 3), 14);
  });

  it("a draw of an impossible word gives p = 0", () => {
    expect(chiSquareTest([50, 49, 1], [0.5, 0.5, 0]).pValue).toBe(0);
  });
});

describe("distribution summaries", () => {
  it("entropy and perplexity", () => {
    expect(entropy([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(2, 14);
    expect(perplexity(new Float64Array(1000).fill(1e-3))).toBeCloseTo(1000, 9);
    expect(entropy([0.5, 0.5, 0], Math.E)).toBeCloseTo(Math.LN2, 14);
    expect(entropy([1])).toBe(0);
  });

  it("total variation and its expected size under sampling noise", () => {
    expect(totalVariation([0.5, 0.5], [0.2, 0.8])).toBeCloseTo(0.3, 14);
    // Two cells, p = 1/2, n = 10^4: E|X/n − 1/2| ≈ √(2 · 0.25 / (π n)) per cell, halved and summed.
    expect(expectedTotalVariation([0.5, 0.5], 1e4)).toBeCloseTo(Math.sqrt(0.5 / (Math.PI * 1e4)), 12);
  });

  it("frequency buckets: top 10 / 11–100 / 101–1000 / rest, ranked by count", () => {
    const mass = new Float64Array(1500).fill(1);
    const buckets = frequencyBuckets(mass);
    expect(buckets.map((b) => [b.label, b.words])).toEqual([
      ["top 10", 10],
      ["11–100", 90],
      ["101–1000", 900],
      ["rest", 500],
    ]);
    expect(buckets.map((b) => b.share)).toEqual([10 / 1500, 90 / 1500, 900 / 1500, 500 / 1500]);
    // Ranked by counts, not ids: in the worked example "a" (count 10) is rank 2.
    const byCount = frequencyBuckets([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], WORKED_EXAMPLE.counts, [1, 2]);
    expect(byCount.map((b) => [b.label, b.share])).toEqual([
      ["top 1", 0],
      ["2–2", 1],
      ["rest", 0],
    ]);
    expect(frequencyBuckets([1, 1, 1]).map((b) => b.label)).toEqual(["top 3"]);
  });

  it("expected negatives per positive (the effective k) under each collision policy", async () => {
    const sampler = await createSampler({ type: "unigram" }, { vocabulary: WORKED_EXAMPLE });
    const p = sampler.probabilities();
    const counts = Array.from(WORKED_EXAMPLE.counts);
    const total = counts.reduce((a, b) => a + b, 0);
    const expected = counts.reduce((sum, c, w) => sum + (c / total) * 5 * (1 - p[w]), 0);
    expect(expectedNegatives(p, counts, 5, "skip")).toBeCloseTo(expected, 12);
    expect(expected).toBeLessThan(4.5);
    expect(expectedNegatives(p, counts, 5, "redraw")).toBe(5);
    expect(expectedNegatives(p, counts, 5, "keep")).toBe(5);
    // adaptive, M = 8 candidates: a positive with p = 1/2 keeps min(5, Binomial(8, 1/2)).
    let binomial = 0;
    for (let j = 0, c = 1; j <= 8; c = (c * (8 - j)) / (j + 1), j++) binomial += (c / 256) * Math.min(5, j);
    expect(expectedNegatives([0.5, 0.5], [1, 0], 5, "skip", 8)).toBeCloseTo(binomial, 12);
  });

  it("diagnoseSampler reports entropy, buckets of the distribution and of draws, and the fit", async () => {
    const vocabulary = zipfVocabulary(5000);
    const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary });
    const report = diagnoseSampler(sampler, vocabulary.counts, 200_000, { rng: rng("diagnose") });
    expect(report.description).toMatch(/^unigram α=0.75 \(alias\); collision=skip/);
    expect(report.perplexity).toBeCloseTo(2 ** report.entropyBits, 6);
    expect(report.buckets.map((b) => b.label)).toEqual(["top 10", "11–100", "101–1000", "rest"]);
    report.buckets.forEach((bucket, i) => expect(report.drawnBuckets[i].share).toBeCloseTo(bucket.share, 2));
    expect(report.fit.draws).toBe(200_000);
    expect(report.expectedNegatives).toBeCloseTo(
      expectedNegatives(sampler.probabilities(), vocabulary.counts, 5, "skip"),
      12,
    );
    expect(report.expectedNegatives).toBeLessThan(5);
    expect(report.fit.chiSquare.pValue).toBeGreaterThan(0.001);
    // α = 0.75 flattens the unigram distribution: more entropy than α = 1.
    const raw = await createSampler({ type: "unigram", alpha: 1 }, { vocabulary });
    expect(report.entropyBits).toBeGreaterThan(entropy(raw.probabilities()));
  });
});
