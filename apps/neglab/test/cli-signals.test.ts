import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bin, runBin } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-cli-signals-"));
// 300 words in 5,000 sentences: each epoch takes a fraction of a second, 10,000 of them far longer than the test.
const corpus = join(dir, "corpus.txt");
writeFileSync(
  corpus,
  Array.from({ length: 5000 }, (_, i) =>
    Array.from({ length: 12 }, (_, j) => `w${(i * 31 + j * 17 + i * j) % 300}`).join(" "),
  ).join("\n"),
);

/**
 * Starts a long training, sends `signal` once the first epoch has finished,
 * and resolves with the exit code, the signal that ended it (if any) and stderr.
 * Bounded: the child is killed after 60 s whatever happens.
 */
function interruptTraining(
  signal: NodeJS.Signals,
  out: string,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [bin, "train", "--corpus", corpus, "--min-count", "1", "--epochs", "10000", "--workers", "1", "--out", out],
      {
        cwd: dir,
        env: { ...process.env, CI: "1" },
      },
    );
    const guard = setTimeout(() => child.kill("SIGKILL"), 60_000);
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!sent && /epoch 1: /.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on("close", (code, ended) => {
      clearTimeout(guard);
      resolve({ code, signal: ended, stderr });
    });
  });
}

describe("interruptions end with 128 + the signal number and one line (issue #19)", () => {
  it("SIGINT (Ctrl-C) exits 130, says so, writes no output and shows no stack", async () => {
    const out = join(dir, "sigint.txt");
    const { code, signal, stderr } = await interruptTraining("SIGINT", out);
    expect([code, signal]).toEqual([130, null]);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe("neglab: interrupted by SIGINT");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(out)).toBe(false);
  });

  it("SIGTERM (kill, Slurm's scancel) exits 143", async () => {
    const { code, signal, stderr } = await interruptTraining("SIGTERM", join(dir, "sigterm.txt"));
    expect([code, signal]).toEqual([143, null]);
    expect(stderr.trimEnd().split("\n").at(-1)).toBe("neglab: interrupted by SIGTERM");
  });
});

describe("no stack trace for a user error", () => {
  it("a damaged JSON file is one line naming the problem, exit 1", async () => {
    const run = join(dir, "run");
    mkdirSync(run);
    writeFileSync(join(run, "config.json"), '{"experiment": {"name": "x"}, "cells": [1,');
    const { code, stderr } = await runBin(["report", run], dir, { NEGLAB_DEBUG: "" });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^neglab: [^\n]*json[^\n]*\n$/i);
  });
});

/** Runs `body` as an ES module after guardProcess() of the built CLI, bounded to 30 s. */
function guarded(body: string): Promise<{ code: number | null; stderr: string }> {
  const guards = pathToFileURL(join(bin, "..", "process-guards.js")).href;
  const script = `import { guardProcess } from ${JSON.stringify(guards)};\nconst guard = guardProcess();\n${body}`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dir,
      env: { ...process.env, NEGLAB_DEBUG: "" },
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("every way a command ends keeps the exit-code promise and prints one line", () => {
  it("a wait that can never end exits 70 with a message, not Node's silent 13", async () => {
    expect(await guarded("await new Promise(() => {});\nguard.finished();")).toEqual({
      code: 70,
      stderr:
        "neglab: the command ended while still waiting for a result that never came (a promise that never settles, e.g. in a custom sampler module) (internal error)\n",
    });
  });

  it("an error outside the command's promise chain: one line, 1 for a system error, 70 for a bug", async () => {
    const full = await guarded(
      'setTimeout(() => { throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" }); });\nawait new Promise((r) => setTimeout(r, 100));\nguard.finished();',
    );
    expect(full).toEqual({ code: 1, stderr: "neglab: write failed: no space left on the device (ENOSPC)\n" });
    const bug = await guarded(
      'Promise.reject(new TypeError("x is not a function"));\nawait new Promise((r) => setTimeout(r, 100));\nguard.finished();',
    );
    expect(bug).toEqual({ code: 70, stderr: "neglab: TypeError: x is not a function (internal error)\n" });
  });

  it("a command that finishes exits with its own code, silently", async () => {
    expect(
      await guarded("await new Promise((r) => setTimeout(r, 10));\nguard.finished();\nprocess.exitCode = 0;"),
    ).toEqual({ code: 0, stderr: "" });
  });
});
