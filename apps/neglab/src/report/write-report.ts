import { writeFileSync } from "node:fs";
import { mkdir, readdir, unlink } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { createAtomicFile, processAlive, temporaryNameOwner, type AtomicFile } from "@neglab/files";
import { renderHtmlReport } from "@neglab/report-html";
import type { Experiment } from "../experiment/definition.js";
import type { CellResult } from "../grid/cell-result.js";
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

/**
 * Writes report.md, results.csv, summary.json, config.json (the resolved
 * experiment, the environment and the cells' keys) and, unless `html` is
 * false, report.html into `runDir`; returns the terminal report: the verdict's
 * summary fitted to `columns` and the files' paths, after the full tables with `details`.
 *
 * The files are written as one set, so that a report never sits beside files
 * of an earlier run (a stale report.html next to a fresh report.md after
 * `--no-html`, or after a kill between two writes): every file is first written
 * under a temporary name and flushed (`createAtomicFile` of @neglab/files, which
 * also removes them when the process is interrupted); then the old rendered files are removed, config.json
 * is renamed into place and the new rendered files after it. A kill at any
 * point leaves either the old set, or a config.json with some or none of its
 * own rendered files (which `neglab report` regenerates), never a mix of two runs.
 */
export async function writeReport(
  experiment: Experiment,
  cells: CellResult[],
  runDir: string,
  options: WriteReportOptions = {},
): Promise<string> {
  const ordered = [...cells].sort((a, b) => a.strategy.localeCompare(b.strategy) || a.seed - b.seed);
  const summary = summarize(
    experiment.name,
    experiment.baseline,
    experiment.strategies.map((s) => s.name),
    ordered,
  );
  const verdict = buildVerdict(summary);
  const env = options.environment ?? currentEnvironment();
  const config: RunConfig = { experiment, environment: env, cells: cells.map((c) => c.key) };
  const files = new Map<string, string>([
    ["config.json", `${JSON.stringify(config, null, 2)}\n`],
    ["summary.json", `${JSON.stringify(summary, null, 2)}\n`],
    ["results.csv", renderCsv(ordered)],
    ["report.md", renderMarkdown(summary, verdict, env)],
  ]);
  if (options.html ?? true)
    files.set("report.html", await renderHtmlReport(htmlReportInput(experiment, summary, verdict, ordered, env)));
  await mkdir(runDir, { recursive: true });
  await removeAbandonedSets(runDir);
  await replaceSet(runDir, files);
  const html = options.html ?? true;
  const names = [
    html ? "report.html" : "report.md",
    ...(html ? ["report.md"] : []),
    "results.csv",
    "summary.json",
    "config.json",
  ];
  const brief = renderVerdictTerminal(verdict, options.columns ?? 100, { dir: runDir, names });
  return options.details ? `${renderTerminal(summary)}\n\n${brief}` : brief;
}

/** Writes `files` (name → text) under temporary names, then swaps them in for the old set as {@link writeReport} describes. */
async function replaceSet(runDir: string, files: Map<string, string>): Promise<void> {
  const written = new Map<string, AtomicFile>();
  const abortAll = async (): Promise<void> => {
    // abort after commit does nothing: only what is not in place yet is dropped
    for (const file of written.values()) await file.abort();
  };
  try {
    for (const [name, text] of files) {
      const file = await createAtomicFile(join(runDir, name));
      written.set(name, file);
      writeFileSync(file.fd, text);
    }
    // report.html first, the reverse of the renames: a failure leaves the set whole, or without its last files.
    for (const name of [...REPORT_FILES].reverse()) await unlink(join(runDir, name)).catch(ignoreMissing);
  } catch (error) {
    // Nothing of the new set is in place yet: drop it; what was there stays (perhaps without its last files).
    await abortAll();
    throw error;
  }
  try {
    for (const name of ["config.json", ...REPORT_FILES]) await written.get(name)?.commit();
  } catch (error) {
    await abortAll();
    throw error;
  }
}

/** Removes the temporary files of report sets that a writer on this host left when it was killed (SIGKILL) before renaming them. */
async function removeAbandonedSets(runDir: string): Promise<void> {
  for (const name of await readdir(runDir)) {
    for (const file of ["config.json", ...REPORT_FILES]) {
      const owner = temporaryNameOwner(name, file);
      if (owner !== null && owner.host === hostname() && !processAlive(owner.pid))
        await unlink(join(runDir, name)).catch(ignoreMissing);
    }
  }
}

/** Rethrows every error but "no such file" (the file to remove is already gone). */
function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}
