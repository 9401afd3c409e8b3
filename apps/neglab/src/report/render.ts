import Table from "cli-table3";
import type { CellResult } from "../grid/cell-result.js";
import type { Summary } from "./summary.js";

const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : "n/a");
const signed = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? "+" : ""}${v.toFixed(4)}` : "n/a");

/** Rows of each report table as plain strings: shared by the terminal and Markdown renderers. */
function reportTables(summary: Summary): { title: string; head: string[]; rows: string[][] }[] {
  const tables = summary.tables.map((t) => ({
    title: `${t.benchmark} — ${t.metric} (mean ± std over seeds, 95% t-CI; * best)`,
    head: ["strategy", "mean ± std", "95% CI", `Δ vs ${summary.baseline}`, "seeds"],
    rows: t.rows.map((r) => [
      `${r.best ? "* " : ""}${r.strategy}`,
      `${fmt(r.stats.mean)} ± ${fmt(r.stats.std)}`,
      `[${fmt(r.stats.ciLow)}, ${fmt(r.stats.ciHigh)}]`,
      r.strategy === summary.baseline ? "baseline" : signed(r.diffToBaseline),
      String(r.stats.n),
    ]),
  }));
  if (summary.sections.length > 0) {
    tables.push({
      title: "analogy accuracy per section (mean correct / questions seen, over seeds)",
      head: ["benchmark", "section", "strategy", "accuracy", "correct / seen"],
      rows: summary.sections.map((s) => [s.benchmark, s.section, s.strategy, fmt(s.total ? s.correct / s.total : 0), `${s.correct.toFixed(1)} / ${s.total}`]),
    });
  }
  tables.push({
    title: "training and geometry",
    head: ["strategy", "words/s", "loss per word by epoch", "mean cos to centroid"],
    rows: summary.training.map((t) => [t.strategy, Math.round(t.wordsPerSecond).toLocaleString("en"), t.lossPerEpoch.map((l) => l.toFixed(3)).join(" → "), fmt(t.meanCosineToCentroid)]),
  });
  return tables;
}

/** The report as cli-table3 tables for the terminal. */
export function renderTerminal(summary: Summary): string {
  const parts = reportTables(summary).map((t) => {
    const table = new Table({ head: t.head });
    table.push(...t.rows);
    return `${t.title}\n${table.toString()}`;
  });
  for (const s of summary.skipped) parts.push(`skipped: ${s}`);
  return parts.join("\n\n");
}

/** The report as Markdown (report.md): the same tables. */
export function renderMarkdown(summary: Summary, environment: Record<string, unknown>): string {
  const lines = [`# ${summary.experiment}`, "", `${summary.cells} cells; baseline \`${summary.baseline}\`.`, ""];
  for (const t of reportTables(summary)) {
    lines.push(`## ${t.title}`, "", `| ${t.head.join(" | ")} |`, `|${t.head.map(() => "---").join("|")}|`);
    for (const row of t.rows) lines.push(`| ${row.join(" | ")} |`);
    lines.push("");
  }
  if (summary.skipped.length > 0) lines.push("## Skipped", "", ...summary.skipped.map((s) => `- ${s}`), "");
  lines.push("## Environment", "", "```json", JSON.stringify(environment, null, 2), "```", "");
  return lines.join("\n");
}

/** results.csv: one tidy row per strategy × seed × benchmark × metric. */
export function renderCsv(cells: CellResult[]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const rows = ["strategy,seed,benchmark,metric,value"];
  for (const c of cells) for (const m of c.metrics) rows.push([quote(c.strategy), c.seed, quote(m.benchmark), m.metric, m.value].join(","));
  return `${rows.join("\n")}\n`;
}
