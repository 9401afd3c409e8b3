import { spawnSync } from "node:child_process";
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
  const what =
    missing === null
      ? `shared data not found: set NEGLAB_DATA (needed: ${relativePaths.join(", ")})`
      : `missing shared data files: ${missing.join(", ")}`;
  if (process.env.CI) throw new Error(`${what} — CI must provide the shared data (NEGLAB_DATA)`);
  console.warn(`[skip] ${what}`);
  return null;
}

/** The Python the reference tests run: Debian's, which has python3-gensim and python3-scipy (not a python3 on PATH). */
export const PYTHON = "/usr/bin/python3";

/** How long the import probe may take before it counts as missing (gensim imports in ~1–2 s). */
const PROBE_TIMEOUT_MS = 60_000;

/**
 * Whether {@link PYTHON} can import every one of `modules`, for tests that compare
 * with a Python reference (gensim, scipy). Returns false after printing what is
 * missing, so the caller can `describe.skipIf(!requirePython(...))` with a
 * visible reason. In CI (`CI` set), where .ci/run installs the references, a
 * missing one throws instead: a comparison with the reference may not skip there
 * unnoticed, as with {@link sharedData}.
 */
export function requirePython(...modules: string[]): boolean {
  const probe = spawnSync(PYTHON, ["-c", `import ${modules.join(", ")}`], {
    encoding: "utf8",
    timeout: PROBE_TIMEOUT_MS,
  });
  if (probe.status === 0) return true;
  const reason = probe.error?.message ?? (probe.stderr.trim().split("\n").pop() || `exit status ${probe.status}`);
  const what = `${PYTHON} cannot import ${modules.join(", ")} (${reason})`;
  if (process.env.CI) throw new Error(`${what} — CI must install the reference (Debian python3-gensim, python3-scipy)`);
  console.warn(`[skip] ${what}`);
  return false;
}

/** {@link requirePython} for gensim 4 and numpy (Debian python3-gensim): skips with a message, fails in CI. */
export function requireGensim(): boolean {
  return requirePython("gensim", "numpy");
}

/** {@link requirePython} for scipy (Debian python3-scipy): skips with a message, fails in CI. */
export function requireScipy(): boolean {
  return requirePython("scipy");
}
export { byteMutations, mutate, mutated, type Mutation } from "./byte-mutations.js";
export { closeServer, listenOnLoopback } from "./loopback-server.js";
export { fifoWithoutWriter, type FifoWithoutWriter } from "./fifo.js";
export { requireSlurm } from "./slurm.js";
