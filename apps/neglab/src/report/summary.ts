import type { CellResult } from "../grid/cell-result.js";

/** Two-sided 95% Student t quantiles t(0.975, df) for df = 1..30 (beyond: 1.96). */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** Mean, sample standard deviation and the t-based 95% CI of the mean over seeds. */
export interface SeedStats {
  n: number;
  mean: number;
  std: number;
  ciLow: number;
  ciHigh: number;
}

/** Statistics of `values` (one per seed): mean ± t(0.975, n−1)·s/√n; the CI is the point when n = 1. */
export function seedStats(values: number[]): SeedStats {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const std = n > 1 ? Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1)) : 0;
  const half = n > 1 ? (T975[n - 2] ?? 1.96) * (std / Math.sqrt(n)) : 0;
  return { n, mean, std, ciLow: mean - half, ciHigh: mean + half };
}

/** One row of a benchmark table: a strategy's statistics and its difference to the baseline. */
export interface SummaryRow {
  strategy: string;
  stats: SeedStats;
  /** Mean over seeds of (strategy − baseline) for the same seed. */
  diffToBaseline: number;
  best: boolean;
}

/** The report model: per benchmark metric the table rows, plus per-strategy training figures. */
export interface Summary {
  experiment: string;
  baseline: string;
  tables: { benchmark: string; metric: string; rows: SummaryRow[] }[];
  training: { strategy: string; wordsPerSecond: number; lossPerEpoch: number[]; meanCosineToCentroid: number }[];
  sections: { benchmark: string; section: string; strategy: string; correct: number; total: number }[];
  skipped: string[];
  cells: number;
}

/** The headline metric of each benchmark kind: the one tables show. */
const HEADLINE = new Set(["accuracy", "spearman"]);

/** Aggregates finished cells over seeds, strategies in `order`. */
export function summarize(experiment: string, baseline: string, order: string[], cells: CellResult[]): Summary {
  const byStrategy = (name: string) => cells.filter((c) => c.strategy === name);
  const value = (c: CellResult, benchmark: string, metric: string) => c.metrics.find((m) => m.benchmark === benchmark && m.metric === metric)?.value;
  const keys = [...new Set(cells.flatMap((c) => c.metrics.filter((m) => HEADLINE.has(m.metric)).map((m) => `${m.benchmark}\u0000${m.metric}`)))];
  const tables = keys.map((k) => {
    const [benchmark, metric] = k.split("\u0000");
    const rows = order
      .filter((s) => byStrategy(s).length > 0)
      .map((strategy): SummaryRow => {
        const own = byStrategy(strategy);
        const values = own.map((c) => value(c, benchmark, metric) ?? NaN);
        const diffs = own.map((c) => (value(c, benchmark, metric) ?? NaN) - (value(byStrategy(baseline).find((b) => b.seed === c.seed) ?? c, benchmark, metric) ?? NaN));
        return { strategy, stats: seedStats(values), diffToBaseline: diffs.reduce((s, v) => s + v, 0) / diffs.length, best: false };
      });
    const top = Math.max(...rows.map((r) => r.stats.mean));
    for (const row of rows) row.best = row.stats.mean === top;
    return { benchmark, metric, rows };
  });
  const training = order
    .filter((s) => byStrategy(s).length > 0)
    .map((strategy) => {
      const own = byStrategy(strategy);
      const mean = (f: (c: CellResult) => number) => own.reduce((s, c) => s + f(c), 0) / own.length;
      const epochs = own[0].lossPerEpoch.length;
      return {
        strategy,
        wordsPerSecond: mean((c) => c.wordsPerSecond),
        lossPerEpoch: Array.from({ length: epochs }, (_, e) => mean((c) => c.lossPerEpoch[e])),
        meanCosineToCentroid: mean((c) => c.meanCosineToCentroid),
      };
    });
  const sections = order.flatMap((strategy) => {
    const own = byStrategy(strategy);
    const names = [...new Set(own.flatMap((c) => c.sections.map(([b, s]) => `${b}\u0000${s}`)))];
    return names.map((n) => {
      const [benchmark, section] = n.split("\u0000");
      const rows = own.flatMap((c) => c.sections.filter(([b, s]) => b === benchmark && s === section));
      return { benchmark, section, strategy, correct: rows.reduce((s, r) => s + r[2], 0) / own.length, total: rows.reduce((s, r) => s + r[3], 0) / own.length };
    });
  });
  return { experiment, baseline, tables, training, sections, skipped: [...new Set(cells.flatMap((c) => c.skipped))], cells: cells.length };
}
