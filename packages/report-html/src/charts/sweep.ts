import type { TopLevelSpec } from "vega-lite";
import type { MetricSummary, StrategyInfo } from "../input.js";

/**
 * A metric as a line over the numeric setting the strategies differ in (α, k,
 * λ), with the 95% CI as a band, one colour per benchmark.
 */
export function sweepChart(
  metric: string,
  rows: readonly MetricSummary[],
  strategies: readonly StrategyInfo[],
): TopLevelSpec {
  const setting = new Map(strategies.filter((s) => s.setting).map((s) => [s.name, s.setting!]));
  const name = [...setting.values()][0].name;
  const values = rows
    .filter((r) => setting.has(r.strategy))
    .map((r) => ({ ...r, value: setting.get(r.strategy)!.value }));
  return {
    title: { text: `${metric} over ${name}`, subtitle: "band: 95% CI over seeds" },
    description: `${metric} of each benchmark as a function of ${name}, with 95% confidence bands`,
    width: 360,
    height: 220,
    data: { values },
    encoding: {
      x: { field: "value", type: "quantitative", title: name },
      color: { field: "benchmark", type: "nominal", title: "benchmark" },
    },
    layer: [
      {
        mark: { type: "area", opacity: 0.2 },
        encoding: {
          y: { field: "ciLow", type: "quantitative", title: metric, scale: { zero: false } },
          y2: { field: "ciHigh" },
        },
      },
      {
        mark: { type: "line", point: true },
        encoding: {
          y: { field: "mean", type: "quantitative" },
          tooltip: [{ field: "benchmark" }, { field: "value", title: name }, { field: "mean", format: ".4f" }],
        },
      },
    ],
  };
}
