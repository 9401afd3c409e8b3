import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@neglab/vectors";

/** One metric of one benchmark for one cell: a tidy row of results.csv. */
export interface Metric {
  benchmark: string;
  metric: string;
  value: number;
}

/** Everything a finished cell produced; stored as `cells/<key>.json`. */
export interface CellResult {
  key: string;
  strategy: string;
  seed: number;
  settings: Record<string, unknown>;
  metrics: Metric[];
  /** Analogy accuracy per section: [benchmark, section, correct, total]. */
  sections: [string, string, number, number][];
  lossPerEpoch: number[];
  wordsPerSecond: number;
  trainSeconds: number;
  /** Mean cosine of the vectors to their centroid (Mimno & Thompson 2017). */
  meanCosineToCentroid: number;
  /** Benchmarks skipped with the reason (e.g. a missing data file). */
  skipped: string[];
}

/** Path of a cell's result file inside a results directory. */
export function cellPath(resultsDir: string, key: string): string {
  return join(resultsDir, "cells", `${key}.json`);
}

/** Writes a finished cell atomically (temp file + rename): a kill leaves either nothing or the whole file. */
export async function saveCellResult(resultsDir: string, result: CellResult): Promise<void> {
  await writeFileAtomically(cellPath(resultsDir, result.key), [new TextEncoder().encode(`${JSON.stringify(result, null, 1)}\n`)]);
}

/** Every finished cell in `resultsDir`, by key. */
export async function loadCellResults(resultsDir: string): Promise<Map<string, CellResult>> {
  const dir = join(resultsDir, "cells");
  const names = await readdir(dir).catch(() => [] as string[]);
  const results = new Map<string, CellResult>();
  for (const name of names.filter((n) => n.endsWith(".json"))) {
    const result = JSON.parse(await readFile(join(dir, name), "utf8")) as CellResult;
    results.set(result.key, result);
  }
  return results;
}
