import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CorpusError,
  buildVocabulary,
  countAndWriteEncodedCorpus,
  writeEncodedCorpus,
  openCorpus,
} from "../src/index.js";
import { blockBufferLength, openEncodedFd, readEncodedBlock } from "../src/encoded-file.js";
import type { EncodedCorpusFile, VocabularyOptions } from "../src/index.js";
import { tempDir } from "./helpers.js";

/** Every sentence of an encoded file. */
function sentencesOf(file: EncodedCorpusFile): number[][] {
  const fd = openEncodedFd(file);
  const buffer = new Int32Array(blockBufferLength(file));
  const out: number[][] = [];
  for (let b = 0; b < file.blocks.words.length; b++) {
    const { lengths, ids } = readEncodedBlock(fd, file, b, buffer);
    let at = 0;
    for (const length of lengths) out.push([...ids.subarray(at, (at += length))]);
  }
  return out;
}

/**
 * A corpus whose rare words make some sentences empty after encoding: word "f<k>" appears k times, "r<i>" once,
 * in lines of mixed length; 30,000 lines so that the spill file is written in several buffers.
 */
function plantedCorpus(dir: string): string {
  const lines: string[] = [];
  for (let line = 0; line < 30_000; line++) {
    const words = [`r${line}`];
    for (let k = 1; k <= 1 + (line % 7); k++) if (line % (k + 1) === 0) words.push(`f${k}`, `g${(line * 7) % 50}`);
    if (line % 3 === 0) words.push(`r${line}b`);
    lines.push(words.join(" "));
  }
  const path = join(dir, "planted.txt");
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

describe("countAndWriteEncodedCorpus", () => {
  const cases: VocabularyOptions[] = [
    { minCount: 5 },
    { minCount: 1 },
    { minCount: 2, maxFinalVocab: 20 },
    { minCount: 1, maxVocabSize: 5_000 },
  ];
  for (const options of cases) {
    it(`gives buildVocabulary's vocabulary and writeEncodedCorpus's sentences in one pass: ${JSON.stringify(options)}`, async () => {
      const dir = tempDir();
      const corpus = await openCorpus(plantedCorpus(dir));
      const once = await countAndWriteEncodedCorpus(join(dir, "once.bin"), corpus, options);
      const expected = await buildVocabulary(corpus, options);
      const twice = await writeEncodedCorpus(join(dir, "twice.bin"), corpus, expected.vocabulary);
      expect(once.vocabulary.words).toEqual(expected.vocabulary.words);
      expect([...once.vocabulary.counts]).toEqual([...expected.vocabulary.counts]);
      expect(once.stats).toEqual(expected.stats);
      const { path: _a, ...onceTotals } = once.encoded;
      const { path: _b, ...twiceTotals } = twice;
      expect(onceTotals).toEqual(twiceTotals);
      expect(sentencesOf(once.encoded)).toEqual(sentencesOf(twice));
      expect(once.encoded.rawSentences).toBe(30_000);
      // the temporary id file is gone
      expect(readdirSync(dir).sort()).toEqual(["once.bin", "planted.txt", "twice.bin"]);
    });
  }

  it("stops before writing anything when onCounted throws", async () => {
    const dir = tempDir();
    const corpus = await openCorpus(plantedCorpus(dir));
    for (const options of [{ minCount: 5 }, { minCount: 5, maxVocabSize: 5_000 }]) {
      let seen = 0;
      const refuse = (build: { vocabulary: { size: number } }) => {
        seen = build.vocabulary.size;
        throw new RangeError("too large");
      };
      await expect(
        countAndWriteEncodedCorpus(join(dir, "out.bin"), corpus, { ...options, onCounted: refuse }),
      ).rejects.toThrow("too large");
      expect(seen).toBe((await buildVocabulary(corpus, options)).vocabulary.size);
      expect(readdirSync(dir)).toEqual(["planted.txt"]);
    }
  });

  it("leaves no file behind when the corpus is empty", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "empty.txt"), "\n \n");
    const error = await countAndWriteEncodedCorpus(
      join(dir, "out.bin"),
      await openCorpus(join(dir, "empty.txt")),
      {},
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as Error).message).toMatch(/empty\.txt: the corpus is empty/);
    expect(readdirSync(dir)).toEqual(["empty.txt"]);
  });
});
