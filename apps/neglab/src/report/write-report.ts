import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Experiment } from "../experiment/definition.js";
import type { CellResult } from "../grid/cell-result.js";
import { environment } from "./environment.js";
import { renderCsv, renderMarkdown, renderTerminal } from "./render.js";
import { summarize } from "./summary.js";

/**
 * Writes report.md, results.csv, summary.json and config.json (the resolved
 * experiment and environment) into `runDir`, and returns the terminal report.
 */
export async function writeReport(experiment: Experiment, cells: CellResult[], runDir: string): Promise<string> {
  const ordered = [...cells].sort((a, b) => a.strategy.localeCompare(b.strategy) || a.seed - b.seed);
  const summary = summarize(experiment.name, experiment.baseline, experiment.strategies.map((s) => s.name), ordered);
  const env = environment();
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, "summary.json"), `${JSON.stringify(summary, null, 2)}\n`);
  await writeFile(join(runDir, "results.csv"), renderCsv(ordered));
  await writeFile(join(runDir, "report.md"), renderMarkdown(summary, env));
  await writeFile(join(runDir, "config.json"), `${JSON.stringify({ experiment, environment: env }, null, 2)}\n`);
  return renderTerminal(summary);
}
