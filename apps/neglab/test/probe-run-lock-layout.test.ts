import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFixture } from "./run-fixture.js";

describe("runs of different shard layouts on one --out (probe defect 6)", () => {
  it("stops an unsharded run while shard 1/2 holds a live lock, naming that lock, and trains nothing", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-layout-");
    const out = join(dir, "out");
    mkdirSync(out);
    const lock = join(out, ".lock-shard-1-of-2");
    // the test process itself is the live holder
    writeFileSync(
      lock,
      JSON.stringify({ pid: process.pid, hostname: hostname(), started: "2026-01-01T00:00:00.000Z" }),
    );
    const result = await neglab(["run", experiment("layout"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${lock} is held by pid ${process.pid} since 2026-01-01T00:00:00.000Z, a run split into 2 shard(s)`,
    );
    expect(existsSync(join(out, ".lock-shard-1-of-1"))).toBe(false);
    expect(readdirSync(join(out, "cells"))).toEqual([]);
  });

  it("ignores a stale lock of another layout", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-layout-");
    const out = join(dir, "out");
    mkdirSync(out);
    writeFileSync(
      join(out, ".lock-shard-2-of-3"),
      JSON.stringify({ pid: 2 ** 30, hostname: hostname(), started: "2026-01-01T00:00:00.000Z" }),
    );
    const result = await neglab(["run", experiment("layout", { seeds: [1] }), "--out", out]);
    expect(result.code).toBe(0);
  });
});
