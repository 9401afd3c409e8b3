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
 * `describe.skipIf(paths === null)` with a visible reason. In CI (`CI` set),
 * where the data must be present, a missing file throws instead: the tests
 * that prove parity with gensim and word2vec.c may not skip there unnoticed.
 */
export function sharedData(...relativePaths: string[]): string[] | null {
  const dir = sharedDataDir();
  const paths = dir === null ? [] : relativePaths.map((p) => join(dir, p));
  const missing = dir === null ? null : paths.filter((p) => !existsSync(p));
  if (missing !== null && missing.length === 0) return paths;
  const what = missing === null ? `shared data not found: set NEGLAB_DATA (needed: ${relativePaths.join(", ")})` : `missing shared data files: ${missing.join(", ")}`;
  if (process.env.CI) throw new Error(`${what} — CI must provide the shared data (NEGLAB_DATA)`);
  console.warn(`[skip] ${what}`);
  return null;
}
