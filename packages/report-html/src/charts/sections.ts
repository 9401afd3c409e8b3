import type { TopLevelSpec } from "vega-lite";
import type { SectionAccuracy } from "../input.js";

/** Analogy accuracy per section as a strategy × section heat map, each cell labelled with its accuracy. */
export function sectionHeatmap(rows: readonly SectionAccuracy[], order: readonly string[]): TopLevelSpec {
  const sections = [...new Set(rows.map((r) => r.section))];
  const values = rows.map((r) => ({
    ...r,
    accuracy: r.seen > 0 ? r.correct / r.seen : null,
    label: r.seen > 0 ? `${((100 * r.correct) / r.seen).toFixed(1)}` : "–",
  }));
  return {
    title: {
      text: "Analogy accuracy per section (%)",
      subtitle: "of the questions seen (all four words in the vocabulary)",
    },
    description: "Heat map of analogy accuracy for each strategy and question section",
    width: Math.max(300, 34 * sections.length),
    height: Math.max(80, 26 * order.length),
    data: { values },
    encoding: {
      x: { field: "section", type: "nominal", sort: sections, title: "section", axis: { labelAngle: -45 } },
      y: { field: "strategy", type: "nominal", sort: [...order], title: "strategy" },
    },
    layer: [
      {
        mark: "rect",
        encoding: {
          color: {
            field: "accuracy",
            type: "quantitative",
            title: "accuracy",
            scale: { scheme: "blues", domainMin: 0 },
          },
          tooltip: [
            { field: "strategy" },
            { field: "section" },
            { field: "correct" },
            { field: "seen" },
            { field: "total" },
          ],
        },
      },
      {
        mark: { type: "text", fontSize: 9 },
        encoding: {
          text: { field: "label" },
          color: { condition: { test: "datum.accuracy > 0.5", value: "white" }, value: "black" },
        },
      },
    ],
  };
}
