import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { closeServer, listenOnLoopback, sharedData, sharedDataDir } from "@neglab/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchDataset, getDataset, locateDataset, verifyDataset } from "../src/index.js";

const data = sharedData("eval/similarity/simlex999.txt", "eval/similarity/EN-RG-65.txt");

/**
 * A loopback server over the shared data directory: /ok/<file> serves the file, /wrong/<file> the file with
 * one byte changed, /drop/<file> announces the full length, sends half and drops the connection, /chunked-drop/<file>
 * does the same without a length; anything else is a 404.
 */
function dataServer(root: string): Server {
  return createServer((request, response) => {
    const [, mode, ...rest] = (request.url ?? "").split("/");
    let body: Buffer;
    try {
      body = readFileSync(join(root, ...rest));
    } catch {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (mode === "ok") response.writeHead(200, { "content-length": body.length }).end(body);
    else if (mode === "wrong")
      response
        .writeHead(200, { "content-length": body.length })
        .end(Buffer.concat([body.subarray(0, 10), Buffer.from("X"), body.subarray(11)]));
    else if (mode === "drop" || mode === "chunked-drop") {
      response.writeHead(200, mode === "drop" ? { "content-length": body.length } : {});
      response.write(body.subarray(0, body.length >> 1), () => setTimeout(() => response.socket?.destroy(), 20));
    } else response.writeHead(404).end();
  });
}

/** Every file below a directory, temporary ones included (relative paths). */
function filesBelow(dir: string): string[] {
  let found: string[] = [];
  try {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      found = entry.isDirectory()
        ? [...found, ...filesBelow(path).map((p) => join(entry.name, p))]
        : [...found, entry.name];
    }
  } catch {
    // A directory that does not exist holds nothing.
  }
  return found;
}

describe.skipIf(data === null)("fetchDataset against a loopback HTTP server", () => {
  const server = dataServer(sharedDataDir()!);
  let base = "";
  const scratch = mkdtempSync(join(tmpdir(), "neglab-fetch-"));
  beforeAll(async () => {
    base = await listenOnLoopback(server);
  });
  afterAll(() => closeServer(server));

  it("downloads into the cache at the registry path, verified, then reuses the cached copy", async () => {
    const cacheDir = join(scratch, "good");
    const result = await fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/ok/` });
    expect(result.path).toBe(join(cacheDir, "eval/similarity/simlex999.txt"));
    expect(result.url).toBe(`${base}/ok/eval/similarity/simlex999.txt`);
    expect(result.bytes).toBe(statSync(data![0]).size);
    expect(readFileSync(result.path)).toEqual(readFileSync(data![0]));
    expect(filesBelow(cacheDir)).toEqual(["eval/similarity/simlex999.txt"]);
    await expect(verifyDataset("simlex999", { path: result.path })).resolves.toBe(result.path);
    expect(locateDataset("simlex999", { dataDir: join(scratch, "none"), cacheDir })).toBe(result.path);
    const again = await fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/ok` });
    expect(again).toMatchObject({ path: result.path, url: null, bytes: 0 });
  });

  it("an explicit url wins over baseUrl", async () => {
    const cacheDir = join(scratch, "url");
    const result = await fetchDataset("rg-65", {
      cacheDir,
      url: `${base}/ok/eval/similarity/EN-RG-65.txt`,
      baseUrl: `${base}/nowhere`,
    });
    expect(readFileSync(result.path)).toEqual(readFileSync(data![1]));
  });

  const failures: [string, string, RegExp][] = [
    [
      "a wrong checksum",
      "wrong",
      /sha256 mismatch: expected d5e05019\w+, got [0-9a-f]{64} \(18\d{3} bytes\); nothing was saved$/,
    ],
    ["a connection dropped mid-body (with Content-Length)", "drop", /download broken after \d+ bytes: terminated/],
    ["a connection dropped mid-body (chunked)", "chunked-drop", /download broken after \d+ bytes: terminated/],
    ["an HTTP 404", "missing", /HTTP 404 Not Found$/],
  ];
  for (const [what, mode, problem] of failures) {
    it(`${what}: an error naming dataset, URL and problem, and no file left behind`, async () => {
      const cacheDir = join(scratch, mode);
      const url = `${base}/${mode}/eval/similarity/simlex999.txt`;
      const error = await fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/${mode}` }).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(new RegExp(`^fetch simlex999 from ${url.replace(/[.]/g, "\\.")}: `));
      expect(error?.message).toMatch(problem);
      expect(filesBelow(cacheDir)).toEqual([]);
    });
  }

  it("a failed re-download (force) leaves the existing verified file untouched", async () => {
    const cacheDir = join(scratch, "keep");
    const { path } = await fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/ok` });
    await expect(fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/wrong`, force: true })).rejects.toThrow(
      /sha256 mismatch/,
    );
    expect(filesBelow(cacheDir)).toEqual(["eval/similarity/simlex999.txt"]);
    await expect(verifyDataset("simlex999", { path })).resolves.toBe(path);
  });

  it("a damaged cached copy is replaced; an unreachable server is reported with its cause", async () => {
    const cacheDir = join(scratch, "damaged");
    const path = join(cacheDir, getDataset("simlex999").file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, "half a file");
    const result = await fetchDataset("simlex999", { cacheDir, baseUrl: `${base}/ok` });
    expect(result.bytes).toBe(statSync(data![0]).size);
    await expect(verifyDataset("simlex999", { path })).resolves.toBe(path);

    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    await expect(
      fetchDataset("rg-65", { cacheDir: join(scratch, "refused"), baseUrl: `http://127.0.0.1:${port}` }),
    ).rejects.toThrow(
      new RegExp(
        `^fetch rg-65 from http://127\\.0\\.0\\.1:${port}/eval/similarity/EN-RG-65\\.txt: fetch failed: connect ECONNREFUSED`,
      ),
    );
    expect(filesBelow(join(scratch, "refused"))).toEqual([]);
  });
});
