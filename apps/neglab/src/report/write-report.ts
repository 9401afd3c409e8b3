import { mkdir, readdir, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { renderHtmlReport } from "@neglab/report-html";
import type { Experiment } from "../experiment/definition.js";
import type { CellResult } from "../grid/cell-result.js";
import { processAlive } from "../grid/run-lock.js";
import { environment as currentEnvironment } from "./environment.js";
import { htmlReportInput } from "./html-input.js";
import { renderCsv, renderMarkdown, renderTerminal } from "./render.js";
import { summarize } from "./summary.js";
import { buildVerdict } from "./verdict.js";
import { renderVerdictTerminal } from "./verdict-render.js";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Also write report.html (@neglab/report-html). Default true. */
  html?: boolean;
  /** The environment to record; default the current one (`neglab report` passes the run's own). */
  environment?: Record<string, unknown>;
  /** Return the full tables (`--details`) before the summary. Default false. */
  details?: boolean;
  /** The columns the terminal summary must fit in (see `terminalColumns`). Default 100. */
  columns?: number;
}

/** What config.json holds: enough to reproduce the run and to re-render its report (`neglab report`). */
export interface RunConfig {
  experiment: Experiment;
  environment: Record<string, unknown>;
  /** Cache keys of the run's cells, in grid order. */
  cells: string[];
}

/** The files rendered from config.json and the cells; removed together before a new set is renamed in. */
const REPORT_FILES = ["summary.json", "results.csv", "report.md", "report.html"] as const;

/** Temporary names of a set being written: `.report-set.<pid>.<file>.tmp`, so leftovers of a killed writer can be recognised. */
const TEMPORARY = /^\.report-set\.(\d+)\..+\.tmp$/;

/**
 * Writes report.md, results.csv, summary.json, config.json (the resolved
 * experiment, the environment and the cells' keys) and, unless `html` is
 * false, report.html into `runDir`; returns the terminal report: the verdict's
 * summary fitted to `columns` and the files' paths, after the full tables with `details`.
 *
 * The files are written as one set, so that a report never sits beside files
 * of an earlier run (a stale report.html next to a fresh report.md after
 * `--no-html`, or after a kill between two writes): every file is first written
 * under a temporary name; then the old rendered files are removed, config.json
 * is renamed into place and the new rendered files after it. A kill at any
 * point leaves either the old set, or a config.json with some or none of its
 * own rendered files (which `neglab report` regenerates), never a mix of two runs.
 */
export async function writeReport(experiment: Experiment, cells: CellResult[], runDir: string, options: WriteReportOptions = {}): Promise<string> {
  const ordered = [...cells].sort((a, b) => a.strategy.localeCompare(b.strategy) || a.seed - b.seed);
  const summary = summarize(experiment.name, experiment.baseline, experiment.strategies.map((s) => s.name), ordered);
  const verdict = buildVerdict(summary);
  const env = options.environment ?? currentEnvironment();
  const config: RunConfig = { experiment, environment: env, cells: cells.map((c) => c.key) };
  const files = new Map<string, string>([
    ["config.json", `${JSON.stringify(config, null, 2)}\n`],
    ["summary.json", `${JSON.stringify(summary, null, 2)}\n`],
    ["results.csv", renderCsv(ordered)],
    ["report.md", renderMarkdown(summary, verdict, env)],
  ]);
  if (options.html ?? true) files.set("report.html", await renderHtmlReport(htmlReportInput(experiment, summary, verdict, ordered, env)));
  await mkdir(runDir, { recursive: true });
  await removeAbandonedSets(runDir);
  await replaceSet(runDir, files);
  const html = options.html ?? true;
  const names = [html ? "report.html" : "report.md", ...(html ? ["report.md"] : []), "results.csv", "summary.json", "config.json"];
  const brief = renderVerdictTerminal(verdict, options.columns ?? 100, { dir: runDir, names });
  return options.details ? `${renderTerminal(summary)}\n\n${brief}` : brief;
}

/** Writes `files` (name → text) under temporary names, then swaps them in for the old set as {@link writeReport} describes. */
async function replaceSet(runDir: string, files: Map<string, string>): Promise<void> {
  const temporary = (name: string) => join(runDir, `.report-set.${process.pid}.${name}.tmp`);
  try {
    for (const [name, text] of files) await writeFile(temporary(name), text);
    // report.html first, the reverse of the renames: a failure leaves the set whole, or without its last files.
    for (const name of [...REPORT_FILES].reverse()) await unlink(join(runDir, name)).catch(ignoreMissing);
  } catch (error) {
    // Nothing of the new set is in place yet: drop it; what was there stays (perhaps without its last files).
    for (const name of files.keys()) await unlink(temporary(name)).catch(() => undefined);
    throw error;
  }
  await rename(temporary("config.json"), join(runDir, "config.json"));
  for (const name of REPORT_FILES) if (files.has(name)) await rename(temporary(name), join(runDir, name));
}

/** Removes the temporary files of report sets whose writer is gone (killed before it renamed them). */
async function removeAbandonedSets(runDir: string): Promise<void> {
  for (const name of await readdir(runDir)) {
    const match = TEMPORARY.exec(name);
    if (match && !processAlive(Number(match[1]))) await unlink(join(runDir, name)).catch(ignoreMissing);
  }
}

/** Rethrows every error but "no such file" (the file to remove is already gone). */
function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
