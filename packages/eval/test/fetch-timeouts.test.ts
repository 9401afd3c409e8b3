import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { hostname, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { closeServer, listenOnLoopback } from "@neglab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDataset, getDataset } from "../src/index.js";

/**
 * A loopback server that never finishes: /stall/… sends the headers (announcing 10,000 bytes) and 100 bytes, then
 * nothing; /silent/… never answers at all; anything else is a 404.
 */
function stallingServer(): Server {
  return createServer((request, response) => {
    if (request.url?.startsWith("/stall/")) {
      response.writeHead(200, { "content-length": 10_000 });
      response.write(Buffer.alloc(100, 0x61));
    } else if (!request.url?.startsWith("/silent/")) response.writeHead(404).end();
  });
}

/** Every entry of a directory tree, as paths relative to it (empty when it does not exist). */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const rg65 = getDataset("rg-65").file;

describe("fetchDataset: timeouts, interruptions and stale .part files", () => {
  const server = stallingServer();
  let base = "";
  const scratch = mkdtempSync(join(tmpdir(), "neglab-fetch-timeouts-"));
  beforeAll(async () => {
    base = await listenOnLoopback(server);
  });
  afterAll(() => closeServer(server));

  it("a body that stalls after 100 bytes fails after the idle timeout, naming the URL, and leaves no file", async () => {
    const cacheDir = join(scratch, "stall");
    const started = Date.now();
    const error = await fetchDataset("rg-65", { cacheDir, baseUrl: `${base}/stall`, idleTimeout: 400 }).then(
      () => null,
      (e: Error) => e,
    );
    const elapsed = Date.now() - started;
    expect(error?.name).toBe("BenchmarkError");
    expect(error?.message).toBe(
      `fetch rg-65 from ${base}/stall/${rg65}: download stalled: no data for 0.4 s after 100 bytes (idle timeout)`,
    );
    expect(elapsed).toBeGreaterThanOrEqual(350);
    expect(elapsed).toBeLessThan(5_000);
    expect(filesBelow(cacheDir)).toEqual([]);
  });

  it("a server that never answers fails after the connect timeout and leaves no file", async () => {
    const cacheDir = join(scratch, "silent");
    const started = Date.now();
    await expect(fetchDataset("rg-65", { cacheDir, baseUrl: `${base}/silent`, connectTimeout: 400 })).rejects.toThrow(
      `fetch rg-65 from ${base}/silent/${rg65}: no response within 0.4 s (connect timeout)`,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(filesBelow(cacheDir)).toEqual([]);
  });

  it("timeouts that are not positive numbers of milliseconds are refused before any request", async () => {
    await expect(
      fetchDataset("rg-65", { cacheDir: join(scratch, "bad"), baseUrl: `${base}/stall`, idleTimeout: Number.NaN }),
    ).rejects.toThrow("fetch: idleTimeout must be a positive number of milliseconds up to 2147483647, got NaN");
    await expect(
      fetchDataset("rg-65", { cacheDir: join(scratch, "bad"), baseUrl: `${base}/stall`, connectTimeout: 0 }),
    ).rejects.toThrow(/connectTimeout must be a positive/);
    expect(filesBelow(join(scratch, "bad"))).toEqual([]);
  });

  it("removes the .part files of dead local processes and any silent for an hour, keeps live ones", async () => {
    const cacheDir = join(scratch, "stale");
    const dir = dirname(join(cacheDir, rg65));
    mkdirSync(dir, { recursive: true });
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const name = (host: string | null, pid: number, random = "0123abcd"): string =>
      `.EN-RG-65.txt.${host === null ? "" : `${host}.`}${pid}.${random}.part`;
    const dead = name(hostname(), deadPid);
    const deadOldFormat = name(null, deadPid);
    const live = name(hostname(), process.ppid);
    const liveButSilent = name(hostname(), process.ppid, "89abcdef");
    const foreignFresh = name("other-node.cluster", 4242);
    const foreignSilent = name("other-node.cluster", 4343);
    for (const file of [dead, deadOldFormat, live, liveButSilent, foreignFresh, foreignSilent])
      writeFileSync(join(dir, file), "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    for (const file of [liveButSilent, foreignSilent]) utimesSync(join(dir, file), twoHoursAgo, twoHoursAgo);

    await expect(fetchDataset("rg-65", { cacheDir, baseUrl: `${base}/missing` })).rejects.toThrow(/HTTP 404/);
    expect(readdirSync(dir).sort()).toEqual([foreignFresh, live].sort());
  });

  const child = fileURLToPath(new URL("./fixtures/fetch-child.mjs", import.meta.url));
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    it(`${signal} during a stalled download deletes the .part file and ends the process by the signal`, async () => {
      const cacheDir = join(scratch, signal);
      const dir = dirname(join(cacheDir, rg65));
      const process = spawn(globalThis.process.execPath, [child, cacheDir, `${base}/stall`], {
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      process.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
        process.on("exit", (code, signal) => done({ code, signal })),
      );
      // Wait (bounded) until the download has written its first bytes.
      const deadline = Date.now() + 20_000;
      while (!(existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".part")))) {
        if (Date.now() > deadline) throw new Error(`no .part file appeared; child stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      process.kill(signal);
      expect(await exited).toEqual({ code: null, signal });
      expect(filesBelow(cacheDir)).toEqual([]);
      expect(stderr).toBe("");
    });
  }
});
