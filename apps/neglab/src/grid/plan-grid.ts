import { checkBenchmarkData } from "../experiment/benchmark-data.js";
import type { Experiment } from "../experiment/definition.js";
import { gridCells, type Cell } from "./cells.js";
import { inputDigests, type InputDigests } from "./input-digests.js";
import { prepareCorpus } from "./prepare-corpus.js";
import type { PreparedCorpus } from "./run-cell.js";

/**
 * Everything `run` and `merge` need before training: fails first when a
 * required benchmark file is missing, then prepares the corpus once (counted and
 * encoded into the corpus cache `cacheDir`, or read back from it) and keys every
 * cell by the corpus digest and the digests of the benchmark and sampler files
 * (also returned, for the shard record).
 */
export async function planGrid(
  experiment: Experiment,
  dataDir: string | undefined,
  cacheDir: string,
  onProgress: (message: string) => void,
): Promise<{ data: PreparedCorpus & { digest: string }; inputs: InputDigests; cells: Cell[] }> {
  checkBenchmarkData(experiment, dataDir);
  const data = await prepareCorpus(experiment, cacheDir, onProgress);
  const inputs = await inputDigests(experiment, dataDir);
  return { data, inputs, cells: gridCells(experiment, data.digest, inputs) };
}
