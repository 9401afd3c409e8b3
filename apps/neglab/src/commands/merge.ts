import { join, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { loadExperiment } from "../experiment/definition.js";
import { readCellResults } from "../grid/cell-result.js";
import { planGrid } from "../grid/plan-grid.js";
import { corpusCacheDir } from "../grid/prepare-corpus.js";
import { ResultsError } from "../grid/results-error.js";
import { checkRunInputs } from "../grid/run-inputs.js";
import { shardDifferences, shardRecord, unfinishedShards } from "../grid/shard-record.js";
import { progressLine } from "../progress.js";
import { writeReport } from "../report/write-report.js";
import { benchmarkDataDir } from "./data-directory.js";
import { DETAILS_FLAG, terminalReport } from "./report-flags.js";

interface MergeArgs {
  experiment: string;
  out: string | undefined;
  html: boolean;
  details: boolean;
}

/** `neglab merge <experiment>`: the report of a sharded run, once every shard has written its cells. */
export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: "merge <experiment>",
  describe: "Build the report of a sharded run from the shared results directory",
  builder: (y) =>
    y
      .positional("experiment", { type: "string", demandOption: true, describe: "The experiment the shards ran" })
      .option("out", { type: "string", describe: "Results directory (default: runs/<experiment name>)" })
      .option("html", {
        type: "boolean",
        default: true,
        describe: "Write report.html next to report.md (--no-html to skip)",
      })
      .options(DETAILS_FLAG),
  handler: async (args) => {
    const experiment = await loadExperiment(args.experiment);
    const out = resolve(args.out ?? join("runs", experiment.name));
    await checkRunInputs(experiment, benchmarkDataDir(), out);
    // The corpus and input digests are part of every cache key, so merge recomputes them to find this experiment's cells.
    const progress = progressLine();
    const { data, inputs, cells } = await planGrid(experiment, benchmarkDataDir(), corpusCacheDir(out), (m) =>
      progress.update(m),
    );
    const results = await readCellResults(out, (m) => progress.done(m));
    const missing = cells.filter((c) => !results.has(c.key));
    if (missing.length > 0) {
      // Cells missing because a shard ran another definition (or other input files) are named as such, not as unfinished shards.
      const differences = await shardDifferences(
        out,
        shardRecord(experiment, { index: 0, count: 1 }, data.digest, inputs),
        (m) => progress.done(m),
      );
      if (differences.length > 0) {
        throw new ResultsError(
          `${out}: ${missing.length} of ${cells.length} cells are missing: ${differences.join("; ")}; rerun those shards with ${experiment.file}, or merge with the definition they ran`,
        );
      }
      // Which shards owe them, from the records the shards left: a failed array task shows as a shard that has not run.
      const shards = await unfinishedShards(out, missing);
      const owed = shards.length > 0 ? `: ${shards.join(", ")}` : "";
      throw new ResultsError(
        `${out}: ${missing.length} of ${cells.length} cells are missing (${missing.map((c) => `${c.strategy.name} seed ${c.seed}`).join(", ")})${owed}; run the remaining shards first`,
      );
    }
    console.log(
      await writeReport(
        experiment,
        cells.map((c) => results.get(c.key)!),
        out,
        { html: args.html, ...terminalReport(args.details) },
      ),
    );
  },
};
