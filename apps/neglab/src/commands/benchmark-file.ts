import { access } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { getDataset, locateDataset } from "@neglab/eval";

/** A benchmark file to score: a display name and its path. */
export interface BenchmarkFile {
  name: string;
  path: string;
}

/**
 * Resolves a `--analogy` / `--similarity` value: an existing file is used as
 * is (named after its file name); anything else must name a dataset of the
 * `@neglab/eval` registry (`neglab data list`) of the right kind, found in the
 * data directory or the fetch cache (`locateDataset`, whose error says how to fetch it).
 */
export async function resolveBenchmarkFile(
  value: string,
  kind: "analogy" | "similarity",
  location: { dataDir?: string; cacheDir?: string },
): Promise<BenchmarkFile> {
  const path = resolve(value);
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    return { name: basename(value), path };
  const fail = (message: string): never => {
    throw new Error(`--${kind} ${value}: ${message}`);
  };
  const dataset = (() => {
    try {
      return getDataset(value);
    } catch (error) {
      return fail(`no such file, and ${(error as Error).message}`);
    }
  })();
  if (dataset.kind !== kind) fail(`${dataset.name} is a ${dataset.kind} dataset; give it to --${dataset.kind}`);
  try {
    return { name: dataset.name, path: locateDataset(dataset.name, location) };
  } catch (error) {
    return fail((error as Error).message);
  }
}
