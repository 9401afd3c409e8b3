import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBin, type Outcome } from "./cli-helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-cli-"));

async function neglab(...args: string[]): Promise<Outcome> {
  return runBin(args, process.cwd());
}

describe("neglab corpus stats", () => {
  it("prints the statistics of a corpus file", async () => {
    const file = join(dir, "small.txt");
    writeFileSync(file, "The cat sat on the mat .\nthe dog sat on the log .\n");
    const { code, stdout } = await neglab("corpus", "stats", file, "--min-count", "2", "--json");
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats).toMatchObject({ sentences: 2, tokens: 14, types: 9, retainedTypes: 4, retainedTokens: 9 });
    expect(stats.top.map((t: { word: string }) => t.word)).toEqual(["the", "sat", "on", "."]);
  });

  it("lowercases and drops punctuation on request", async () => {
    const file = join(dir, "small2.txt");
    writeFileSync(file, "The cat , THE dog .\n");
    const { code, stdout } = await neglab(
      "corpus",
      "stats",
      file,
      "--min-count",
      "1",
      "--lowercase",
      "--punctuation",
      "drop",
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ tokens: 4, types: 3 });
  });

  it("names a missing file and exits 1", async () => {
    const { code, stderr } = await neglab("corpus", "stats", join(dir, "missing.txt"));
    expect(code).toBe(1);
    expect(stderr).toContain("missing.txt: no such file or directory");
  });

  it("rejects an unknown command with exit code 2", async () => {
    const { code, stderr } = await neglab("bogus");
    expect(code).toBe(2);
    expect(stderr).toMatch(/^neglab: unknown command "bogus"/);
  });
});
