import { readdirSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError, buildVocabulary, encodeCorpus, openCorpus, prepareEncodedCorpus } from "../src/index.js";
import { blockBufferLength, openEncodedFd, readEncodedBlock } from "../src/encoded-file.js";
import type { EncodedCorpusFile } from "../src/index.js";
import { tempDir } from "./helpers.js";

/** All ids of an encoded file, block by block. */
function allIds(file: EncodedCorpusFile): number[] {
  const fd = openEncodedFd(file);
  const buffer = new Int32Array(blockBufferLength(file));
  const ids: number[] = [];
  for (let b = 0; b < file.blocks.words.length; b++) ids.push(...readEncodedBlock(fd, file, b, buffer).ids);
  return ids;
}

/** A corpus file with planted counts: "w<i>" appears 50 − 5i times, interleaved over 200 lines. */
function writeCorpus(dir: string, extra = ""): string {
  const lines = Array.from({ length: 200 }, (_, line) =>
    Array.from({ length: 10 }, (_, i) => ((line * 10 + i) % (i + 7) < 3 ? `w${i}` : `x${(line + i) % 40}`)).join(" "),
  );
  const path = join(dir, "corpus.txt");
  writeFileSync(path, `${lines.join("\n")}\n${extra}`);
  return path;
}

describe("prepareEncodedCorpus", () => {
  it("counts and encodes once, then reads the entry back without reading the corpus through", async () => {
    const dir = tempDir();
    const corpus = await openCorpus(writeCorpus(dir));
    const cache = join(dir, "cache");
    let counted = 0;
    const first = await prepareEncodedCorpus(corpus, { minCount: 3, onProgress: () => void counted++ }, cache);
    expect(first.cached).toBe(false);
    expect(counted).toBeGreaterThan(0);

    const expected = await buildVocabulary(corpus, { minCount: 3 });
    expect(first.vocabulary.words).toEqual(expected.vocabulary.words);
    expect([...first.vocabulary.counts]).toEqual([...expected.vocabulary.counts]);
    expect(first.stats).toEqual(expected.stats);
    const inMemory = await encodeCorpus(corpus, expected.vocabulary);
    expect(first.encoded.tokens).toBe(inMemory.tokens);
    expect(first.encoded.rawTokens).toBe(2000);
    expect(allIds(first.encoded)).toEqual([...inMemory.ids]);

    counted = 0;
    const again = await prepareEncodedCorpus(corpus, { minCount: 3, onProgress: () => void counted++ }, cache);
    expect(again.cached).toBe(true);
    expect(counted).toBe(0);
    expect(again.directory).toBe(first.directory);
    expect(again.vocabulary.words).toEqual(first.vocabulary.words);
    expect(allIds(again.encoded)).toEqual(allIds(first.encoded));
    expect(again.digest).toBe(first.digest);
  });

  it("keys entries by the settings and the corpus bytes", async () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const corpus = await openCorpus(writeCorpus(dir));
    const a = await prepareEncodedCorpus(corpus, { minCount: 3 }, cache);
    const b = await prepareEncodedCorpus(corpus, { minCount: 60 }, cache);
    expect(b.cached).toBe(false);
    expect(b.directory).not.toBe(a.directory);
    expect(b.vocabulary.size).toBeLessThan(a.vocabulary.size);
    const lowercased = await openCorpus(corpus.description.files[0], { normalize: { lowercase: true } });
    expect((await prepareEncodedCorpus(lowercased, { minCount: 3 }, cache)).directory).not.toBe(a.directory);
    writeCorpus(dir, "w0 w0 w0 w0\n"); // the same path with other bytes
    const changed = await prepareEncodedCorpus(await openCorpus(corpus.description.files[0]), { minCount: 3 }, cache);
    expect(changed.cached).toBe(false);
    expect(changed.vocabulary.count("w0")).toBe(a.vocabulary.count("w0") + 4);
  });

  it("leaves one entry and no temporary directory when two callers make it at once", async () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const corpus = await openCorpus(writeCorpus(dir));
    const [a, b] = await Promise.all([
      prepareEncodedCorpus(corpus, { minCount: 3 }, cache),
      prepareEncodedCorpus(corpus, { minCount: 3 }, cache),
    ]);
    expect(a.directory).toBe(b.directory);
    expect(allIds(a.encoded)).toEqual(allIds(b.encoded));
    expect(readdirSync(cache)).toEqual([a.directory.split("/").pop()]);
  });

  it("names a damaged entry and how to rebuild it", async () => {
    const dir = tempDir();
    const cache = join(dir, "cache");
    const corpus = await openCorpus(writeCorpus(dir));
    const made = await prepareEncodedCorpus(corpus, { minCount: 3 }, cache);
    truncateSync(join(made.directory, "encoded.bin"), 100);
    const error = await prepareEncodedCorpus(corpus, { minCount: 3 }, cache).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message).toContain(made.directory);
    expect((error as CorpusError).message).toMatch(/damaged corpus cache entry .*delete the directory/);
  });
});
