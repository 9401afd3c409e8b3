import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readdirSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { fifoWithoutWriter, type FifoWithoutWriter } from "@neglab/testkit";
import { afterEach, describe, expect, it } from "vitest";
import {
  BLOCK_WORDS,
  blockBufferLength,
  createEncodedFileWriter,
  openEncodedCorpus,
  openEncodedFd,
  readEncodedBlock,
  sentenceBlocks,
} from "../src/encoded-file.js";
import {
  CorpusError,
  Vocabulary,
  encodeCorpus,
  writeEncodedCorpus,
  openCorpus,
  type EncodedCorpusFile,
} from "../src/index.js";
import { tempDir } from "./helpers.js";

/** Every sentence of an encoded file, read block by block. */
function readAll(file: EncodedCorpusFile): number[][] {
  const fd = openEncodedFd(file);
  const buffer = new Int32Array(blockBufferLength(file));
  const out: number[][] = [];
  try {
    for (let b = 0; b < file.blocks.words.length; b++) {
      const { lengths, ids } = readEncodedBlock(fd, file, b, buffer);
      let at = 0;
      for (const length of lengths) {
        out.push([...ids.subarray(at, at + length)]);
        at += length;
      }
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

/** Writes `sentences` (each a list of ids) with the writer and returns the finished file. */
async function writeSentences(path: string, sentences: number[][], vocabularySize: number): Promise<EncodedCorpusFile> {
  const writer = await createEncodedFileWriter(path, { vocabularySize });
  for (const sentence of sentences) writer.addSentence(Int32Array.from(sentence), sentence.length);
  const tokens = sentences.reduce((sum, s) => sum + s.length, 0);
  return writer.finish({ rawTokens: tokens + 5, rawSentences: sentences.length + 1 });
}

/** Sentences of the given lengths with ids cycling through [0, vocabularySize). */
function sentencesOf(lengths: number[], vocabularySize: number): number[][] {
  let next = 0;
  return lengths.map((length) => Array.from({ length }, () => next++ % vocabularySize));
}

describe("the encoded corpus file: round trip", () => {
  it("gives back the sentences of encodeCorpus with the same totals, cut into blocks by the chunking rule", async () => {
    const dir = tempDir();
    const text = join(dir, "corpus.txt");
    // a line of 25,000 words: with maxSentenceLength 30,000 one sentence longer than a block
    const long = Array.from({ length: 25_000 }, (_, i) => `w${i % 7}`).join(" ");
    const lines = [
      ...Array.from({ length: 900 }, (_, i) => `w${i % 5} rare${i} w${(i * 3) % 7} w1`),
      "rare only",
      long,
      "w2 w3",
      "",
    ];
    writeFileSync(text, lines.join("\n"));
    const corpus = await openCorpus(text, { maxSentenceLength: 30_000 });
    const vocabulary = Vocabulary.fromCounts(
      Array.from({ length: 7 }, (_, i) => [`w${i}`, 10 - i] as [string, number]),
      1,
    );
    const memory = await encodeCorpus(corpus, vocabulary);
    const file = await writeEncodedCorpus(join(dir, "corpus.enc"), corpus, vocabulary);

    expect(file.tokens).toBe(memory.ids.length);
    expect(file.tokens).toBe(memory.tokens);
    expect([file.sentences, file.rawTokens, file.rawSentences]).toEqual([
      memory.sentences,
      memory.rawTokens,
      memory.rawSentences,
    ]);
    expect(file.rawSentences).toBe(903); // the line of out-of-vocabulary words is read but not encoded
    expect(file.longestSentence).toBe(25_000);
    expect(file.vocabularySize).toBe(7);
    const expected: number[][] = [];
    for (let s = 0; s < memory.sentences; s++)
      expected.push([...memory.ids.subarray(memory.sentenceStarts[s], memory.sentenceStarts[s + 1])]);
    expect(readAll(file)).toEqual(expected);
    const rule = sentenceBlocks(memory.sentenceStarts, memory.sentences);
    expect(file.blocks.sentences).toEqual(rule.sentences);
    expect(file.blocks.words).toEqual(rule.words);
    expect(file.blocks.firstSentence).toEqual(rule.firstSentence);
    // what openEncodedCorpus reads back is what the writer returned
    expect(await openEncodedCorpus(file.path, { vocabularySize: 7 })).toEqual(file);
    expect(readdirSync(dir).sort()).toEqual(["corpus.enc", "corpus.txt"]); // no temporary file left
  });

  it("opens a new block at the first sentence once the block holds ≥ BLOCK_WORDS words; a long sentence makes its own", async () => {
    expect(BLOCK_WORDS).toBe(10_000);
    const lengths = [6000, 5000, 25_000, 3000, 9999, 1, 1];
    const file = await writeSentences(join(tempDir(), "blocks.enc"), sentencesOf(lengths, 11), 11);
    // 6000 + 5000 ≥ 10,000 → the 25,000 opens block 1 and fills it → 3000 opens block 2, + 9999 ≥ 10,000 → 1 opens block 3
    expect([...file.blocks.sentences]).toEqual([2, 1, 2, 2]);
    expect([...file.blocks.words]).toEqual([11_000, 25_000, 12_999, 2]);
    expect([...file.blocks.firstSentence]).toEqual([0, 2, 3, 5]);
    expect([...file.blocks.offset]).toEqual([
      64,
      64 + 4 * 11_002,
      64 + 4 * (11_002 + 25_001),
      64 + 4 * (11_002 + 25_001 + 13_001),
    ]);
    expect(blockBufferLength(file)).toBe(25_001);
    expect(readAll(file)).toEqual(sentencesOf(lengths, 11));
    const starts = [0];
    for (const length of lengths) starts.push(starts[starts.length - 1] + length);
    expect(sentenceBlocks(Int32Array.from(starts), lengths.length).words).toEqual(file.blocks.words);
  });

  it("skips sentences of length 0 and refuses ids outside the vocabulary", async () => {
    const path = join(tempDir(), "skip.enc");
    const writer = await createEncodedFileWriter(path, { vocabularySize: 3 });
    writer.addSentence(Int32Array.from([2, 1, 9]), 2);
    writer.addSentence(Int32Array.from([1]), 0);
    expect(() => writer.addSentence(Int32Array.from([3]), 1)).toThrow(/id 3 is not in \[0, 3\)/);
    const file = await writer.finish({ rawTokens: 4, rawSentences: 3 });
    expect([file.tokens, file.sentences]).toEqual([2, 1]);
    expect(readAll(file)).toEqual([[2, 1]]);
  });

  it("reads totals above 2^31 exactly (a sparse file of two blocks of 1.5 billion words)", async () => {
    const path = join(tempDir(), "huge.enc");
    const words = 1_500_000_000;
    const blockBytes = 4 * (1 + words);
    const tableOffset = 64 + 2 * blockBytes;
    const header = Buffer.alloc(64);
    header.write("NEGLABEC", 0, "ascii");
    header.writeUInt32LE(1, 8);
    header.writeUInt32LE(5, 12);
    header.writeDoubleLE(2 * words, 16);
    header.writeDoubleLE(2, 24);
    header.writeDoubleLE(2 * words + 10, 32);
    header.writeDoubleLE(3, 40);
    header.writeUInt32LE(words, 48);
    header.writeUInt32LE(2, 52);
    header.writeDoubleLE(tableOffset, 56);
    const table = Buffer.alloc(32);
    for (let b = 0; b < 2; b++) {
      table.writeDoubleLE(64 + b * blockBytes, 16 * b);
      table.writeInt32LE(1, 16 * b + 8);
      table.writeInt32LE(words, 16 * b + 12);
    }
    const fd = openSync(path, "w");
    writeSync(fd, header, 0, 64, 0);
    writeSync(fd, table, 0, 32, tableOffset); // the blocks in between are a hole: zeros, never read here
    closeSync(fd);
    const file = await openEncodedCorpus(path);
    expect(file.tokens).toBe(3_000_000_000);
    expect(file.rawTokens).toBe(3_000_000_010);
    expect([...file.blocks.offset]).toEqual([64, 64 + blockBytes]);
    expect([...file.blocks.firstSentence]).toEqual([0, 1]);
    expect(blockBufferLength(file)).toBe(words + 1);
  });
});

describe("the encoded corpus file: writing is atomic", () => {
  it("abort removes the temporary file and leaves an existing file as it was", async () => {
    const dir = tempDir();
    const path = join(dir, "kept.enc");
    writeFileSync(path, "before");
    const writer = await createEncodedFileWriter(path, { vocabularySize: 4 });
    writer.addSentence(Int32Array.from([1, 2, 3]), 3);
    expect(readdirSync(dir).length).toBe(2); // the file and the temporary one beside it
    await writer.abort();
    await writer.abort();
    expect(readdirSync(dir)).toEqual(["kept.enc"]);
    expect(readFileSync(path, "utf8")).toBe("before");
  });

  it("refuses an empty corpus, or one without any word of the vocabulary, creating no file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.txt"), "\n\n");
    writeFileSync(join(dir, "other.txt"), "x y z\n");
    const vocabulary = new Vocabulary(["a"], [3]);
    const target = join(dir, "out.enc");
    await expect(writeEncodedCorpus(target, await openCorpus(join(dir, "empty.txt")), vocabulary)).rejects.toThrow(
      new CorpusError("the corpus is empty (no tokens)", { file: join(dir, "empty.txt") }),
    );
    await expect(writeEncodedCorpus(target, await openCorpus(join(dir, "other.txt")), vocabulary)).rejects.toThrow(
      /other\.txt: none of the 3 tokens/,
    );
    const writer = await createEncodedFileWriter(target, { vocabularySize: 1 });
    await expect(writer.finish({ rawTokens: 0, rawSentences: 0 })).rejects.toThrow(
      new CorpusError("no sentence has a word in the vocabulary: nothing to encode", { file: target }),
    );
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(["empty.txt", "other.txt"]);
  });

  it("refuses to replace a directory", async () => {
    const dir = tempDir();
    await expect(createEncodedFileWriter(dir, { vocabularySize: 2 })).rejects.toThrow(
      /cannot write the encoded corpus: it is a directory/,
    );
  });
});

describe("the encoded corpus file: damaged files are CorpusErrors naming the file (and block)", () => {
  let fifo: FifoWithoutWriter | undefined;
  afterEach(() => fifo?.release());

  /** A small valid file: 3 blocks (sentences of 6000 + 6000, 6000 + 5000, 10 words), vocabulary 7. */
  async function sample(): Promise<{ path: string; bytes: Buffer; file: EncodedCorpusFile }> {
    const path = join(tempDir(), "sample.enc");
    const file = await writeSentences(path, sentencesOf([6000, 6000, 6000, 5000, 10], 7), 7);
    return { path, bytes: readFileSync(path), file };
  }

  async function openDamaged(bytes: Buffer, path: string): Promise<unknown> {
    writeFileSync(path, bytes);
    return openEncodedCorpus(path).then(
      () => null,
      (error: unknown) => error,
    );
  }

  it("a truncated file", async () => {
    const { path, bytes } = await sample();
    const error = await openDamaged(bytes.subarray(0, bytes.length - 1), path);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).file).toBe(path);
    expect((error as Error).message).toMatch(
      /sample\.enc: \d+ bytes, but its header puts the block table of 3 blocks at byte \d+ \(truncated or damaged\)/,
    );
    expect(await openDamaged(bytes.subarray(0, 10), path)).toEqual(
      new CorpusError("10 bytes: too short for an encoded corpus (its header alone is 64 bytes)", { file: path }),
    );
  });

  it("a wrong magic or version", async () => {
    const { path, bytes } = await sample();
    const magic = Buffer.from(bytes);
    magic.write("NEGLABXX", 0, "ascii");
    expect(await openDamaged(magic, path)).toEqual(
      new CorpusError('not a NegLab encoded corpus (no "NEGLABEC" at its start)', { file: path }),
    );
    const version = Buffer.from(bytes);
    version.writeUInt32LE(2, 8);
    expect(await openDamaged(version, path)).toEqual(
      new CorpusError("encoded corpus format version 2; this reader knows version 1", { file: path }),
    );
  });

  it("a table pointing past the end, or totals that do not add up", async () => {
    const { path, bytes, file } = await sample();
    const tableOffset = bytes.readDoubleLE(56);
    const pastEnd = Buffer.from(bytes);
    pastEnd.writeDoubleLE(bytes.length + 100, 16 + tableOffset); // block 1's offset
    expect(await openDamaged(pastEnd, path)).toEqual(
      new CorpusError(
        `block 1: the table puts it at byte ${bytes.length + 100}, the blocks before it end at byte ${file.blocks.offset[1]}`,
        { file: path },
      ),
    );
    const tooManyWords = Buffer.from(bytes);
    tooManyWords.writeInt32LE(file.blocks.words[2] + 1, 2 * 16 + 12 + tableOffset);
    expect(((await openDamaged(tooManyWords, path)) as Error).message).toMatch(
      /sample\.enc: its blocks end at byte \d+, but the block table starts at byte/,
    );
    const header = Buffer.from(bytes);
    header.writeDoubleLE(file.tokens + 1, 16);
    expect(((await openDamaged(header, path)) as Error).message).toMatch(
      /its blocks hold 23010 tokens in 5 sentences, but the header says 23011 in 5/,
    );
    const raw = Buffer.from(bytes);
    raw.writeDoubleLE(Number.NaN, 32);
    expect(await openDamaged(raw, path)).toEqual(new CorpusError("damaged header: rawTokens is NaN", { file: path }));
  });

  it("a vocabulary size other than the one given", async () => {
    const { path } = await sample();
    await expect(openEncodedCorpus(path, { vocabularySize: 8 })).rejects.toThrow(
      new CorpusError("encoded against a vocabulary of 7 words, not the 8 given", { file: path }),
    );
  });

  it("an id out of range or a wrong sentence length, found when the block is read", async () => {
    const { path, bytes, file } = await sample();
    const badId = Buffer.from(bytes);
    const idAt = file.blocks.offset[1] + 4 * (file.blocks.sentences[1] + 17); // word 17 of block 1
    badId.writeInt32LE(7, idAt);
    writeFileSync(path, badId);
    const opened = await openEncodedCorpus(path); // the table is intact
    const fd = openEncodedFd(opened);
    const buffer = new Int32Array(blockBufferLength(opened));
    try {
      expect(readEncodedBlock(fd, opened, 0, buffer).ids.length).toBe(12_000);
      expect(() => readEncodedBlock(fd, opened, 1, buffer)).toThrow(
        new CorpusError("block 1: id 7 at word 17 is outside the vocabulary [0, 7)", { file: path }),
      );
      badId.writeInt32LE(-1, idAt);
      writeFileSync(path, badId);
      expect(() => readEncodedBlock(fd, opened, 1, buffer)).toThrow(/block 1: id -1 at word 17/);
      const badLength = Buffer.from(bytes);
      badLength.writeInt32LE(6001, file.blocks.offset[0]);
      writeFileSync(path, badLength);
      expect(() => readEncodedBlock(fd, opened, 0, buffer)).toThrow(
        new CorpusError("block 0: sentence 0 has length 6001, outside [1, 6000]", { file: path }),
      );
      badLength.writeInt32LE(5999, file.blocks.offset[0]);
      writeFileSync(path, badLength);
      expect(() => readEncodedBlock(fd, opened, 0, buffer)).toThrow(
        /block 0: its sentence lengths add up to 11999, not the 12000 words/,
      );
      truncateSync(path, file.blocks.offset[2] + 8);
      expect(() => readEncodedBlock(fd, opened, 2, buffer)).toThrow(
        /block 2: the file ends at byte \d+, inside the block/,
      );
    } finally {
      closeSync(fd);
    }
  });

  it("a FIFO is refused promptly, also when it replaced the file after it was opened", async () => {
    fifo = fifoWithoutWriter("corpus.enc");
    await expect(openEncodedCorpus(fifo.path)).rejects.toThrow(
      new CorpusError("not a regular file (a FIFO)", { file: fifo.path }),
    );
    const { file } = await sample();
    expect(() => openEncodedFd({ ...file, path: fifo!.path })).toThrow(
      new CorpusError("not a regular file (replaced since it was opened)", { file: fifo.path }),
    );
  }, 3000);
});
