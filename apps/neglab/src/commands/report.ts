import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import type { Experiment } from "../experiment/definition.js";
import { loadCellResults, type CellResult } from "../grid/cell-result.js";
import { writeReport, type RunConfig } from "../report/write-report.js";

interface ReportArgs {
  "run-dir": string;
  html: boolean;
}

/**
 * The cells of the run in `runDir`: those config.json lists, or — for a run
 * directory written before config.json listed its cells — the one cell of each
 * strategy × seed of the experiment.
 */
async function runCells(runDir: string, config: Partial<RunConfig> & { experiment: Experiment }): Promise<CellResult[]> {
  const results = await loadCellResults(runDir);
  if (config.cells !== undefined) {
    const missing = config.cells.filter((key) => !results.has(key));
    if (missing.length > 0) throw new Error(`${runDir}: config.json lists ${missing.length} cells not in cells/ (${missing.join(", ")})`);
    return config.cells.map((key) => results.get(key)!);
  }
  const { strategies, seeds } = config.experiment;
  return strategies.flatMap((s) =>
    seeds.map((seed) => {
      const found = [...results.values()].filter((c) => c.strategy === s.name && c.seed === seed);
      if (found.length !== 1) throw new Error(`${runDir}: ${found.length} cells for ${s.name} seed ${seed} in cells/; expected exactly one (rerun \`neglab merge\` to list the run's cells)`);
      return found[0];
    }),
  );
}

/** `neglab report <run-dir>`: re-renders a finished run's report from its cells, without training. */
export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report <run-dir>",
  describe: "Re-render report.md, results.csv, summary.json and report.html of a finished run from its cells (no training)",
  builder: (y) =>
    y
      .positional("run-dir", { type: "string", demandOption: true, describe: "A run directory written by neglab run or merge (with config.json and cells/)" })
      .option("html", { type: "boolean", default: true, describe: "Write report.html next to report.md (--no-html to skip)" }),
  handler: async (args) => {
    const runDir = resolve(args["run-dir"]);
    const text = await readFile(join(runDir, "config.json"), "utf8").catch(() => {
      throw new Error(`${runDir}: no config.json; is this a run directory of neglab run?`);
    });
    const config = JSON.parse(text) as Partial<RunConfig> & { experiment: Experiment };
    // Definitions from before `report` and `optional` existed: their defaults.
    const experiment: Experiment = {
      ...config.experiment,
      report: config.experiment.report ?? { probes: null },
      benchmarks: config.experiment.benchmarks.map((b) => ({ ...b, optional: b.optional ?? false })),
    };
    const cells = await runCells(runDir, config);
    console.log(await writeReport(experiment, cells, runDir, { html: args.html, environment: config.environment }));
    console.log(`\nreport: ${join(runDir, args.html ? "report.html" : "report.md")}`);
  },
};
