import { BenchmarkError } from "../errors.js";
import { locateDataset, type DatasetLocation } from "./locate.js";
import { getDataset } from "./registry.js";
import { sha256File } from "@neglab/files";

/**
 * Checks a dataset file against the registry's SHA-256: the file at `path`, or
 * the one {@link locateDataset} finds. Returns its path.
 *
 * @throws BenchmarkError naming the file, both checksums and how to replace it when they differ.
 */
export async function verifyDataset(name: string, options: DatasetLocation & { path?: string } = {}): Promise<string> {
  const dataset = getDataset(name);
  const path = options.path ?? locateDataset(name, options);
  const actual = await sha256File(path);
  if (actual !== dataset.sha256) {
    throw new BenchmarkError(
      `sha256 mismatch for dataset ${dataset.name}: expected ${dataset.sha256}, got ${actual}; the file is damaged or another version — delete it and run: neglab data fetch ${dataset.name}`,
      { file: path },
    );
  }
  return path;
}
