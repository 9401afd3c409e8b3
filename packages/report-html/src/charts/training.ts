import type { TopLevelSpec } from "vega-lite";
import type { TrainingTrace } from "../input.js";

/** Training loss per epoch, one line per strategy (mean over seeds). */
export function lossChart(traces: readonly TrainingTrace[]): TopLevelSpec {
  const values = traces.flatMap((t) =>
    t.lossPerEpoch.map((loss, i) => ({ strategy: t.strategy, seed: String(t.seed), epoch: i + 1, loss })),
  );
  return {
    title: { text: "Training loss per epoch", subtitle: "mean over seeds" },
    description: "Line chart of the mean training loss per epoch for each strategy",
    width: 360,
    height: 220,
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "epoch", type: "ordinal", title: "epoch" },
      y: { aggregate: "mean", field: "loss", type: "quantitative", title: "loss per word", scale: { zero: false } },
      color: { field: "strategy", type: "nominal", title: "strategy" },
    },
  };
}

/** Training speed per strategy: words per second, mean over seeds with each seed as a dot. */
export function speedChart(traces: readonly TrainingTrace[]): TopLevelSpec {
  const values = traces.map((t) => ({ strategy: t.strategy, seed: String(t.seed), wordsPerSecond: t.wordsPerSecond }));
  return {
    title: { text: "Training speed", subtitle: "words per second (bar: mean, dots: seeds)" },
    description: "Bar chart of training words per second for each strategy",
    width: 360,
    height: Math.max(80, 26 * new Set(values.map((v) => v.strategy)).size),
    data: { values },
    encoding: { y: { field: "strategy", type: "nominal", title: "strategy" } },
    layer: [
      {
        mark: "bar",
        encoding: { x: { aggregate: "mean", field: "wordsPerSecond", type: "quantitative", title: "words / second" } },
      },
      { mark: { type: "point", color: "black" }, encoding: { x: { field: "wordsPerSecond", type: "quantitative" } } },
    ],
  };
}
