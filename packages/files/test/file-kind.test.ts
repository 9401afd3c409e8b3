import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assertRegularFile, describeFileKind, sha256File } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-files-kind-"));
const fail = (reason: string): never => {
  throw new Error(reason);
};

describe("assertRegularFile", () => {
  it("returns a regular file's stat and refuses anything else in plain words, without opening it", async () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "abc");
    expect((await assertRegularFile(file, fail)).size).toBe(3);
    const fifo = join(dir, "pipe");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    // a FIFO without a writer would block open(2) forever: the check must not open it
    await expect(assertRegularFile(fifo, fail)).rejects.toThrow("not a regular file (a FIFO)");
    mkdirSync(join(dir, "sub"));
    await expect(assertRegularFile(join(dir, "sub"), fail)).rejects.toThrow("not a regular file (a directory)");
    await expect(assertRegularFile(join(dir, "missing"), fail)).rejects.toThrow("no such file");
    expect(describeFileKind(statSync(fifo))).toBe("a FIFO");
  });
});

describe("sha256File", () => {
  it('is the SHA-256 of the file\'s bytes (FIPS 180-2 test vector "abc")', async () => {
    const file = join(dir, "abc.txt");
    writeFileSync(file, "abc");
    expect(await sha256File(file)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
