import type { TopLevelSpec } from "vega-lite";
import type { MetricSummary } from "../input.js";

/**
 * One benchmark metric per strategy: the mean over seeds as a point with its
 * 95% confidence interval as an error bar; the best strategy is highlighted
 * and the baseline (when named) drawn as a diamond. The tooltip adds the
 * standard deviation over seeds when given.
 */
export function metricChart(rows: readonly MetricSummary[], order: readonly string[], baseline?: string): TopLevelSpec {
  const { benchmark, metric } = rows[0];
  const best = Math.max(...rows.map((r) => r.mean));
  const values = rows.map((r) => ({
    ...r,
    best: r.mean === best ? "best" : "other",
    role: r.strategy === baseline ? "baseline" : "compared",
  }));
  const withStd = rows.some((r) => r.std !== undefined);
  return {
    title: {
      text: `${benchmark}: ${metric}`,
      subtitle: `mean over seeds, error bars: 95% CI${baseline === undefined ? "" : "; diamond: baseline"}`,
    },
    description: `${metric} on ${benchmark} for each strategy, with 95% confidence intervals`,
    width: Math.max(160, 60 * order.length),
    height: 200,
    data: { values },
    encoding: {
      x: { field: "strategy", type: "nominal", sort: [...order], title: "strategy", axis: { labelAngle: -30 } },
    },
    layer: [
      {
        mark: { type: "rule", strokeWidth: 2 },
        encoding: {
          y: { field: "ciLow", type: "quantitative", title: metric, scale: { zero: false } },
          y2: { field: "ciHigh" },
        },
      },
      {
        mark: { type: "point", filled: true, size: 80 },
        encoding: {
          y: { field: "mean", type: "quantitative" },
          color: {
            field: "best",
            type: "nominal",
            scale: { domain: ["best", "other"], range: ["#d62728", "#1f77b4"] },
            legend: { title: null },
          },
          shape: {
            field: "role",
            type: "nominal",
            scale: { domain: ["baseline", "compared"], range: ["diamond", "circle"] },
            legend: baseline === undefined ? null : { title: null },
          },
          tooltip: [
            { field: "strategy" },
            { field: "mean", format: ".4f" },
            ...(withStd ? [{ field: "std", format: ".4f", title: "std over seeds" }] : []),
            { field: "ciLow", format: ".4f", title: "CI low" },
            { field: "ciHigh", format: ".4f", title: "CI high" },
            { field: "n", title: "seeds" },
          ],
        },
      },
    ],
  };
}
