import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { z } from "zod";
import type { Experiment } from "../experiment/definition.js";
import { readCellResults, type CellResult } from "../grid/cell-result.js";
import { ResultsError } from "../grid/results-error.js";
import { arrayOf, expecting, firstProblem, TEXT } from "../schema-issues.js";
import { writeReport, type RunConfig } from "../report/write-report.js";
import { DETAILS_FLAG, terminalReport } from "./report-flags.js";

interface ReportArgs {
  "run-dir": string;
  html: boolean;
  details: boolean;
}

/**
 * The cells of the run in `runDir`: those config.json lists, or — for a run
 * directory written before config.json listed its cells — the one cell of each
 * strategy × seed of the experiment.
 */
async function runCells(
  runDir: string,
  config: Partial<RunConfig> & { experiment: Experiment },
): Promise<CellResult[]> {
  const results = await readCellResults(runDir, (m) => process.stderr.write(`${m}\n`));
  if (config.cells !== undefined) {
    const missing = config.cells.filter((key) => !results.has(key));
    if (missing.length > 0)
      throw new ResultsError(
        `${runDir}: config.json lists ${missing.length} cells not in cells/ (${missing.join(", ")}); rerun \`neglab run\` to train them again`,
      );
    return config.cells.map((key) => results.get(key)!);
  }
  const { strategies, seeds } = config.experiment;
  return strategies.flatMap((s) =>
    seeds.map((seed) => {
      const found = [...results.values()].filter((c) => c.strategy === s.name && c.seed === seed);
      if (found.length !== 1)
        throw new ResultsError(
          `${runDir}: ${found.length} cells for ${s.name} seed ${seed} in cells/; expected exactly one (rerun \`neglab merge\` to list the run's cells)`,
        );
      return found[0];
    }),
  );
}

/** An object whose listed fields have their schemas; the rest of the resolved experiment is kept as written. */
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.looseObject(shape, { error: expecting("an object") });

/** The parts of config.json `report` reads (definitions from before `report`, `optional` and `cells` existed included). */
const CONFIG = object({
  experiment: object({
    name: TEXT,
    corpus: object({ source: TEXT }),
    strategies: arrayOf(object({ name: TEXT, sampler: object({}) })),
    seeds: arrayOf(z.int({ error: expecting("an integer") })),
    benchmarks: arrayOf(
      object({
        name: TEXT,
        type: TEXT,
        path: TEXT,
        optional: z.boolean({ error: expecting("true or false") }).optional(),
      }),
    ),
    baseline: TEXT,
    report: object({ probes: arrayOf(TEXT).nullable() }).optional(),
  }),
  environment: object({}).optional(),
  cells: arrayOf(TEXT).optional(),
});

/** Reads a run's config.json: a missing, unparsable or wrongly shaped one is a {@link ResultsError} naming the file and field. */
async function readRunConfig(path: string): Promise<Partial<RunConfig> & { experiment: Experiment }> {
  const text = await readFile(path, "utf8").catch(() => {
    throw new ResultsError(`${dirname(path)}: no config.json; is this a run directory of neglab run?`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ResultsError(
      `${path}: damaged (not valid JSON: ${(error as Error).message}); rerun \`neglab run\` or \`neglab merge\` to write it again`,
    );
  }
  const parsed = CONFIG.safeParse(json);
  if (!parsed.success) {
    const problem = firstProblem(parsed.error.issues)!;
    throw new ResultsError(
      `${path}: damaged (${problem.field}: ${problem.message}); rerun \`neglab run\` or \`neglab merge\` to write it again`,
    );
  }
  return json as Partial<RunConfig> & { experiment: Experiment };
}

/** `neglab report <run-dir>`: re-renders a finished run's report from its cells, without training. */
export const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report <run-dir>",
  describe:
    "Re-render report.md, results.csv, summary.json and report.html of a finished run from its cells (no training)",
  builder: (y) =>
    y
      .positional("run-dir", {
        type: "string",
        demandOption: true,
        describe: "A run directory written by neglab run or merge (with config.json and cells/)",
      })
      .option("html", {
        type: "boolean",
        default: true,
        describe: "Write report.html next to report.md (--no-html to skip)",
      })
      .options(DETAILS_FLAG),
  handler: async (args) => {
    const runDir = resolve(args["run-dir"]);
    const config = await readRunConfig(join(runDir, "config.json"));
    // Definitions from before `report` and `optional` existed: their defaults.
    const experiment: Experiment = {
      ...config.experiment,
      report: config.experiment.report ?? { probes: null },
      benchmarks: config.experiment.benchmarks.map((b) => ({ ...b, optional: b.optional ?? false })),
    };
    const cells = await runCells(runDir, config);
    console.log(
      await writeReport(experiment, cells, runDir, {
        html: args.html,
        environment: config.environment,
        ...terminalReport(args.details),
      }),
    );
  },
};
