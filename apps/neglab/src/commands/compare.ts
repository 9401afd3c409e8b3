import { createTable } from "../terminal.js";
import type { CommandModule } from "yargs";
import { metricRange, seedStats, type SeedStats } from "../report/summary.js";
import { readRun, type RunResults } from "./run-results.js";

interface CompareArgs {
  runs: string[];
  json: boolean;
}

/** One benchmark metric across runs: per strategy, the seed statistics of each run (null where a run lacks it). */
interface MetricComparison {
  benchmark: string;
  metric: string;
  rows: { strategy: string; runs: (SeedStats | null)[] }[];
}

/**
 * Lines up several runs: for every benchmark metric any run reports, every
 * strategy any run has, the mean ± sample std over that run's seeds (see
 * `seedStats`), in the order the metrics and strategies first appear.
 */
function compareRuns(runs: RunResults[]): MetricComparison[] {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const all = runs.flatMap((r) => r.rows);
  const metrics = unique(all.map((r) => `${r.benchmark}\u0000${r.metric}`));
  const strategies = unique(all.map((r) => r.strategy));
  return metrics.map((key) => {
    const [benchmark, metric] = key.split("\u0000");
    const rows = strategies
      .map((strategy) => ({
        strategy,
        runs: runs.map((run) => {
          const values = run.rows
            .filter((r) => r.strategy === strategy && r.benchmark === benchmark && r.metric === metric)
            .map((r) => r.value);
          return values.length > 0 ? seedStats(values, metricRange(metric)) : null;
        }),
      }))
      .filter((row) => row.runs.some((s) => s !== null));
    return { benchmark, metric, rows };
  });
}

/** `neglab compare <run-dir…>`: several runs' results side by side, one table per benchmark metric. */
export const compareCommand: CommandModule<object, CompareArgs> = {
  command: "compare <runs..>",
  describe: "Compare run directories (written by neglab run): per benchmark metric, each strategy's mean ± std per run",
  builder: (y) =>
    y
      .positional("runs", {
        type: "string",
        array: true,
        demandOption: true,
        describe: "Run directories holding summary.json and results.csv",
      })
      .option("json", { type: "boolean", default: false, describe: "Print the comparison as JSON" })
      .example("$0 compare runs/default runs/default-negative-10", ""),
  handler: async (args) => {
    const runs: RunResults[] = [];
    for (const dir of args.runs) runs.push(await readRun(dir));
    const comparison = compareRuns(runs);
    if (args.json) {
      console.log(
        JSON.stringify(
          {
            runs: runs.map((r) => ({ dir: r.dir, experiment: r.experiment, baseline: r.baseline })),
            metrics: comparison,
          },
          null,
          2,
        ),
      );
      return;
    }
    for (const { benchmark, metric, rows } of comparison) {
      const table = createTable({ head: ["strategy", ...runs.map((r) => `${r.dir}\n(${r.experiment})`)] });
      for (const row of rows)
        table.push([
          row.strategy,
          ...row.runs.map((s) =>
            s === null
              ? "—"
              : Number.isNaN(s.mean)
                ? `n/a (n=${s.n})`
                : `${s.mean.toFixed(4)} ± ${s.std.toFixed(4)} (n=${s.n})`,
          ),
        ]);
      console.log(`${benchmark} — ${metric}\n${table.toString()}\n`);
    }
  },
};
