import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dataDirectory } from "@neglab/eval";
import type { Options } from "yargs";

/** `../shared/data` beside the repository root (this file is apps/neglab/{src,dist}/commands/). */
const BESIDE_REPOSITORY = resolve(fileURLToPath(new URL("../../../../", import.meta.url)), "../shared/data");

/**
 * The benchmark data directory: `given` (a `--data-dir` flag) or `$NEGLAB_DATA`
 * (see `@neglab/eval` `dataDirectory`), else `../shared/data` beside the
 * repository when it exists, else undefined (then only the fetch cache is searched).
 */
export function benchmarkDataDir(given?: string): string | undefined {
  return (
    dataDirectory(given === undefined ? {} : { dataDir: given }) ??
    (existsSync(BESIDE_REPOSITORY) ? BESIDE_REPOSITORY : undefined)
  );
}

/** `--data-dir` and `--cache-dir`: where benchmark datasets are looked up (and fetched to). */
export const DATA_LOCATION_FLAGS = {
  "data-dir": {
    type: "string",
    group: "Data:",
    describe: "Benchmark data directory [default: $NEGLAB_DATA, else ../shared/data beside the repository]",
  },
  "cache-dir": {
    type: "string",
    group: "Data:",
    describe: "Fetch cache [default: $XDG_CACHE_HOME/neglab/datasets or ~/.cache/neglab/datasets]",
  },
} as const satisfies Record<string, Options>;

/** The `{ dataDir, cacheDir }` location the dataset functions of `@neglab/eval` take, from the flags. */
export function dataLocation(args: { "data-dir"?: string; "cache-dir"?: string }): {
  dataDir?: string;
  cacheDir?: string;
} {
  const dataDir = benchmarkDataDir(args["data-dir"]);
  return {
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(args["cache-dir"] === undefined ? {} : { cacheDir: args["cache-dir"] }),
  };
}
