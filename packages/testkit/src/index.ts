import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The shared real-data directory for tests: `$NEGLAB_DATA` when set (CI sets it
 * to `../shared/data`), else `../shared/data` beside the repository root when it exists.
 */
export function sharedDataDir(): string | null {
  const fromEnv = process.env.NEGLAB_DATA;
  if (fromEnv) return resolve(fromEnv);
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
  const beside = resolve(repoRoot, "../shared/data");
  return existsSync(beside) ? beside : null;
}

/**
 * Resolves files of the shared data set for a test. Returns their absolute
 * paths, or `null` after printing which files are missing, so the caller can
 * `describe.skipIf(paths === null)` with a visible reason.
 */
export function sharedData(...relativePaths: string[]): string[] | null {
  const dir = sharedDataDir();
  if (dir === null) {
    console.warn(`[skip] shared data not found: set NEGLAB_DATA (needed: ${relativePaths.join(", ")})`);
    return null;
  }
  const paths = relativePaths.map((p) => join(dir, p));
  const missing = paths.filter((p) => !existsSync(p));
  if (missing.length > 0) {
    console.warn(`[skip] missing shared data files: ${missing.join(", ")}`);
    return null;
  }
  return paths;
}
