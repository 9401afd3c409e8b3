import { realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { describeFileKind } from "@neglab/files";
import { benchmarkPath } from "../experiment/benchmark-data.js";
import { ExperimentError, type Experiment } from "../experiment/definition.js";
import { samplerFiles } from "../experiment/sampler-files.js";
import { checkOutputDirectory, checkOutputs, OutputPathError, type InputRequest } from "../output-paths.js";
import { corpusPath } from "./prepare-corpus.js";

/** The files `run`, `merge` and `report` write at the top of a results directory (see `writeReport`). */
const REPORT_SET = ["config.json", "summary.json", "results.csv", "report.md", "report.html"] as const;

/** The directories and name patterns of a results directory that hold the run's own bookkeeping: cells, shard records, locks, temporary report files. */
const OWN_DIRECTORIES = ["cells", "shards"] as const;
const OWN_NAMES = /^(\.lock-shard-|\.report-set\.)/;

/** Every file a run of `experiment` reads, labelled by its field: the definition, the corpus (unless `brown`), the benchmark files found and the sampler weights files. */
function runInputs(experiment: Experiment, dataDir: string | undefined): InputRequest[] {
  const inputs: InputRequest[] = [{ label: "the experiment definition", path: experiment.file }];
  const corpus = corpusPath(experiment);
  if (corpus !== "brown") inputs.push({ label: "corpus.source", path: corpus });
  experiment.benchmarks.forEach((b, i) => {
    const path = benchmarkPath(b, dataDir);
    if (path !== null) inputs.push({ label: `benchmarks[${i}].path`, path });
  });
  experiment.strategies.forEach((s, i) => {
    for (const { field, path } of samplerFiles(s.sampler, experiment.baseDir))
      inputs.push({ label: `strategies[${i}].sampler.${field}`, path });
  });
  return inputs;
}

/**
 * Checks, before any work, that the inputs of a run can be read without
 * blocking and that nothing the run writes into `out` is one of them:
 *
 * - the corpus is a regular file or a directory, every benchmark and weights
 *   file a regular file: a FIFO or a device would block the reader forever
 *   (an {@link ExperimentError} naming the field and path);
 * - no file of the report set (config.json, summary.json, results.csv,
 *   report.md, report.html) is an input, by path, link or inode (`checkOutputs`),
 *   and no input sits in the run's own bookkeeping (cells/, shards/, lock and
 *   temporary report files), which runs replace or remove: otherwise a
 *   definition saved as `<out>/config.json` would be replaced by the run's
 *   resolved copy ({@link OutputPathError} naming both);
 * - a directory that holds files of the report set but no `cells/` (every
 *   neglab run creates it before writing a report) is someone else's: its files
 *   would be replaced, so it is refused too.
 */
export async function checkRunInputs(experiment: Experiment, dataDir: string | undefined, out: string): Promise<void> {
  const inputs = runInputs(experiment, dataDir);
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => null);
    if (info === null) continue; // missing inputs are reported by their readers with the places searched
    if (info.isFile() || (input.label === "corpus.source" && info.isDirectory())) continue;
    const field = input.label === "the experiment definition" ? "(file)" : input.label;
    throw new ExperimentError(
      experiment.file,
      field,
      `${input.path}: not a regular file (${describeFileKind(info)}); reading it could block forever`,
    );
  }
  await checkOutputDirectory("--out", out);
  const outInfo = await stat(out).catch(() => null);
  if (outInfo === null) return; // created by the run: nothing in it can be an input
  await checkOutputs(
    REPORT_SET.map((name) => ({ label: `results file ${name} of --out`, path: join(out, name) })),
    inputs,
  );
  for (const input of inputs) {
    const own = await ownFile(out, input.path);
    if (own !== null)
      throw new OutputPathError(
        `--out ${out}: ${input.label} ${input.path} is ${own}, which runs replace or remove; move the input out of the results directory`,
      );
  }
  const foreign = await foreignReportFiles(out);
  if (foreign.length > 0) {
    throw new OutputPathError(
      `--out ${out}: holds ${foreign.join(", ")} but no cells/ directory, so no neglab run wrote them and the report would replace them; ` +
        "choose another --out or move those files",
    );
  }
}

/** The report-set files in `out` when it has no `cells/` directory (so no neglab run wrote them); empty otherwise. */
async function foreignReportFiles(out: string): Promise<string[]> {
  if ((await stat(join(out, "cells")).catch(() => null))?.isDirectory()) return [];
  const present = await Promise.all(
    REPORT_SET.map(async (name) => ((await stat(join(out, name)).catch(() => null)) === null ? null : name)),
  );
  return present.filter((name): name is (typeof REPORT_SET)[number] => name !== null);
}

/** What of the run's own bookkeeping in `out` the input at `path` is (by real path), or null when it is none of it. */
async function ownFile(out: string, path: string): Promise<string | null> {
  const [realOut, real] = await Promise.all([realpath(out), realpath(path).catch(() => path)]);
  for (const dir of OWN_DIRECTORIES) {
    const own = join(realOut, dir);
    if (real === own || real.startsWith(`${own}/`)) return `in ${dir}/ of the results directory`;
  }
  const name = real.slice(realOut.length + 1);
  return real.startsWith(`${realOut}/`) && !name.includes("/") && OWN_NAMES.test(name)
    ? "a lock or temporary file of the results directory"
    : null;
}
