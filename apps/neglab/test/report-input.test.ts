import { Vocabulary } from "@neglab/corpus";
import { describe, expect, it } from "vitest";
import { defaultProbes } from "../dist/grid/probes.js";
import { logSpacedRanks, samplerReport } from "../dist/grid/sampler-report.js";
import { expandDistribution } from "../dist/report/html-input.js";
import { sweepSettings } from "../dist/report/sweep-setting.js";

describe("expandDistribution", () => {
  it("keeps the stored ranks exactly and interpolates a power law exactly between them", () => {
    // Zipf with exponent 0.75: p(r) ∝ r^−0.75, a line in log–log space.
    const size = 5000;
    const p = (r: number) => r ** -0.75 / 1000;
    const ranks = logSpacedRanks(size);
    expect(ranks[0]).toBe(1);
    expect(ranks.at(-1)).toBe(size);
    const full = expandDistribution(ranks.map((r) => [r, p(r)]));
    expect(full).toHaveLength(size);
    for (const r of [1, 2, 17, 333, 4999, 5000]) expect(full[r - 1]).toBeCloseTo(p(r), 15);
  });

  it("gives zero between a zero probability and its neighbour", () => {
    expect([
      ...expandDistribution([
        [1, 0.5],
        [4, 0],
        [6, 0.1],
      ]),
    ]).toEqual([0.5, 0, 0, 0, 0, 0.1]);
  });
});

describe("sweepSettings", () => {
  it("finds the one numeric option that differs within a group of strategies", () => {
    const settings = sweepSettings([
      { name: "uniform", sampler: { type: "uniform" }, train: {} },
      { name: "a0.5", sampler: { type: "unigram", alpha: 0.5 }, train: {} },
      { name: "a0.75", sampler: { type: "unigram", alpha: 0.75 }, train: {} },
      { name: "k10", sampler: { type: "fasttext", alpha: 0.75 }, train: { negative: 10 } },
      { name: "k15", sampler: { type: "fasttext", alpha: 0.75 }, train: { negative: 15 } },
    ]);
    expect(Object.fromEntries(settings)).toEqual({
      "a0.5": { name: "alpha", value: 0.5 },
      "a0.75": { name: "alpha", value: 0.75 },
      k10: { name: "negative", value: 10 },
      k15: { name: "negative", value: 15 },
    });
  });
});

describe("defaultProbes", () => {
  it("prefers common nouns present at least 20 times, then frequent content words", () => {
    const vocabulary = new Vocabulary(
      ["the", "of", "said", "water", "king", "river", "boat", "city", "x1"],
      [900, 800, 700, 600, 500, 400, 300, 10, 5],
    );
    // "city" is too rare (10 < 20); "the", "of", "said" are function words; "x1" is not alphabetic.
    expect(defaultProbes(vocabulary)).toEqual(["king", "water", "river", "boat"]);
  });
});

describe("samplerReport", () => {
  const vocabulary = new Vocabulary(["the", "of", "and", "to", "a"], [50, 30, 20, 10, 5]);
  it('records share: "window" (skip-gram negatives shared per window), and nothing for per-pair specs', async () => {
    const shared = await samplerReport(
      { type: "unigram", alpha: 0.75, share: "window" },
      vocabulary,
      5,
      1,
      process.cwd(),
    );
    const perPair = await samplerReport({ type: "unigram", alpha: 0.75 }, vocabulary, 5, 1, process.cwd());
    expect(shared.share).toBe("window");
    expect("share" in perPair).toBe(false);
    // the sharing changes who uses a draw, not what is drawn
    expect(shared.entropyBits).toBe(perPair.entropyBits);
    expect(shared.effectiveNegatives).toBe(perPair.effectiveNegatives);
  });
});
