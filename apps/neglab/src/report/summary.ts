import { studentTQuantile } from "@neglab/eval/stats";
import type { CellResult, ProbeNeighbours, SamplerReport } from "../grid/cell-result.js";
import { compareAnalogy, compareWordPairs, holmAdjust, type Comparison } from "./significance.js";

/** Mean, sample standard deviation and the t-based 95% CI of the mean over seeds. */
export interface SeedStats {
  n: number;
  mean: number;
  std: number;
  ciLow: number;
  ciHigh: number;
  /** Half-width t(0.975, n−1)·s/√n of the 95% interval before clipping (0 when n = 1): the "± h" of the summary table. */
  halfWidth: number;
}

/** Statistics of `values` (one per seed): mean ± t(0.975, n−1)·s/√n, clipped to `range` (see {@link metricRange}); the CI is the point when n = 1. */
export function seedStats(values: number[], range: readonly [number, number] | null = null): SeedStats {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  // Student's t quantile for every n (not a table that turns into the normal 1.96 beyond 30 degrees of freedom)
  const half = n > 1 ? studentTQuantile(0.975, n - 1) * (std / Math.sqrt(n)) : 0;
  // with few seeds t(0.975, n−1) is large (12.7 for n = 2): the interval is clipped to what the metric can take
  const [low, high] = range ?? [-Infinity, Infinity];
  return { n, mean, std, ciLow: Math.max(low, mean - half), ciHigh: Math.min(high, mean + half), halfWidth: half };
}

/**
 * The values a metric can take, which its CI is clipped to: [−1, 1] for the
 * correlations (`spearman`, `pearson`), [0, 1] for the analogy accuracies
 * (fractions of the questions answered); null (no clipping) for the others.
 */
export function metricRange(metric: string): readonly [number, number] | null {
  if (metric === "spearman" || metric === "pearson") return [-1, 1];
  return metric === "accuracy" || metric === "semantic" || metric === "syntactic" ? [0, 1] : null;
}

/** One row of a benchmark table: a strategy's statistics and its difference to the baseline. */
export interface SummaryRow {
  strategy: string;
  stats: SeedStats;
  /** Mean over seeds of (strategy − baseline) for the same seed. */
  diffToBaseline: number;
  /** The paired test against the baseline (null for the baseline itself, or without per-item data). */
  comparison: Comparison | null;
  best: boolean;
}

/** A strategy's sampler diagnostics: the first seed's sampler, with the draw shares averaged over seeds. */
interface DiagnosticsRow extends SamplerReport {
  strategy: string;
}

/** The report model: per benchmark metric the table rows, plus per-strategy training figures. */
export interface Summary {
  experiment: string;
  baseline: string;
  tables: { benchmark: string; metric: string; rows: SummaryRow[] }[];
  training: { strategy: string; wordsPerSecond: number; lossPerEpoch: number[]; meanCosineToCentroid: number }[];
  /** Per section: mean correct and mean questions answered over seeds, and the questions in the section. */
  sections: {
    benchmark: string;
    section: string;
    strategy: string;
    correct: number;
    total: number;
    questions: number;
  }[];
  diagnostics: DiagnosticsRow[];
  /** Nearest neighbours of the probe words, per strategy (from its first seed). */
  neighbours: (ProbeNeighbours & { strategy: string })[];
  skipped: string[];
  cells: number;
}

/** The headline metric of each benchmark kind: the one tables show. */
const HEADLINE = new Set(["accuracy", "spearman"]);

/** The paired test of a headline metric; null for metrics without one. */
function compare(metric: string, matched: [CellResult, CellResult][], benchmark: string): Comparison | null {
  if (metric === "accuracy") return compareAnalogy(matched, benchmark);
  if (metric === "spearman") return compareWordPairs(matched, benchmark, "spearman");
  return null;
}

/**
 * Aggregates finished cells over seeds, strategies in `order`: per headline
 * metric the seed statistics, the difference to the baseline and its paired
 * test (Holm-adjusted over the strategies on that metric); per strategy the
 * training figures, sampler diagnostics and probe neighbours; per analogy section the accuracy.
 */
export function summarize(experiment: string, baseline: string, order: string[], cells: CellResult[]): Summary {
  const byStrategy = (name: string) => cells.filter((c) => c.strategy === name).sort((a, b) => a.seed - b.seed);
  const present = order.filter((s) => byStrategy(s).length > 0);
  const value = (c: CellResult, benchmark: string, metric: string) =>
    c.metrics.find((m) => m.benchmark === benchmark && m.metric === metric)?.value ?? NaN;
  const matchedSeeds = (strategy: string): [CellResult, CellResult][] =>
    byStrategy(strategy).flatMap((c): [CellResult, CellResult][] => {
      const base = byStrategy(baseline).find((b) => b.seed === c.seed);
      return base ? [[c, base]] : [];
    });
  const keys = [
    ...new Set(
      cells.flatMap((c) =>
        c.metrics.filter((m) => HEADLINE.has(m.metric)).map((m) => `${m.benchmark}\u0000${m.metric}`),
      ),
    ),
  ];
  const tables = keys.map((k) => {
    const [benchmark, metric] = k.split("\u0000");
    const rows = present.map((strategy): SummaryRow => {
      const matched = matchedSeeds(strategy);
      const diffs = matched.map(([c, b]) => value(c, benchmark, metric) - value(b, benchmark, metric));
      return {
        strategy,
        stats: seedStats(
          byStrategy(strategy).map((c) => value(c, benchmark, metric)),
          metricRange(metric),
        ),
        diffToBaseline: diffs.reduce((s, v) => s + v, 0) / diffs.length,
        comparison: strategy === baseline ? null : compare(metric, matched, benchmark),
        best: false,
      };
    });
    holmAdjust(rows.map((r) => r.comparison));
    const top = Math.max(...rows.map((r) => r.stats.mean));
    for (const row of rows) row.best = row.stats.mean === top;
    return { benchmark, metric, rows };
  });
  const mean = (own: CellResult[], f: (c: CellResult) => number) => own.reduce((s, c) => s + f(c), 0) / own.length;
  const training = present.map((strategy) => {
    const own = byStrategy(strategy);
    return {
      strategy,
      wordsPerSecond: mean(own, (c) => c.wordsPerSecond),
      lossPerEpoch: own[0].lossPerEpoch.map((_, e) => mean(own, (c) => c.lossPerEpoch[e])),
      meanCosineToCentroid: mean(own, (c) => c.meanCosineToCentroid),
    };
  });
  const diagnostics = present.flatMap((strategy): DiagnosticsRow[] => {
    const own = byStrategy(strategy).filter((c) => c.sampler !== null);
    if (own.length === 0) return [];
    const share = (bucket: keyof SamplerReport["drawShares"]) => mean(own, (c) => c.sampler!.drawShares[bucket]);
    return [
      {
        strategy,
        ...own[0].sampler!,
        drawShares: { top10: share("top10"), top100: share("top100"), top1000: share("top1000") },
        draws: own.reduce((s, c) => s + c.sampler!.draws, 0),
      },
    ];
  });
  const neighbours = present.flatMap((strategy) => byStrategy(strategy)[0].neighbours.map((n) => ({ strategy, ...n })));
  const sections = present.flatMap((strategy) => {
    const own = byStrategy(strategy);
    const names = [...new Set(own.flatMap((c) => c.sections.map(([b, s]) => `${b}\u0000${s}`)))];
    return names.map((n) => {
      const [benchmark, section] = n.split("\u0000");
      const rows = own.flatMap((c) => c.sections.filter(([b, s]) => b === benchmark && s === section));
      return {
        benchmark,
        section,
        strategy,
        correct: rows.reduce((s, r) => s + r[2], 0) / own.length,
        total: rows.reduce((s, r) => s + r[3], 0) / own.length,
        questions: rows[0][4],
      };
    });
  });
  return {
    experiment,
    baseline,
    tables,
    training,
    sections,
    diagnostics,
    neighbours,
    skipped: [...new Set(cells.flatMap((c) => c.skipped))],
    cells: cells.length,
  };
}
