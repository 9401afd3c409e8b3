import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeHtmlReport } from "@neglab/report-html";
import type { Experiment } from "../experiment/definition.js";
import type { CellResult } from "../grid/cell-result.js";
import { environment as currentEnvironment } from "./environment.js";
import { htmlReportInput } from "./html-input.js";
import { renderCsv, renderMarkdown, renderTerminal } from "./render.js";
import { summarize } from "./summary.js";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** Also write report.html (@neglab/report-html). Default true. */
  html?: boolean;
  /** The environment to record; default the current one (`neglab report` passes the run's own). */
  environment?: Record<string, unknown>;
}

/** What config.json holds: enough to reproduce the run and to re-render its report (`neglab report`). */
export interface RunConfig {
  experiment: Experiment;
  environment: Record<string, unknown>;
  /** Cache keys of the run's cells, in grid order. */
  cells: string[];
}

/**
 * Writes report.md, results.csv, summary.json, config.json (the resolved
 * experiment, the environment and the cells' keys) and, unless `html` is
 * false, report.html into `runDir`; returns the terminal report.
 */
export async function writeReport(experiment: Experiment, cells: CellResult[], runDir: string, options: WriteReportOptions = {}): Promise<string> {
  const ordered = [...cells].sort((a, b) => a.strategy.localeCompare(b.strategy) || a.seed - b.seed);
  const summary = summarize(experiment.name, experiment.baseline, experiment.strategies.map((s) => s.name), ordered);
  const env = options.environment ?? currentEnvironment();
  const config: RunConfig = { experiment, environment: env, cells: cells.map((c) => c.key) };
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(join(runDir, "results.csv"), renderCsv(ordered));
  await writeFile(join(runDir, "report.md"), renderMarkdown(summary, env));
  await writeFile(join(runDir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
  if (options.html ?? true) await writeHtmlReport(join(runDir, "report.html"), htmlReportInput(experiment, summary, ordered, env));
  return renderTerminal(summary);
}
