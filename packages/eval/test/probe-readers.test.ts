import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fifoWithoutWriter, type FifoWithoutWriter } from "@neglab/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { BenchmarkError, parsePairs, readAnalogies, readPairs } from "../src/index.js";

/** Probe findings: a benchmark file that is a FIFO must be refused, not opened (which hangs beyond Ctrl-C). */

const PROMPT_MS = 3000;
let fifo: FifoWithoutWriter | undefined;
afterEach(() => fifo?.release());

describe("benchmark files that are not regular files", () => {
  it.each([
    ["readPairs", (path: string) => readPairs(path)],
    ["readAnalogies", (path: string) => readAnalogies(path)],
  ])(
    "%s refuses a FIFO without a writer promptly, naming it",
    async (_name, read) => {
      fifo = fifoWithoutWriter("benchmark.fifo");
      await expect(read(fifo.path)).rejects.toThrow(
        new BenchmarkError("not a regular file (a FIFO)", { file: fifo.path }),
      );
    },
    PROMPT_MS,
  );

  it("names a missing file, a directory and standard input in plain words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "neglab-probe-"));
    await expect(readPairs(join(dir, "none.tsv"))).rejects.toThrow(
      new BenchmarkError("no such file", { file: join(dir, "none.tsv") }),
    );
    await expect(readAnalogies(dir)).rejects.toThrow(
      new BenchmarkError("not a regular file (a directory)", { file: dir }),
    );
    await expect(readAnalogies("-")).rejects.toThrow(
      new BenchmarkError("reading a benchmark from standard input is not supported: name a file", { file: "-" }),
    );
  });
});

describe("similarity scores", () => {
  it.each(["0x10", "0b1", "0o7"])("skips a line scored %s as unparsable, as gensim's float() does", (score) => {
    const set = parsePairs(`fox\tdog\t1.5\ncat\tmouse\t${score}\n`, "pairs.tsv");
    expect(set.pairs.map((p) => p.score)).toEqual([1.5]);
    expect(set.invalidLines).toEqual([2]);
  });
});
