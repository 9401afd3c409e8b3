import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lockRun } from "../dist/grid/run-lock.js";
import { bin, runFixture } from "./run-fixture.js";

/** A pid above Linux's largest pid_max (2^22): no process has it. */
const DEAD_PID = 4194305;

const holder = (pid: number, host = hostname()) =>
  JSON.stringify({ pid, hostname: host, started: "2026-01-01T00:00:00.000Z" });

describe("the run lock on --out (issue #19, defect 21)", () => {
  it("stops a second run of the same shard, naming the pid, before reading the corpus", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-lock-");
    const out = join(dir, "out");
    mkdirSync(out);
    // This test process stands in for a live run holding the lock.
    writeFileSync(join(out, ".lock-shard-1-of-1"), holder(process.pid));
    const second = await neglab(["run", experiment("locked"), "--out", out]);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(
      `neglab: ${out}: this experiment is already being run by pid ${process.pid} since 2026-01-01T00:00:00.000Z; wait for it to finish or stop it (lock file ${join(out, ".lock-shard-1-of-1")})\n`,
    );
    expect(readdirSync(join(out, "cells"))).toEqual([]);
    // A shard of another layout is stopped too: its cells overlap those of the unsharded run (probe defect 6).
    const shard = await neglab(["run", experiment("locked"), "--out", out, "--shard", "2/2", "--no-html"]);
    expect(shard.code).toBe(1);
    expect(shard.stderr).toContain(`${join(out, ".lock-shard-1-of-1")} is held by pid ${process.pid}`);
  });

  it("takes over a stale lock with a notice, and releases its own at the end", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-lock-");
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(join(out, ".lock-shard-1-of-1"), holder(DEAD_PID));
    const run = await neglab(["run", experiment("stale", { seeds: [1] }), "--out", out, "--no-html"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `${join(out, ".lock-shard-1-of-1")}: stale lock of pid ${DEAD_PID} (started 2026-01-01T00:00:00.000Z), which is no longer running; taking it over`,
    );
    expect(existsSync(join(out, ".lock-shard-1-of-1"))).toBe(false);
  });

  it("names a holder on another host, whose process cannot be checked from here", () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-lock-"));
    writeFileSync(join(out, ".lock-shard-2-of-3"), holder(12, "node-b"));
    expect(() => lockRun(out, { index: 1, count: 3 }, () => undefined)).toThrow(
      `${out}: shard 2/3 is being run by pid 12 on host node-b since 2026-01-01T00:00:00.000Z; if that run is gone, delete ${join(out, ".lock-shard-2-of-3")}`,
    );
  });

  it("takes over a damaged lock file (a writer killed between creating and writing it)", () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-lock-"));
    writeFileSync(join(out, ".lock-shard-1-of-1"), "");
    const notices: string[] = [];
    const lock = lockRun(out, { index: 0, count: 1 }, (m: string) => notices.push(m));
    expect(notices).toEqual([`${join(out, ".lock-shard-1-of-1")}: damaged lock file; taking it over`]);
    expect(JSON.parse(readFileSync(lock.path, "utf8")).pid).toBe(process.pid);
    lock.release();
    expect(readdirSync(out)).toEqual([]);
  });

  it("holds pid, host and start time, and release removes only its own lock", () => {
    const out = mkdtempSync(join(tmpdir(), "neglab-lock-"));
    const lock = lockRun(out, { index: 0, count: 1 }, () => undefined);
    const held = JSON.parse(readFileSync(lock.path, "utf8"));
    expect(held).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(() => lockRun(out, { index: 0, count: 1 }, () => undefined)).toThrow(/already being run by pid/);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it("is released when the run is interrupted (SIGINT)", async () => {
    const { dir, env, experiment } = runFixture("neglab-lock-");
    const out = join(dir, "out");
    const child = spawn(
      process.execPath,
      [bin, "run", experiment("interrupted", { seeds: [1, 2, 3, 4, 5, 6, 7, 8] }), "--out", out],
      { env },
    );
    let log = "";
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => {
      child.stderr.on("data", (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes("trained in")) child.kill("SIGINT");
      });
      child.on("exit", (_code, signal) => resolve(signal));
    });
    expect(signal, log).toBe("SIGINT");
    expect(existsSync(join(out, ".lock-shard-1-of-1"))).toBe(false);
  });
});

describe("merge after the definition changed between shards (issue #19, defect 21)", () => {
  it("names the shard and the fields that differ instead of only counting missing cells", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-merge-");
    const out = join(dir, "out");
    const file = experiment("changed");
    expect((await neglab(["run", file, "--out", out, "--shard", "1/2"])).code).toBe(0);
    experiment("changed", {
      train: { architecture: "skipgram", vectorSize: 5, epochs: 2, workers: 1, minCount: 1, sample: 0 },
    });
    expect((await neglab(["run", file, "--out", out, "--shard", "2/2"])).code).toBe(0);
    const merged = await neglab(["merge", file, "--out", out]);
    expect(merged.code).toBe(1);
    expect(merged.stderr.trimEnd().split("\n").at(-1)).toBe(
      `neglab: ${out}: 2 of 4 cells are missing: shard 1/2's cells were made with a different experiment definition or inputs: train.epochs (1 there, 2 here); rerun those shards with ${file}, or merge with the definition they ran`,
    );
  });
});
