import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-cli-"));

function neglab(...args: string[]) {
  const out = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, CI: "1" } });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

describe("neglab corpus stats", () => {
  it("prints the statistics of a corpus file", () => {
    const file = join(dir, "small.txt");
    writeFileSync(file, "The cat sat on the mat .\nthe dog sat on the log .\n");
    const { code, stdout } = neglab("corpus", "stats", file, "--min-count", "2", "--json");
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats).toMatchObject({ sentences: 2, tokens: 14, types: 9, retainedTypes: 4, retainedTokens: 9 });
    expect(stats.top.map((t: { word: string }) => t.word)).toEqual(["the", "sat", "on", "."]);
  });

  it("lowercases and drops punctuation on request", () => {
    const file = join(dir, "small2.txt");
    writeFileSync(file, "The cat , THE dog .\n");
    const { code, stdout } = neglab("corpus", "stats", file, "--min-count", "1", "--lowercase", "--punctuation", "drop", "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ tokens: 4, types: 3 });
  });

  it("names a missing file and exits 1", () => {
    const { code, stderr } = neglab("corpus", "stats", join(dir, "missing.txt"));
    expect(code).toBe(1);
    expect(stderr).toContain("missing.txt: no such file or directory");
  });

  it("rejects an unknown command with exit code 2", () => {
    const { code, stderr } = neglab("bogus");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^neglab: unknown command "bogus"/);
  });
});
