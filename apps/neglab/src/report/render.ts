import { createTable } from "../terminal.js";
import type { CellResult } from "../grid/cell-result.js";
import type { Summary } from "./summary.js";
import type { Verdict } from "./verdict.js";
import { formatResultsCsv } from "./results-csv.js";
import { renderVerdictMarkdown } from "./verdict-render.js";

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a");
const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? "+" : ""}${v.toFixed(4)}` : "n/a");

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

/** p-values: four decimals, or scientific notation below 0.0001; an exact p below the smallest double shows as "< 1e-300". */
function formatP(p: number): string {
  if (!Number.isFinite(p)) return "n/a";
  if (p === 0) return "< 1e-300";
  return p >= 1e-4 ? p.toFixed(4) : p.toExponential(1);
}

/** How each headline metric's p-value is computed, for the note under its table. */
const TEST_NOTE: Record<string, string> = {
  accuracy:
    "p: exact McNemar test on per-question correctness (questions both models answered), strategy seed s paired with baseline seed s, seeds pooled",
  spearman: "p: paired bootstrap of the Spearman difference averaged over matched seeds, resampling word pairs",
};

/** The note under a benchmark table: which test gave the p-values, over how many of the `others` strategies Holm adjusted. */
function testNote(metric: string, compared: number, others: number, baseline: string): string | undefined {
  if (TEST_NOTE[metric] === undefined || others === 0) return undefined;
  if (compared === 0)
    return "p: n/a — the cells carry no per-item data (written by an earlier neglab); recompute them with `neglab run --force` for the paired tests.";
  return `${TEST_NOTE[metric]}; Holm-adjusted over the ${compared} strategies compared with ${baseline}.`;
}

/** One report table: a title, a header, rows of plain strings and an optional note below. */
interface ReportTable {
  title: string;
  head: string[];
  rows: string[][];
  note?: string;
}

/** Rows of each report table as plain strings: shared by the terminal and Markdown renderers. */
function reportTables(summary: Summary): ReportTable[] {
  const tables: ReportTable[] = summary.tables.map((t) => ({
    title: `${t.benchmark} — ${t.metric} (mean ± std over seeds, 95% t-CI clipped to the metric's range; * best)`,
    head: ["strategy", "mean ± std", "95% CI", `Δ vs ${summary.baseline}`, "p (Holm)", "seeds"],
    rows: t.rows.map((r) => [
      `${r.best ? "* " : ""}${r.strategy}`,
      `${fmt(r.stats.mean)} ± ${fmt(r.stats.std)}`,
      `[${fmt(r.stats.ciLow)}, ${fmt(r.stats.ciHigh)}]`,
      r.strategy === summary.baseline ? "baseline" : signed(r.diffToBaseline),
      r.comparison
        ? `${formatP(r.comparison.pHolm)} (raw ${formatP(r.comparison.p)})`
        : r.strategy === summary.baseline
          ? ""
          : "n/a",
      String(r.stats.n),
    ]),
    note: testNote(t.metric, t.rows.filter((r) => r.comparison).length, t.rows.length - 1, summary.baseline),
  }));
  if (summary.sections.length > 0) {
    tables.push({
      title: "analogy accuracy per section (mean over seeds; seen = questions with every word in the vocabulary)",
      head: ["benchmark", "section", "strategy", "accuracy", "correct / seen / questions"],
      rows: summary.sections.map((s) => [
        s.benchmark,
        s.section,
        s.strategy,
        fmt(s.total ? s.correct / s.total : 0),
        `${s.correct.toFixed(1)} / ${s.total} / ${Number.isFinite(s.questions) ? s.questions : "n/a"}`,
      ]),
    });
  }
  if (summary.diagnostics.length > 0) {
    tables.push({
      title: "sampler diagnostics",
      head: ["strategy", "entropy (bits)", "perplexity", "draws from top 10 / 100 / 1000", "collision", "effective k"],
      rows: summary.diagnostics.map((d) => [
        d.strategy,
        d.entropyBits.toFixed(2),
        Math.round(d.perplexity).toLocaleString("en"),
        `${percent(d.drawShares.top10)} / ${percent(d.drawShares.top100)} / ${percent(d.drawShares.top1000)}`,
        d.share === "window" ? `${d.collision}; negatives shared per window` : d.collision,
        d.effectiveNegatives.toFixed(3),
      ]),
      note: "Shares measured on draws of k negatives at a time; effective k = expected negatives per positive under the collision policy, from the probabilities and corpus counts (skip drops a draw equal to the positive).",
    });
  }
  tables.push({
    title: "training and geometry",
    head: ["strategy", "words/s", "loss per word by epoch", "mean cos to centroid"],
    rows: summary.training.map((t) => [
      t.strategy,
      Math.round(t.wordsPerSecond).toLocaleString("en"),
      t.lossPerEpoch.map((l) => l.toFixed(3)).join(" → "),
      fmt(t.meanCosineToCentroid),
    ]),
  });
  if (summary.neighbours.length > 0) {
    tables.push({
      title: "nearest neighbours of probe words (first seed)",
      head: ["probe", "strategy", "neighbours (cosine)"],
      rows: [...summary.neighbours]
        .sort((a, b) => a.probe.localeCompare(b.probe))
        .map((n) => [n.probe, n.strategy, n.neighbours.map(([w, sim]) => `${w} ${sim.toFixed(2)}`).join(", ")]),
    });
  }
  return tables;
}

/** The report's full tables as cli-table3 tables for the terminal (`--details`). */
export function renderTerminal(summary: Summary): string {
  const parts = reportTables(summary).map((t) => {
    const table = createTable({ head: t.head });
    table.push(...t.rows);
    return `${t.title}\n${table.toString()}${t.note ? `\n${t.note}` : ""}`;
  });
  for (const s of summary.skipped) parts.push(`skipped: ${s}`);
  return parts.join("\n\n");
}

/** The report as Markdown (report.md): the verdict's summary first, then the same tables as the terminal's `--details`. */
export function renderMarkdown(summary: Summary, verdict: Verdict, environment: Record<string, unknown>): string {
  const lines = [
    `# ${summary.experiment}`,
    "",
    `${summary.cells} cells; baseline \`${summary.baseline}\`.`,
    "",
    ...renderVerdictMarkdown(verdict),
  ];
  for (const t of reportTables(summary)) {
    lines.push(`## ${t.title}`, "", `| ${t.head.join(" | ")} |`, `|${t.head.map(() => "---").join("|")}|`);
    for (const row of t.rows) lines.push(`| ${row.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`);
    lines.push("");
    if (t.note) lines.push(t.note, "");
  }
  if (summary.skipped.length > 0) lines.push("## Skipped", "", ...summary.skipped.map((s) => `- ${s}`), "");
  lines.push("## Environment", "", "```json", JSON.stringify(environment, null, 2), "```", "");
  return lines.join("\n");
}

/** results.csv ({@link formatResultsCsv}): one tidy row per strategy × seed × benchmark × metric. */
export function renderCsv(cells: CellResult[]): string {
  // An undefined metric (a Spearman of constant scores) is NaN in memory and null once a cell is read back from JSON: both are written `NaN`, so run and report write the same file.
  const value = (v: number | null) => (v === null || Number.isNaN(v) ? "NaN" : String(v));
  return formatResultsCsv(
    cells.flatMap((c) => c.metrics.map((m) => [c.strategy, String(c.seed), m.benchmark, m.metric, value(m.value)])),
  );
}
