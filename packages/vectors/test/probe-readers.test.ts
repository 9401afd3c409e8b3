import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fifoWithoutWriter, type FifoWithoutWriter } from "@neglab/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { isModelFile, readEmbeddings, readModelFile, readWord2Vec, VectorsError } from "../src/index.js";

/** Probe findings: a FIFO input must be refused, not opened (which hangs beyond Ctrl-C); values are decimal; `-` is named. */

const PROMPT_MS = 3000;
let fifo: FifoWithoutWriter | undefined;
afterEach(() => fifo?.release());

describe("inputs that are not regular files", () => {
  it.each([
    ["readEmbeddings", (path: string) => readEmbeddings(path)],
    ["readWord2Vec", (path: string) => readWord2Vec(path)],
    ["readModelFile", (path: string) => readModelFile(path)],
    ["isModelFile", (path: string) => isModelFile(path)],
  ])(
    "%s refuses a FIFO without a writer promptly, naming it",
    async (_name, read) => {
      fifo = fifoWithoutWriter("vectors.fifo");
      await expect(read(fifo.path)).rejects.toThrow(
        new VectorsError("not a regular file (a FIFO)", { file: fifo.path }),
      );
    },
    PROMPT_MS,
  );

  it(
    "readWord2Vec refuses a FIFO as its vocabulary file before reading the vectors",
    async () => {
      fifo = fifoWithoutWriter("vocab.fifo");
      const dir = mkdtempSync(join(tmpdir(), "neglab-probe-"));
      const vectors = join(dir, "v.txt");
      writeFileSync(vectors, "1 2\nfox 0.5 1\n");
      await expect(readWord2Vec(vectors, { vocabFile: fifo.path })).rejects.toThrow(
        new VectorsError("not a regular file (a FIFO)", { file: fifo.path }),
      );
    },
    PROMPT_MS,
  );

  it("names a missing file and a directory in plain words", async () => {
    const dir = mkdtempSync(join(tmpdir(), "neglab-probe-"));
    await expect(readEmbeddings(join(dir, "none.txt"))).rejects.toThrow(
      new VectorsError("no such file", { file: join(dir, "none.txt") }),
    );
    await expect(readEmbeddings(dir)).rejects.toThrow(
      new VectorsError("not a regular file (a directory)", { file: dir }),
    );
  });

  it.each(["-", ""])("refuses %j (standard input) with a message saying so, not an empty file name", async (path) => {
    await expect(readEmbeddings(path)).rejects.toThrow(
      new VectorsError("reading vectors from standard input is not supported: name a file"),
    );
  });
});

describe("text vector values", () => {
  const dir = mkdtempSync(join(tmpdir(), "neglab-probe-"));

  it.each(["0x10", "0b1", "0o7", "0X1f", "1_0"])(
    "refuses the value %s (not decimal), naming the file and line",
    async (value) => {
      const path = join(dir, `v-${value}.txt`);
      writeFileSync(path, `2 2\nfox 0.5 1\ndog 0.25 ${value}\n`);
      await expect(readWord2Vec(path, { binary: false })).rejects.toThrow(
        new VectorsError(`value 2 ${JSON.stringify(value)} is not a number`, { file: path, line: 3 }),
      );
    },
  );

  it("reads every decimal spelling Python's float() and strtof accept", async () => {
    const path = join(dir, "decimal.txt");
    writeFileSync(path, "1 6\nfox 1. .5 -2e-1 +3 1E2 007\n");
    const embeddings = await readWord2Vec(path);
    expect(Array.from(embeddings.vector("fox"))).toEqual([1, 0.5, Math.fround(-0.2), 3, 100, 7]);
  });
});
