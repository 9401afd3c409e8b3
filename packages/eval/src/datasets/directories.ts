import { homedir } from "node:os";
import { join, resolve } from "node:path";

/**
 * The data directory holding the benchmark files at their registry paths
 * (`eval/analogy/…`, `eval/similarity/…`): `dataDir` when given, else the
 * `NEGLAB_DATA` environment variable (CI sets it to `../shared/data`), resolved
 * to an absolute path; undefined when neither is set.
 */
export function dataDirectory(options: { dataDir?: string } = {}): string | undefined {
  const dir = options.dataDir ?? (process.env.NEGLAB_DATA || undefined);
  return dir === undefined ? undefined : resolve(dir);
}

/**
 * Where {@link fetchDataset} stores downloads, at the same registry paths:
 * `cacheDir` when given, else `$XDG_CACHE_HOME/neglab/datasets`, else
 * `~/.cache/neglab/datasets` (the XDG base-directory default).
 */
export function cacheDirectory(options: { cacheDir?: string } = {}): string {
  if (options.cacheDir !== undefined) return resolve(options.cacheDir);
  const xdg = process.env.XDG_CACHE_HOME;
  return join(xdg ? resolve(xdg) : join(homedir(), ".cache"), "neglab", "datasets");
}
