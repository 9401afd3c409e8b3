import { describe, expect, it } from "vitest";
import type { CellResult } from "../dist/grid/cell-result.js";
import { seedStats, summarize } from "../dist/report/summary.js";

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
    const summary = summarize(
      "x",
      "u",
      ["u"],
      [cell(1, { spearman: 0.95, accuracy: 0.9 }), cell(2, { spearman: -0.9, accuracy: 0.05 })],
    );
    const stats = (metric: string) => summary.tables.find((t) => t.metric === metric)!.rows[0].stats;
    expect([stats("spearman").ciLow, stats("spearman").ciHigh]).toEqual([-1, 1]);
    expect([stats("accuracy").ciLow, stats("accuracy").ciHigh]).toEqual([0, 1]);
    expect(stats("spearman").mean).toBeCloseTo(0.025, 10);
  });
});

// Reference half-widths t(0.975, n − 1)·s/√n from scipy 1.10:
//   /usr/bin/python3 -c "from scipy.stats import t; import numpy as np; v = np.array(VALUES); print(t.ppf(0.975, len(v) - 1) * v.std(ddof=1) / np.sqrt(len(v)))"
describe("the seed CI's half-width is Student's t quantile times the standard error", () => {
  it("5 seeds: t(0.975, 4) = 2.776", () => {
    expect(seedStats([0.61, 0.64, 0.6, 0.66, 0.62]).halfWidth).toBeCloseTo(0.02990322893890411, 12);
  });
  it("32 seeds: t(0.975, 31) = 2.0395, not the normal 1.96 a table switches to beyond 30 df", () => {
    const values = Array.from({ length: 32 }, (_, i) => 0.5 + 0.01 * ((i * 7) % 11));
    expect(seedStats(values).halfWidth).toBeCloseTo(0.011744865810700182, 12);
  });
});
