import { existsSync } from "node:fs";
import { join } from "node:path";
import { BenchmarkError } from "../errors.js";
import { cacheDirectory, dataDirectory } from "./directories.js";
import { getDataset } from "./registry.js";

/** Where to look for dataset files (see {@link dataDirectory} and {@link cacheDirectory} for the defaults). */
export interface DatasetLocation {
  /** The data directory; default `$NEGLAB_DATA`. */
  dataDir?: string;
  /** The fetch cache; default `$XDG_CACHE_HOME/neglab/datasets` or `~/.cache/neglab/datasets`. */
  cacheDir?: string;
}

/**
 * The absolute path of a dataset's file: `<data dir>/<file>` when it exists,
 * else `<cache dir>/<file>` (where {@link fetchDataset} puts it). Does not read
 * the file; see {@link verifyDataset}.
 *
 * @throws BenchmarkError naming the dataset, the file and the places searched, and
 *   the `neglab data fetch <name>` command that downloads it.
 */
export function locateDataset(name: string, options: DatasetLocation = {}): string {
  const dataset = getDataset(name);
  const dataDir = dataDirectory(options);
  const cacheDir = cacheDirectory(options);
  const candidates = [...(dataDir === undefined ? [] : [dataDir]), cacheDir].map((dir) => join(dir, dataset.file));
  const found = candidates.find((path) => existsSync(path));
  if (found !== undefined) return found;
  const where =
    dataDir === undefined
      ? `in the cache ${cacheDir} (NEGLAB_DATA is not set)`
      : `in the data directory ${dataDir} nor in the cache ${cacheDir}`;
  throw new BenchmarkError(
    `dataset ${dataset.name} (${dataset.title}): ${dataset.file} not found ${where}; download it with: neglab data fetch ${dataset.name}`,
  );
}
