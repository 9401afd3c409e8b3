import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { DEFAULT_SAMPLER_TIMEOUT } from "@neglab/trainer";
import type { CommandModule } from "yargs";
import {
  checkSimilarityCoverage,
  fetchMissingBenchmarks,
  reportUnparsableBenchmarkLines,
} from "../experiment/benchmark-data.js";
import { loadExperiment } from "../experiment/definition.js";
import { checkExperimentModelSizes } from "../experiment/model-size.js";
import { preflightExperimentSamplers } from "../experiment/trainer-settings.js";
import { readCellResults, writeCellResult } from "../grid/cell-result.js";
import { planGrid } from "../grid/plan-grid.js";
import { corpusCacheDir } from "../grid/prepare-corpus.js";
import { runCell } from "../grid/run-cell.js";
import { checkRunInputs } from "../grid/run-inputs.js";
import { lockRun } from "../grid/run-lock.js";
import { resolveShard } from "../grid/shard.js";
import { writeShardRecord, shardRecord } from "../grid/shard-record.js";
import { gridProgress, progressLine } from "../progress.js";
import { writeReport } from "../report/write-report.js";
import { benchmarkDataDir } from "./data-directory.js";
import { FETCH_TIMEOUT_FLAG, fetchTimeouts } from "./fetch-timeout.js";
import { numberFlag } from "./number-flags.js";
import { DETAILS_FLAG, terminalReport } from "./report-flags.js";
import { samplerTimeoutFlag } from "./train-config.js";

interface RunArgs {
  experiment: string;
  out: string | undefined;
  shard: string | undefined;
  "shard-count": number | undefined;
  force: boolean;
  html: boolean;
  details: boolean;
  fetch: boolean;
  "fetch-from": string | undefined;
  timeout: number;
  "sampler-timeout": number | undefined;
}

/** `neglab run <experiment>`: trains and evaluates every (strategy × seed) cell, then writes the report. */
export const runCommand: CommandModule<object, RunArgs> = {
  command: "run <experiment>",
  describe: "Run an experiment: train and evaluate every strategy × seed cell (cached), then report",
  builder: (y) =>
    y
      .positional("experiment", {
        type: "string",
        demandOption: true,
        describe: "An experiment directory (with experiment.json) or JSON file",
      })
      .option("out", { type: "string", describe: "Results directory (default: runs/<experiment name>)" })
      .option("shard", {
        type: "string",
        describe: "Run only share i of n of the cells, e.g. 2/3 (also SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX)",
      })
      .option(
        "shard-count",
        numberFlag("shard-count", { describe: "Shard count for JOB_COMPLETION_INDEX (or NEGLAB_SHARD_COUNT)" }),
      )
      .option("force", { type: "boolean", default: false, describe: "Recompute cells that are already cached" })
      .option("html", {
        type: "boolean",
        default: true,
        describe: "Write report.html next to report.md (--no-html to skip)",
      })
      .options(DETAILS_FLAG)
      .option("fetch", {
        type: "boolean",
        default: true,
        describe:
          "Download missing registered benchmark datasets into the cache first, checksum-verified (--no-fetch to fail instead)",
      })
      .option("fetch-from", {
        type: "string",
        describe: "Download them from this mirror of the data directory (<url>/<file>) instead of their sources",
      })
      .options(FETCH_TIMEOUT_FLAG)
      .option(
        "sampler-timeout",
        numberFlag("sampler-timeout", {
          describe: `Milliseconds a custom sampler module may take to load or in one call before the run stops with an error naming it [default: ${DEFAULT_SAMPLER_TIMEOUT}]`,
        }),
      ),
  handler: async (args) => {
    // 1. Validate the definition and the shard before any work.
    const experiment = await loadExperiment(args.experiment);
    const timeouts = fetchTimeouts(args.timeout);
    const samplerTimeout = samplerTimeoutFlag(args["sampler-timeout"]);
    const preflight = args["sampler-timeout"] === undefined ? {} : { timeoutMs: samplerTimeout };
    // every strategy's sampler is built (weights files parsed, custom modules run under a time limit) before the corpus is read
    await preflightExperimentSamplers(experiment, preflight);
    // a model too large for WebAssembly's 4 GiB with the words train.maxFinalVocab allows, before the corpus is read
    checkExperimentModelSizes(experiment);
    const shard = resolveShard(args.shard, args["shard-count"]);
    const out = resolve(args.out ?? join("runs", experiment.name));
    const progress = progressLine();
    const dataDir = benchmarkDataDir();
    // inputs that would block a reader, or that the results would overwrite, are refused before the results directory is touched
    await checkRunInputs(experiment, dataDir, out);
    // 2. One run per shard of a results directory at a time (shards of one array job share it on purpose).
    await mkdir(join(out, "cells"), { recursive: true });
    const lock = lockRun(out, shard, (m) => progress.done(m));
    try {
      if (args.fetch)
        await fetchMissingBenchmarks(experiment, dataDir, (m) => progress.done(m), args["fetch-from"], timeouts);

      await reportUnparsableBenchmarkLines(experiment, dataDir, (m) => progress.done(m));
      // 3. Read the corpus once; the cells' cache keys include its digest and those of the benchmark and weights files.
      const { data, inputs, cells } = await planGrid(experiment, dataDir, corpusCacheDir(out), (m) =>
        progress.update(m),
      );
      progress.done(
        `corpus ${data.corpus.name}: ${data.encoded.tokens} in-vocabulary tokens, ${data.vocabulary.size} words`,
      );
      // refusals that depend on the corpus's counts (every strategy's model fits the words counted; redraw where one word
      // holds nearly all the mass) before the first cell
      checkExperimentModelSizes(experiment, data.vocabulary);
      await preflightExperimentSamplers(experiment, { ...preflight, vocabulary: data.vocabulary });
      // a similarity benchmark with no pair in the vocabulary would fail only after the first cell trained
      await checkSimilarityCoverage(experiment, dataDir, data.vocabulary);
      await writeShardRecord(out, shardRecord(experiment, shard, data.digest, inputs));
      const mine = cells.filter((c) => c.index % shard.count === shard.index);
      const done = await readCellResults(out, (m) => progress.done(m));

      // 4. Train and evaluate each missing cell; each result is its own atomically written file.
      const grid = gridProgress(mine.length);
      try {
        for (const [i, cell] of mine.entries()) {
          const label = `[${i + 1}/${mine.length}] ${cell.strategy.name} seed ${cell.seed}`;
          if (done.has(cell.key) && !args.force) {
            grid.cached(`${label} (${cell.key})`);
            continue;
          }
          grid.start(label);
          const result = await runCell(experiment, cell, data, dataDir, (p) => grid.training(p), samplerTimeout);
          await writeCellResult(out, result);
          done.set(cell.key, result);
          grid.trained(result.trainSeconds, `(${result.key})`);
        }
      } finally {
        grid.close();
      }

      // 5. Report once every cell of the grid is present (a shard leaves that to `neglab merge`).
      const all = cells.map((c) => done.get(c.key));
      if (all.some((r) => r === undefined)) {
        console.log(
          `shard ${shard.index + 1}/${shard.count} finished ${mine.length} cells in ${out}; run \`neglab merge ${args.experiment} --out ${out}\` when all shards are done`,
        );
        return;
      }
      for (const s of all[0]!.skipped) process.stderr.write(`skipped: ${s}\n`);
      console.log(
        await writeReport(
          experiment,
          all.map((r) => r!),
          out,
          { html: args.html, ...terminalReport(args.details) },
        ),
      );
    } finally {
      lock.release();
    }
  },
};
