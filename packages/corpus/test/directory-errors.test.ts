import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CorpusError, openCorpus } from "../src/index.js";
import { tempDir } from "./helpers.js";

// Tests run as root here, so a permission failure cannot be provoked with chmod:
// readdir is made to fail the way it does on an unreadable directory.
vi.mock("node:fs/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...actual,
    readdir: vi.fn(async () => {
      throw Object.assign(new Error("EACCES: permission denied, scandir"), { code: "EACCES" });
    }),
  };
});

describe("openCorpus on a directory it cannot list", () => {
  it("raises a CorpusError naming the directory and the problem", async () => {
    const locked = join(tempDir(), "locked");
    mkdirSync(locked);
    const attempt = openCorpus(locked);
    await expect(attempt).rejects.toThrow(CorpusError);
    await expect(openCorpus(locked)).rejects.toThrow(/locked: cannot list directory: permission denied \(EACCES\)/);
  });
});
