import type { ReportInput } from "@neglab/report-html";
import type { Experiment } from "../experiment/definition.js";
import type { CellResult } from "../grid/cell-result.js";
import type { Summary } from "./summary.js";
import { sweepSettings } from "./sweep-setting.js";
import { verdictDocument, type Verdict } from "./verdict.js";

/**
 * A sampling distribution over every rank 1 … last stored rank from its
 * log-spaced samples, interpolated linearly in log rank and log probability
 * (the distributions are near power laws, so this is close to exact); stored
 * ranks keep their exact values, and a span next to a zero probability is zero.
 */
export function expandDistribution(points: readonly [number, number][]): Float64Array {
  const size = points.length === 0 ? 0 : points[points.length - 1][0];
  const out = new Float64Array(size);
  points.forEach(([rank, p], i) => {
    out[rank - 1] = p;
    const next = points[i + 1];
    if (next === undefined || p <= 0 || next[1] <= 0) return;
    const [r1, p1] = next;
    for (let r = rank + 1; r < r1; r++) {
      const t = Math.log(r / rank) / Math.log(r1 / rank);
      out[r - 1] = Math.exp((1 - t) * Math.log(p) + t * Math.log(p1));
    }
  });
  return out;
}

/** Maps a run's summary, its verdict (the page's opening summary), cells and configuration to what @neglab/report-html renders. */
export function htmlReportInput(
  experiment: Experiment,
  summary: Summary,
  verdict: Verdict,
  cells: CellResult[],
  environment: Record<string, unknown>,
): ReportInput {
  const settings = sweepSettings(experiment.strategies);
  const overview = verdictDocument(verdict);
  const analogyBenchmarks = new Set(summary.sections.map((s) => s.benchmark));
  const sectionName = (benchmark: string, section: string) =>
    analogyBenchmarks.size > 1 ? `${benchmark}: ${section}` : section;
  return {
    title: experiment.name,
    subtitle: `${summary.cells} cells (${experiment.strategies.length} strategies × ${experiment.seeds.length} seeds) on ${experiment.corpus.source}; baseline ${summary.baseline}`,
    overview: {
      head: overview.head,
      rows: overview.rows,
      note: `${overview.title}. ${overview.legend}`,
      sentences: overview.sentences,
    },
    strategies: experiment.strategies
      .filter((s) => cells.some((c) => c.strategy === s.name))
      .map((s) => ({
        name: s.name,
        spec: s.sampler,
        baseline: s.name === summary.baseline,
        ...(settings.has(s.name) ? { setting: settings.get(s.name)! } : {}),
      })),
    metrics: summary.tables.flatMap((t) =>
      t.rows.map((r) => ({
        benchmark: t.benchmark,
        metric: t.metric,
        strategy: r.strategy,
        mean: r.stats.mean,
        std: r.stats.std,
        ciLow: r.stats.ciLow,
        ciHigh: r.stats.ciHigh,
        n: r.stats.n,
      })),
    ),
    sections: summary.sections.map((s) => ({
      strategy: s.strategy,
      section: sectionName(s.benchmark, s.section),
      correct: s.correct,
      seen: s.total,
      total: s.questions,
    })),
    distributions: summary.diagnostics.map((d) => ({
      strategy: d.strategy,
      probabilities: expandDistribution(d.distribution),
      buckets: { ...d.drawShares, rest: 1 - d.drawShares.top1000 },
    })),
    training: cells.map((c) => ({
      strategy: c.strategy,
      seed: c.seed,
      lossPerEpoch: c.lossPerEpoch,
      wordsPerSecond: c.wordsPerSecond,
    })),
    neighbours: summary.neighbours.map((n) => ({
      probe: n.probe,
      strategy: n.strategy,
      neighbours: n.neighbours.map(([word, similarity]) => ({ word, similarity })),
    })),
    significance: summary.tables.flatMap((t) =>
      t.rows.flatMap((r) =>
        r.comparison
          ? [
              {
                benchmark: t.benchmark,
                metric: t.metric,
                strategy: r.strategy,
                baseline: summary.baseline,
                difference: r.diffToBaseline,
                p: r.comparison.p,
                pHolm: r.comparison.pHolm,
                test: r.comparison.test,
              },
            ]
          : [],
      ),
    ),
    config: experiment,
    environment: Object.fromEntries(
      Object.entries(environment).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    ),
  };
}
