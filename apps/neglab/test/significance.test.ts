import { pairedBootstrapCorrelationDifference } from "@neglab/eval/stats";
import { describe, expect, it } from "vitest";
import type { CellResult } from "../dist/grid/cell-result.js";
import { BOOTSTRAP_RESAMPLES, compareAnalogy, compareWordPairs, holmAdjust } from "../dist/report/significance.js";

/** A cell carrying only what the tests read. */
function cell(strategy: string, seed: number, parts: Partial<CellResult>): CellResult {
  return {
    key: `${strategy}-${seed}`,
    strategy,
    seed,
    settings: {},
    metrics: [],
    sections: [],
    analogyOutcomes: [],
    pairSimilarities: [],
    sampler: null,
    neighbours: [],
    lossPerEpoch: [],
    wordsPerSecond: 0,
    trainSeconds: 0,
    meanCosineToCentroid: 0,
    skipped: [],
    ...parts,
  };
}

const analogy = (strategy: string, seed: number, outcomes: string) =>
  cell(strategy, seed, { analogyOutcomes: [{ benchmark: "q", outcomes }] });

describe("compareAnalogy (exact McNemar over matched seeds)", () => {
  it("pools the questions of every seed and matches scipy's binomtest", () => {
    // Seed 1: strategy right / baseline wrong on 10, the reverse on 3; seed 2: 5 and 2. Pooled 15 vs 5 of 20 discordant.
    // scipy.stats.binomtest(15, 20, 0.5).pvalue = 0.04138946533203125
    const s1 = "1".repeat(10) + "0".repeat(3) + "1".repeat(7);
    const b1 = "0".repeat(10) + "1".repeat(3) + "1".repeat(7);
    const s2 = "1".repeat(5) + "0".repeat(2) + "0".repeat(3);
    const b2 = "0".repeat(5) + "1".repeat(2) + "0".repeat(3);
    const result = compareAnalogy(
      [
        [analogy("a", 1, s1), analogy("base", 1, b1)],
        [analogy("a", 2, s2), analogy("base", 2, b2)],
      ],
      "q",
    );
    expect(result!.p).toBeCloseTo(0.04138946533203125, 12);
    expect(result!.items).toBe(30);
    expect(result!.difference).toBeCloseTo((15 - 5) / 30, 12);
  });

  it("leaves out questions either model skipped", () => {
    const result = compareAnalogy([[analogy("a", 1, "1-10"), analogy("base", 1, "00-0")]], "q");
    expect(result!.items).toBe(2);
    expect(result!.test).toMatch(/1 vs 0 discordant/);
  });

  it("is null when the cells carry no outcomes for the benchmark", () => {
    expect(compareAnalogy([[cell("a", 1, {}), cell("base", 1, {})]], "q")).toBeNull();
  });
});

describe("compareWordPairs (paired bootstrap over word pairs)", () => {
  // 40 pairs: gold scores and two models, A close to gold, B noisier.
  const gold = Array.from({ length: 40 }, (_, i) => (i * 7) % 40);
  const modelA = gold.map((g, i) => g + ((i * 13) % 5));
  const modelB = gold.map((g, i) => g + ((i * 17) % 29) - 14);
  const pairs = (model: number[]) => ({
    pairSimilarities: [{ benchmark: "ws", pairIndex: gold.map((_, i) => i), gold, model }],
  });

  it("with one seed equals @neglab/eval's pairedBootstrapCorrelationDifference", () => {
    const result = compareWordPairs([[cell("a", 1, pairs(modelA)), cell("base", 1, pairs(modelB))]], "ws", "spearman")!;
    const reference = pairedBootstrapCorrelationDifference(gold, modelA, modelB, {
      method: "spearman",
      resamples: BOOTSTRAP_RESAMPLES,
      seed: 0,
    });
    expect(result.difference).toBeCloseTo(reference.difference, 12);
    expect(result.p).toBe(reference.pValue);
    expect(result.p).toBeLessThan(0.01);
  });

  it("averages the difference over matched seeds", () => {
    const matched: [CellResult, CellResult][] = [
      [cell("a", 1, pairs(modelA)), cell("base", 1, pairs(modelB))],
      [cell("a", 2, pairs(modelB)), cell("base", 2, pairs(modelB))],
    ];
    const one = pairedBootstrapCorrelationDifference(gold, modelA, modelB, { resamples: 10 }).difference;
    expect(compareWordPairs(matched, "ws", "spearman")!.difference).toBeCloseTo(one / 2, 12);
  });

  it("uses only the pairs every cell evaluated", () => {
    const fewer = {
      pairSimilarities: [
        { benchmark: "ws", pairIndex: gold.map((_, i) => i).slice(5), gold: gold.slice(5), model: modelA.slice(5) },
      ],
    };
    const result = compareWordPairs([[cell("a", 1, fewer), cell("base", 1, pairs(modelB))]], "ws", "spearman")!;
    expect(result.items).toBe(35);
    const reference = pairedBootstrapCorrelationDifference(gold.slice(5), modelA.slice(5), modelB.slice(5), {
      resamples: BOOTSTRAP_RESAMPLES,
      seed: 0,
    });
    expect(result.p).toBe(reference.pValue);
  });
});

describe("holmAdjust", () => {
  it("adjusts the p-values of the comparisons present (Holm 1979)", () => {
    const c = (p: number) => ({ difference: 0, p, pHolm: p, test: "", items: 1 });
    const comparisons = [c(0.01), null, c(0.04), c(0.03)];
    holmAdjust(comparisons);
    // Sorted 0.01, 0.03, 0.04 → 3·0.01, max(0.03, 2·0.03), max(0.06, 1·0.04).
    expect(comparisons.map((x) => x?.pHolm)).toEqual([0.03, undefined, 0.06, 0.06]);
  });
});
