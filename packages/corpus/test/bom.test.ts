import { spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { CorpusError, Vocabulary, buildVocabulary, readVocabulary, openCorpus, writeVocabulary } from "../src/index.js";
import { sentenceBatches } from "../src/sentence-stream.js";
import { collect, inPieces, tempDir } from "./helpers.js";

const dir = tempDir();
const BOM = "\uFEFF";

describe("a UTF-8 byte-order mark", () => {
  const expected = [
    ["The", "cat", "sat"],
    ["on", "the", "mat"],
  ];

  it("is dropped at the start of a plain file, a .gz file and each file of a directory", async () => {
    writeFileSync(join(dir, "bom.txt"), `${BOM}The cat sat\non the mat\n`);
    writeFileSync(join(dir, "bom.txt.gz"), gzipSync(`${BOM}The cat sat\non the mat\n`));
    const sub = join(dir, "parts");
    mkdirSync(sub);
    writeFileSync(join(sub, "a.txt"), `${BOM}The cat sat\n`);
    writeFileSync(join(sub, "b.txt"), `${BOM}on the mat\n`);
    for (const source of [join(dir, "bom.txt"), join(dir, "bom.txt.gz"), sub]) {
      const corpus = await openCorpus(source);
      expect(await collect(corpus)).toEqual(expected);
      const { vocabulary } = await buildVocabulary(corpus, { minCount: 1 });
      expect(vocabulary.words.some((word) => word.includes(BOM))).toBe(false);
    }
  });

  it("is dropped when the stream delivers it one byte at a time", async () => {
    const bytes = Buffer.from(`${BOM}The cat sat\non the mat`);
    const batches = [];
    for await (const batch of sentenceBatches(inPieces(bytes, 1), { file: "pieces" })) batches.push(...batch);
    expect(batches).toEqual(expected);
  });

  it("is kept as a character inside the text, where it is not a byte-order mark", async () => {
    writeFileSync(join(dir, "inner.txt"), `a b\n${BOM}c\n`);
    expect(await collect(await openCorpus(join(dir, "inner.txt")))).toEqual([["a", "b"], [`${BOM}c`]]);
  });

  it("is skipped at the start of a vocabulary file", async () => {
    writeFileSync(join(dir, "vocab.txt"), `${BOM}the 5\ncat 2\n`);
    expect((await readVocabulary(join(dir, "vocab.txt"))).words).toEqual(["the", "cat"]);
  });
});

describe("writeVocabulary", () => {
  const vocabulary = Vocabulary.fromCounts(
    new Map([
      ["the", 3],
      ["cat", 1],
    ]),
    1,
  );

  it("writes a symbolic link's target, leaving the link a link", async () => {
    writeFileSync(join(dir, "vocab-target.txt"), "old 1\n");
    symlinkSync("vocab-target.txt", join(dir, "vocab-link.txt"));
    await writeVocabulary(join(dir, "vocab-link.txt"), vocabulary);
    expect(lstatSync(join(dir, "vocab-link.txt")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "vocab-link.txt"))).toBe("vocab-target.txt");
    expect(readFileSync(join(dir, "vocab-target.txt"), "utf8")).toBe("the 3\ncat 1\n");
  });

  it("refuses a FIFO instead of replacing it", async () => {
    const fifo = join(dir, "vocab-fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    await expect(writeVocabulary(fifo, vocabulary)).rejects.toThrow(
      new CorpusError("cannot write the vocabulary: it is a FIFO", { file: fifo }),
    );
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("names the path and leaves no temporary file when the directory is missing", async () => {
    const path = join(dir, "missing", "vocab.txt");
    await expect(writeVocabulary(path, vocabulary)).rejects.toThrow(
      new CorpusError("cannot write the vocabulary: its directory does not exist (ENOENT)", { file: path }),
    );
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
