import { join, relative } from "node:path";
import { cutToWidth, displayWidth as columnsOf } from "../display-width.js";
import { createTable } from "../terminal.js";
import { metricLabel, verdictDocument, verdictLegend, verdictTable, verdictTitle, type Verdict } from "./verdict.js";

/** ANSI colour codes (cli-table3's on a terminal) take no columns. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");

/** Columns a line takes on the terminal, colour codes left out (wide characters count 2: see display-width.ts). */
export function displayWidth(line: string): number {
  return columnsOf(line.replace(ANSI, ""));
}

/** The widest line of `text`. */
const widest = (text: string) => Math.max(0, ...text.split("\n").map(displayWidth));

/** `text` cut to `width` columns, ending in `…` when cut. */
const clip = cutToWidth;

/** The longest prefix of `word` (whole code points, at least one) that takes at most `width` columns. */
function widthPrefix(word: string, width: number): string {
  let head = "";
  for (const char of word) {
    if (head !== "" && columnsOf(head + char) > width) break;
    head += char;
  }
  return head;
}

/** Tokens kept on one line with the word after them, so that `p < 0.05`, `* p < 0.05` or `(ρ = 0.652)` never breaks. */
const GLUE = /^\(?(\*{1,3}|\^|p|<|=|ρ)$/;

/**
 * Word-wraps `text` to `width` columns (words longer than a line, such as a
 * long path, are broken), so that the terminal never wraps it itself.
 */
export function wrapText(text: string, width: number): string[] {
  const words: string[] = [];
  for (const token of text.split(/ +/)) {
    const last = words[words.length - 1];
    if (last !== undefined && GLUE.test(last.split(" ").pop()!)) words[words.length - 1] = `${last} ${token}`;
    else words.push(token);
  }
  const lines: string[] = [];
  let line = "";
  for (let word of words) {
    while (columnsOf(word) > width) {
      if (line !== "") lines.push(line);
      const head = widthPrefix(word, width);
      lines.push(head);
      word = word.slice(head.length);
      line = "";
    }
    if (line === "") line = word;
    else if (columnsOf(line) + 1 + columnsOf(word) <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Layout choices of the terminal table, tried from the richest to the narrowest. */
interface Layout {
  ci: boolean;
  /** Benchmark names and metric labels cut to the width of their column's cells. */
  abbreviate: boolean;
  /** Strategy names cut to this many columns. */
  nameWidth?: number;
}

/** One cli-table3 table of the given benchmark columns, without lines between rows. */
function renderTable(verdict: Verdict, columns: number[], layout: Layout): string {
  const { head, rows } = verdictTable(verdict, { ci: layout.ci, columns });
  const headCells = head.map(([benchmark, label], i) => {
    if (!layout.abbreviate) return `${benchmark}\n${label}`;
    const width = Math.max(6, ...rows.map((r) => r[i + 1].length));
    return `${clip(benchmark, width)}\n${clip(metricLabel(verdict.columns[columns[i]].metric, true), width)}`;
  });
  const name = (s: string) => (layout.nameWidth === undefined ? s : clip(s, layout.nameWidth));
  const table = createTable({
    head: ["strategy", ...headCells],
    chars: { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" },
  });
  table.push(...rows.map(([strategy, ...cells]) => [name(strategy), ...cells]));
  return table.toString();
}

/**
 * The table within `width` columns: the full table when it fits, else with
 * abbreviated headers, then without the CI half-widths (full, then abbreviated
 * headers), then split into stacked tables of as many benchmarks as fit (no
 * half-widths), and at last one benchmark a table with the strategy names cut;
 * a terminal narrower than that gets its lines cut.
 */
function fitTable(verdict: Verdict, width: number): { table: string; ci: boolean } {
  const all = verdict.columns.map((_, i) => i);
  const layouts: Layout[] = [
    { ci: true, abbreviate: false },
    { ci: true, abbreviate: true },
    { ci: false, abbreviate: false },
    { ci: false, abbreviate: true },
  ];
  for (const layout of layouts) {
    const table = renderTable(verdict, all, layout);
    if (widest(table) <= width) return { table, ci: layout.ci };
  }
  // Stacked tables (without half-widths, which would only make more of them): benchmarks added to the current table while it fits.
  for (const layout of layouts.filter((l) => !l.ci)) {
    const groups: number[][] = [];
    for (const i of all) {
      const last = groups[groups.length - 1];
      if (last !== undefined && widest(renderTable(verdict, [...last, i], layout)) <= width) last.push(i);
      else groups.push([i]);
    }
    const tables = groups.map((g) => renderTable(verdict, g, layout));
    if (tables.every((t) => widest(t) <= width)) return { table: tables.join("\n"), ci: layout.ci };
  }
  // One benchmark per table, strategy names cut to what is left, lines cut as a last resort.
  const longest = Math.max(...verdict.rows.map((r) => r.strategy.length));
  const single = (nameWidth: number) =>
    all.map((i) => renderTable(verdict, [i], { ci: false, abbreviate: true, nameWidth })).join("\n");
  const over = widest(single(longest)) - width;
  const table = single(Math.max(8, longest - over));
  return {
    table: table
      .split("\n")
      .map((l) => (displayWidth(l) <= width ? l : clip(l.replace(ANSI, ""), width)))
      .join("\n"),
    ci: false,
  };
}

/** What the terminal summary ends with: where the report files are. */
export interface ReportFiles {
  /** The run directory. */
  dir: string;
  /** File names written in it, the one to open first (report.html, else report.md) first. */
  names: string[];
}

/** A path as short as it can be said: relative to the working directory when that is shorter. */
function shortPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel !== "" && rel.length < path.length ? rel : path;
}

/**
 * The terminal summary: title, the strategies × benchmarks table fitted to
 * `columns` ({@link fitTable}), its legend, the verdict sentences, the training
 * speed and the report files, every line within `columns`.
 */
export function renderVerdictTerminal(verdict: Verdict, columns: number, files?: ReportFiles): string {
  const width = Math.max(20, columns);
  const wrap = (text: string) => wrapText(text, width).join("\n");
  const { table, ci } = fitTable(verdict, width);
  const parts = [
    wrap(verdictTitle(verdict)),
    table,
    wrap(verdictLegend(verdict, ci)),
    "",
    ...verdict.sentences.map(wrap),
    "",
    wrap(verdict.speed),
  ];
  for (const s of verdict.skipped) parts.push(wrap(`Skipped: ${s}`));
  if (files !== undefined && files.names.length > 0) {
    const [first, ...rest] = files.names;
    parts.push("", wrap(`report: ${shortPath(join(files.dir, first))}`));
    if (rest.length > 0) parts.push(wrap(`also ${rest.join(", ")} there`));
    parts.push(wrap("the full tables: --details (or report.md)"));
  }
  return parts.join("\n");
}

/** The summary at the top of report.md: the full table (with CI half-widths), its legend and the verdict as Markdown. */
export function renderVerdictMarkdown(verdict: Verdict): string[] {
  const escape = (cell: string) => cell.replaceAll("|", "\\|").replaceAll("*", "\\*").replaceAll("^", "\\^");
  const { title, head, rows, legend, sentences } = verdictDocument(verdict);
  return [
    "## Summary",
    "",
    escape(title),
    "",
    `| ${head.map(escape).join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${row.map(escape).join(" | ")} |`),
    "",
    escape(legend),
    "",
    ...sentences.map((s) => `- ${escape(s)}`),
    "",
  ];
}
