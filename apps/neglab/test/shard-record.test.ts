import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { unfinishedShards } from "../src/grid/shard-record.js";

/** A results directory whose `shards/` holds records named `names` (their contents do not matter here). */
function resultsDir(...names: string[]): string {
  const out = mkdtempSync(join(tmpdir(), "neglab-shards-"));
  mkdirSync(join(out, "shards"));
  for (const name of names) writeFileSync(join(out, "shards", name), "{}\n");
  return out;
}

const cells = (...indices: number[]) => indices.map((index) => ({ index }));

describe("unfinishedShards", () => {
  it("names the shards that own the missing cells, and whether they left a record", async () => {
    // Cells 0…5 in 3 shards: shard 1 owns 0 and 3, shard 2 owns 1 and 4, shard 3 owns 2 and 5.
    const out = resultsDir("1-of-3.json", "3-of-3.json");
    expect(await unfinishedShards(out, cells(1, 4, 5))).toEqual([
      "shard 2/3 has not run (2 cells; no shards/2-of-3.json)",
      "shard 3/3 started but has not finished (1 cell)",
    ]);
  });

  it("says nothing without shard records, and ignores other files", async () => {
    expect(await unfinishedShards(mkdtempSync(join(tmpdir(), "neglab-shards-")), cells(0, 1))).toEqual([]);
    expect(await unfinishedShards(resultsDir("notes.txt", "1-of-2.json.tmp"), cells(0, 1))).toEqual([]);
    expect(await unfinishedShards(resultsDir("1-of-2.json", "2-of-2.json"), [])).toEqual([]);
  });

  it("answers for each shard count that left records", async () => {
    const out = resultsDir("1-of-2.json", "1-of-3.json");
    expect(await unfinishedShards(out, cells(2))).toEqual([
      "shard 1/2 started but has not finished (1 cell)",
      "shard 3/3 has not run (1 cell; no shards/3-of-3.json)",
    ]);
  });
});
