import { metricRange, type Summary, type SummaryRow } from "./summary.js";

/** Holm-adjusted p-values below this count as significant in the verdict and earn at least one star. */
const SIGNIFICANCE_LEVEL = 0.05;

/** One benchmark column of the verdict table: its headline metric. */
interface VerdictColumn {
  benchmark: string;
  metric: string;
}

/** One strategy on one benchmark, as the summary table shows it. */
interface VerdictCell {
  /** Mean over seeds and the half-width of its 95% t-interval (see `SeedStats.halfWidth`). */
  mean: number;
  halfWidth: number;
  /** Mean paired difference to the baseline; null for the baseline itself. */
  diff: number | null;
  /** Holm-adjusted p-value of the paired test against the baseline; null for the baseline or without per-item data. */
  pHolm: number | null;
  best: boolean;
}

/** A row of the verdict table: one strategy across every benchmark. */
interface VerdictRow {
  strategy: string;
  baseline: boolean;
  cells: VerdictCell[];
}

/**
 * The comparison's verdict: the one model that the terminal summary, the top of
 * report.md and the top of report.html render (strategies × benchmarks, the
 * sentences stating who is best and what is significant, the training speed).
 */
export interface Verdict {
  experiment: string;
  baseline: string;
  /** Cells (strategy × seed) summarised, and seeds per strategy (the largest n). */
  cells: number;
  seeds: number;
  columns: VerdictColumn[];
  rows: VerdictRow[];
  /** Per benchmark one sentence: the best strategy, what differs significantly from the baseline and by how much. */
  sentences: string[];
  /** Words per second per strategy, as one sentence. */
  speed: string;
  skipped: string[];
}

/** Whether a metric is a fraction shown in percent (analogy accuracies), by {@link metricRange}. */
const isFraction = (metric: string) => metricRange(metric)?.[0] === 0;

/** The metric's name in a table header: `accuracy`, `Spearman ρ`, …; short for narrow terminals. */
export function metricLabel(metric: string, short = false): string {
  if (metric === "spearman") return short ? "ρ" : "Spearman ρ";
  if (metric === "pearson") return short ? "r" : "Pearson r";
  if (metric === "accuracy") return short ? "acc." : "accuracy";
  return metric;
}

/** A mean: `31.2%` for fractions, `0.652` otherwise; `n/a` when undefined. */
function formatMean(metric: string, v: number): string {
  if (!Number.isFinite(v)) return "n/a";
  return isFraction(metric) ? `${(100 * v).toFixed(1)}%` : v.toFixed(3);
}

/** A difference or half-width in the metric's unit: percentage points (`4.2`) for fractions, `0.012` otherwise; signed with `sign`. */
function formatDifference(metric: string, v: number, sign = true): string {
  if (!Number.isFinite(v)) return "n/a";
  const text = isFraction(metric) ? (100 * Math.abs(v)).toFixed(1) : Math.abs(v).toFixed(3);
  return sign ? `${v < 0 && Number(text) !== 0 ? "-" : "+"}${text}` : text;
}

/** Significance stars of a Holm-adjusted p-value: `***` p < 0.001, `**` p < 0.01, `*` p < 0.05, none otherwise. */
function stars(pHolm: number | null): string {
  if (pHolm === null || !(pHolm < SIGNIFICANCE_LEVEL)) return "";
  return pHolm < 0.001 ? "***" : pHolm < 0.01 ? "**" : "*";
}

/** A p-value in a sentence: `p < 0.001`, `p = 0.003`, `p = 0.41`. */
function pPhrase(p: number): string {
  if (!Number.isFinite(p)) return "p n/a";
  if (p < 0.001) return "p < 0.001";
  return `p = ${p.toFixed(p < 0.01 ? 3 : 2)}`;
}

/** `a`, `a and b`, `a, b and c`. */
function list(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const significant = (r: SummaryRow) => r.comparison !== null && r.comparison.pHolm < SIGNIFICANCE_LEVEL;

/**
 * The sentence of one benchmark: the best strategy (ties named) with its mean;
 * then each other strategy against the baseline, grouped into significantly
 * better, significantly worse, no significant difference and not tested, each
 * with its effect (the mean paired difference, in points for accuracies) and
 * Holm-adjusted p-value, all taken from the summary's rows.
 */
function benchmarkSentence(table: Summary["tables"][number], baseline: string): string {
  const { benchmark, metric, rows } = table;
  const best = rows.filter((r) => r.best && Number.isFinite(r.stats.mean));
  if (best.length === 0) return `On ${benchmark}, no strategy has a defined ${metricLabel(metric)}.`;
  const leader = best.find((r) => r.strategy === baseline) ?? best[0];
  const unit = isFraction(metric) ? " points" : "";
  const effect = (r: SummaryRow) =>
    `${formatDifference(metric, r.diffToBaseline)}${unit}, ${pPhrase(r.comparison!.pHolm)}, Holm`;
  const value = isFraction(metric)
    ? formatMean(metric, leader.stats.mean)
    : `${metricLabel(metric, true)} = ${formatMean(metric, leader.stats.mean)}`;
  const tied = best.filter((r) => r !== leader).map((r) => r.strategy);
  let text = `On ${benchmark}, ${leader.strategy}${leader.strategy === baseline ? " (the baseline)" : ""} is best (${value})${tied.length > 0 ? `, tied with ${list(tied)}` : ""}`;
  const others = rows.filter((r) => r.strategy !== baseline && r !== leader);
  const clauses: string[] = [];
  if (leader.strategy === baseline) {
    const beaten = others.filter((r) => significant(r) && r.diffToBaseline < 0);
    if (beaten.length > 0)
      clauses.push(
        `it beats ${list(beaten.map((r) => `${r.strategy} by ${formatDifference(metric, r.diffToBaseline, false)}${unit} (${pPhrase(r.comparison!.pHolm)}, Holm)`))}`,
      );
    others.splice(0, others.length, ...others.filter((r) => !beaten.includes(r)));
  } else if (leader.comparison === null) {
    clauses.push(`it has no paired test against the baseline ${baseline} (the cells carry no per-item data)`);
  } else if (significant(leader)) {
    clauses.push(
      `it beats the baseline ${baseline} by ${formatDifference(metric, leader.diffToBaseline, false)}${unit} (${pPhrase(leader.comparison.pHolm)}, Holm)`,
    );
  } else {
    clauses.push(`its difference to the baseline ${baseline} (${effect(leader)}) is not significant`);
  }
  const above = others.filter((r) => significant(r) && r.diffToBaseline > 0);
  const below = others.filter((r) => significant(r) && !(r.diffToBaseline > 0));
  const same = others.filter((r) => r.comparison !== null && !significant(r));
  const untested = others.filter((r) => r.comparison === null);
  if (above.length > 0)
    clauses.push(`significantly above the baseline: ${list(above.map((r) => `${r.strategy} (${effect(r)})`))}`);
  if (below.length > 0)
    clauses.push(`significantly below the baseline: ${list(below.map((r) => `${r.strategy} (${effect(r)})`))}`);
  if (same.length > 0)
    clauses.push(
      `no significant difference from the baseline for ${list(same.map((r) => `${r.strategy} (${effect(r)})`))}`,
    );
  if (untested.length > 0)
    clauses.push(`not tested against the baseline (no per-item data): ${list(untested.map((r) => r.strategy))}`);
  if (clauses.length > 0) text += `; ${clauses.join("; ")}`;
  return `${text}.`;
}

/**
 * The verdict of a run from its {@link Summary}: every figure (means, CI
 * half-widths, paired differences, Holm-adjusted p-values, best flags, words/s)
 * is the summary's own, so the terminal, report.md and report.html agree with
 * the full tables; only the words around them are added here.
 */
export function buildVerdict(summary: Summary): Verdict {
  const strategies = summary.training.map((t) => t.strategy);
  const columns = summary.tables.map((t) => ({ benchmark: t.benchmark, metric: t.metric }));
  const rows = strategies.map(
    (strategy): VerdictRow => ({
      strategy,
      baseline: strategy === summary.baseline,
      cells: summary.tables.map((t): VerdictCell => {
        const row = t.rows.find((r) => r.strategy === strategy);
        if (row === undefined) return { mean: NaN, halfWidth: NaN, diff: null, pHolm: null, best: false };
        const baseline = strategy === summary.baseline;
        return {
          mean: row.stats.mean,
          halfWidth: row.stats.halfWidth,
          diff: baseline ? null : row.diffToBaseline,
          pHolm: row.comparison?.pHolm ?? null,
          best: row.best,
        };
      }),
    }),
  );
  const sentences =
    summary.tables.length > 0
      ? summary.tables.map((t) => benchmarkSentence(t, summary.baseline))
      : ["No benchmark was evaluated."];
  const speed = `Training speed (words/s, mean over seeds): ${summary.training.map((t) => `${t.strategy} ${Math.round(t.wordsPerSecond).toLocaleString("en")}`).join(", ")}.`;
  const seeds = Math.max(0, ...summary.tables.flatMap((t) => t.rows.map((r) => r.stats.n)));
  return {
    experiment: summary.experiment,
    baseline: summary.baseline,
    cells: summary.cells,
    seeds,
    columns,
    rows,
    sentences,
    speed,
    skipped: summary.skipped,
  };
}

/** The text parts of one table cell: the mean (`^` marks the best), `±` half-width, the signed difference with its stars. */
function cellParts(column: VerdictColumn, cell: VerdictCell): { mean: string; half: string; diff: string } {
  return {
    mean: `${formatMean(column.metric, cell.mean)}${cell.best ? "^" : ""}`,
    half: Number.isFinite(cell.halfWidth) ? `±${formatDifference(column.metric, cell.halfWidth, false)}` : "",
    diff: cell.diff === null ? "" : `${formatDifference(column.metric, cell.diff)}${stars(cell.pHolm)}`,
  };
}

/** Whether the table shows CI half-widths: when asked and there is more than one seed (one seed has no interval). */
const withCi = (verdict: Verdict, ci: boolean) => ci && verdict.seeds > 1;

/** The legend under the table: what the figures and marks mean. */
export function verdictLegend(verdict: Verdict, ci: boolean): string {
  const seeds = `${verdict.seeds} seed${verdict.seeds === 1 ? "" : "s"}`;
  const units = verdict.columns.some((c) => isFraction(c.metric)) ? " (accuracy in %, its differences in points)" : "";
  return `Mean over ${seeds}${withCi(verdict, ci) ? " ± 95% CI half-width" : ""}${units}, then the difference to the baseline ${verdict.baseline} with its Holm-adjusted significance: * p < 0.05, ** p < 0.01, *** p < 0.001; ^ best.`;
}

/** The title line: experiment, cells and baseline. */
export function verdictTitle(verdict: Verdict): string {
  return `${verdict.experiment}: ${verdict.rows.length} strategies, ${verdict.cells} cells; baseline ${verdict.baseline}`;
}

/**
 * The table as plain strings, the same for every renderer: a header (benchmark
 * and metric label per column) and per strategy the cells, each padded within
 * its column so that means, half-widths and differences line up. `ci: false`
 * leaves the half-widths out (narrow terminals).
 */
export function verdictTable(
  verdict: Verdict,
  options: { ci: boolean; columns?: number[]; pad?: boolean },
): { head: [string, string][]; rows: string[][] } {
  const indices = options.columns ?? verdict.columns.map((_, i) => i);
  const pad = options.pad ?? true;
  const texts = indices.map((i) => {
    const parts = verdict.rows.map((r) => cellParts(verdict.columns[i], r.cells[i]));
    const width = (key: "mean" | "half" | "diff") => (pad ? Math.max(...parts.map((p) => p[key].length)) : 0);
    const [mean, half, diff] = [width("mean"), width("half"), width("diff")];
    return parts.map((p) =>
      [p.mean.padEnd(mean), withCi(verdict, options.ci) ? p.half.padEnd(half) : "", p.diff.padEnd(diff)]
        .filter((s) => s !== "")
        .join(" ")
        .trimEnd(),
    );
  });
  return {
    head: indices.map((i) => [verdict.columns[i].benchmark, metricLabel(verdict.columns[i].metric)]),
    rows: verdict.rows.map((r, k) => [r.strategy, ...texts.map((t) => t[k])]),
  };
}

/** The summary as the report files show it (report.md, report.html): the full table with one-line headers, the legend and every sentence. */
export function verdictDocument(verdict: Verdict): {
  title: string;
  head: string[];
  rows: string[][];
  legend: string;
  sentences: string[];
} {
  const { head, rows } = verdictTable(verdict, { ci: true, pad: false });
  return {
    title: verdictTitle(verdict),
    head: ["strategy", ...head.map(([benchmark, label]) => `${benchmark} (${label})`)],
    rows,
    legend: verdictLegend(verdict, true),
    sentences: [...verdict.sentences, verdict.speed, ...verdict.skipped.map((s) => `Skipped: ${s}`)],
  };
}
