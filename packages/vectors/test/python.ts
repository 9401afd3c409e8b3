import { spawnSync } from "node:child_process";
import { PYTHON, requireGensim } from "@neglab/testkit";

/** Whether Debian's python3 with gensim is available: skips with a message, fails in CI (see `requireGensim`). */
export function gensimAvailable(): boolean {
  return requireGensim();
}

/** Runs a python snippet with JSON on stdin and parses its JSON stdout. */
export function runPython<T>(code: string, input: unknown): T {
  const run = spawnSync(PYTHON, ["-c", code], { input: JSON.stringify(input), encoding: "utf8", maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`python failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

/** Deterministic pseudo-random vectors (an LCG; no dependency) for `words.length × dim`. */
export function randomVectors(rows: number, dim: number, seed = 1): Float32Array {
  let state = seed >>> 0;
  const out = new Float32Array(rows * dim);
  for (let i = 0; i < out.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    out[i] = state / 2 ** 32 - 0.5;
  }
  return out;
}
