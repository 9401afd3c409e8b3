import type { TopLevelSpec } from "vega-lite";
import type { SamplerDistribution } from "../input.js";

/** Ranks kept per distribution: log-spaced, so a 10^6-word vocabulary still draws a smooth line. */
const POINTS = 160;

/**
 * Each strategy's negative-sampling probability against frequency rank on
 * log–log axes (a unigram^α distribution over Zipfian counts is close to a line
 * of slope −α), all strategies on one chart.
 */
export function distributionChart(distributions: readonly SamplerDistribution[]): TopLevelSpec {
  const values = distributions.flatMap((d) =>
    logSpacedRanks(d.probabilities.length)
      .filter((rank) => d.probabilities[rank - 1] > 0)
      .map((rank) => ({ strategy: d.strategy, rank, probability: d.probabilities[rank - 1] })),
  );
  return {
    title: {
      text: "Negative-sampling distribution",
      subtitle: "probability of drawing the word of each frequency rank",
    },
    description: "Log-log plot of each strategy's sampling probability against word frequency rank",
    width: 420,
    height: 260,
    data: { values },
    mark: { type: "line", interpolate: "monotone" },
    encoding: {
      x: { field: "rank", type: "quantitative", scale: { type: "log" }, title: "frequency rank" },
      y: { field: "probability", type: "quantitative", scale: { type: "log" }, title: "P(negative = word)" },
      color: { field: "strategy", type: "nominal", title: "strategy" },
      tooltip: [{ field: "strategy" }, { field: "rank" }, { field: "probability", format: ".3e" }],
    },
  };
}

/** The share of negatives drawn from the 10 / 100 / 1000 most frequent words and the rest, per strategy. */
export function bucketChart(distributions: readonly SamplerDistribution[]): TopLevelSpec {
  const order = ["top 10", "11–100", "101–1000", "rest"];
  const values = distributions
    .filter((d) => d.buckets)
    .flatMap((d) => {
      const b = d.buckets!;
      return [
        { strategy: d.strategy, bucket: order[0], share: b.top10, index: 0 },
        { strategy: d.strategy, bucket: order[1], share: b.top100 - b.top10, index: 1 },
        { strategy: d.strategy, bucket: order[2], share: b.top1000 - b.top100, index: 2 },
        { strategy: d.strategy, bucket: order[3], share: b.rest, index: 3 },
      ];
    });
  return {
    title: { text: "Where negatives come from", subtitle: "share of draws by frequency-rank bucket" },
    description: "Stacked bars of the share of negatives drawn from each frequency-rank bucket, per strategy",
    width: 360,
    height: Math.max(80, 26 * distributions.length),
    data: { values },
    mark: "bar",
    encoding: {
      y: { field: "strategy", type: "nominal", title: "strategy", sort: distributions.map((d) => d.strategy) },
      x: {
        field: "share",
        type: "quantitative",
        stack: "normalize",
        title: "share of negatives",
        axis: { format: "%" },
      },
      color: { field: "bucket", type: "nominal", sort: order, title: "ranks" },
      order: { field: "index", type: "quantitative" },
      tooltip: [{ field: "strategy" }, { field: "bucket" }, { field: "share", format: ".1%" }],
    },
  };
}

function logSpacedRanks(size: number): number[] {
  const ranks = new Set<number>();
  for (let i = 0; i < POINTS; i++) ranks.add(Math.max(1, Math.round(size ** (i / (POINTS - 1)))));
  return [...ranks].filter((r) => r <= size);
}
