import { sha256File } from "@neglab/files";
import { benchmarkPath } from "../experiment/benchmark-data.js";
import type { Experiment } from "../experiment/definition.js";
import { samplerFiles } from "../experiment/sampler-files.js";

/** sha256 of the files a cell reads besides the corpus: what its cache key must change with. */
export interface InputDigests {
  /** Per benchmark name: the data file's sha256, or "missing" for a skipped optional benchmark. */
  benchmarks: Record<string, string>;
  /**
   * Per strategy name, per sampler file field (e.g. `weights`, `base.weights`; not the absolute path, so machines
   * sharing a results directory agree): its sha256. Kept per strategy so that a cell's key covers only its own
   * strategy's files and editing one weights file retrains only the cells that read it.
   */
  samplerFiles: Record<string, Record<string, string>>;
}

/**
 * Digests the benchmark data files (relative to `dataDir`) and the sampler
 * weights files (relative to the experiment file) so that editing, adding or
 * fetching one of them changes the cache key of the cells that use it.
 */
export async function inputDigests(experiment: Experiment, dataDir: string | undefined): Promise<InputDigests> {
  const benchmarks: Record<string, string> = {};
  for (const benchmark of experiment.benchmarks) {
    const path = benchmarkPath(benchmark, dataDir);
    benchmarks[benchmark.name] = path === null ? "missing" : await sha256File(path);
  }
  const files: Record<string, Record<string, string>> = {};
  for (const strategy of experiment.strategies) {
    const own: Record<string, string> = {};
    for (const { field, path } of samplerFiles(strategy.sampler, experiment.baseDir))
      own[field] = await sha256File(path);
    files[strategy.name] = own;
  }
  return { benchmarks, samplerFiles: files };
}
