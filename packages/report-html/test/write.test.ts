import { spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeHtmlReport } from "../src/index.js";
import { sweepInput } from "./fixture.js";

// Issue #19 defect 3: the report write must not replace a symbolic link or a FIFO given as its path.
const dir = mkdtempSync(join(tmpdir(), "neglab-report-write-"));
const input = sweepInput([0.5, 0.75], 2, 200);

describe("writeHtmlReport", () => {
  it("writes a symbolic link's target and leaves the link a link", async () => {
    writeFileSync(join(dir, "target.html"), "old");
    symlinkSync("target.html", join(dir, "report.html"));
    await writeHtmlReport(join(dir, "report.html"), input);
    expect(lstatSync(join(dir, "report.html")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "report.html"))).toBe("target.html");
    expect(readFileSync(join(dir, "target.html"), "utf8")).toMatch(/^<!doctype html>/i);
  });

  it("refuses a FIFO, which stays a FIFO, and leaves no temporary file", async () => {
    const fifo = join(dir, "report.fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    await expect(writeHtmlReport(fifo, input)).rejects.toThrow(`${fifo}: cannot write the HTML report: it is a FIFO`);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("names the report's path, not the temporary file, when its directory is missing", async () => {
    const path = join(dir, "missing", "report.html");
    const error = (await writeHtmlReport(path, input).catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(`${path}: cannot write the HTML report: its directory does not exist (ENOENT)`);
    expect(error.message).not.toMatch(/\.tmp/);
  });
});
