import { describe, expect, it } from "vitest";
import type { CellResult } from "../dist/grid/cell-result.js";
import { summarize } from "../dist/report/summary.js";

/** A cell with only the metrics `summarize` reads for the benchmark tables and training figures. */
const cell = (seed: number, metrics: Record<string, number>) =>
  ({
    strategy: "u",
    seed,
    metrics: Object.entries(metrics).map(([metric, value]) => ({ benchmark: "b", metric, value })),
    sections: [],
    analogyOutcomes: [],
    pairSimilarities: [],
    sampler: null,
    neighbours: [],
    lossPerEpoch: [1],
    wordsPerSecond: 1,
    trainSeconds: 1,
    meanCosineToCentroid: 0,
    skipped: [],
  }) as unknown as CellResult;

describe("the 95% CI of a metric over seeds stays in the metric's range (probe defect 6)", () => {
  it("clips a Spearman interval to [−1, 1] and an accuracy interval to [0, 1] with two seeds", () => {
    const summary = summarize("x", "u", ["u"], [cell(1, { spearman: 0.95, accuracy: 0.9 }), cell(2, { spearman: -0.9, accuracy: 0.05 })]);
    const stats = (metric: string) => summary.tables.find((t) => t.metric === metric)!.rows[0].stats;
    expect([stats("spearman").ciLow, stats("spearman").ciHigh]).toEqual([-1, 1]);
    expect([stats("accuracy").ciLow, stats("accuracy").ciHigh]).toEqual([0, 1]);
    expect(stats("spearman").mean).toBeCloseTo(0.025, 10);
  });
});
