import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CorpusError,
  Vocabulary,
  buildVocabulary,
  loadVocabulary,
  openCorpus,
  saveVocabulary,
} from "../src/index.js";
import { tempDir } from "./helpers.js";

const dir = tempDir();

async function corpusOf(lines: string[], name = "c.txt") {
  const path = join(dir, name);
  writeFileSync(path, lines.join("\n") + "\n");
  return openCorpus(path);
}

describe("buildVocabulary", () => {
  it("sorts by descending count, ties by first occurrence, and applies minCount", async () => {
    const corpus = await corpusOf(["b a c a", "c d a b e", "d"]);
    const { vocabulary, stats } = await buildVocabulary(corpus, { minCount: 2 });
    expect(vocabulary.words).toEqual(["a", "b", "c", "d"]);
    expect([...vocabulary.counts]).toEqual([3, 2, 2, 2]);
    expect(vocabulary.id("c")).toBe(2);
    expect(vocabulary.id("e")).toBe(-1);
    expect(stats).toEqual({
      sentences: 3,
      tokens: 10,
      types: 5,
      effectiveMinCount: 2,
      retainedTypes: 4,
      retainedTokens: 9,
      prunes: 0,
    });
  });

  it("prunes while counting like gensim's max_vocab_size (count < r, r = 1, 2, …)", async () => {
    // After sentence 1: {x:2, y:1, z:1} has 3 > 2 types → prune count < 1 (nothing), r = 2.
    // After sentence 2: {x:3, y:1, z:1, w:1} → prune count < 2 → {x:3}, r = 3.
    // After sentence 3: {x:3, v:2} fits.
    const corpus = await corpusOf(["x x y z", "x w", "v v"], "prune.txt");
    const { vocabulary, stats } = await buildVocabulary(corpus, { minCount: 1, maxVocabSize: 2 });
    expect(vocabulary.words).toEqual(["x", "v"]);
    expect(stats.prunes).toBe(2);
  });

  it("raises minCount to honour maxFinalVocab as gensim does", async () => {
    const corpus = await corpusOf(["a a a a b b b c c d d e"], "final.txt");
    // counts a4 b3 c2 d2 e1; maxFinalVocab 3 → count ranked 3 is d:2 → minCount 3 → {a, b}
    const { vocabulary, stats } = await buildVocabulary(corpus, { minCount: 1, maxFinalVocab: 3 });
    expect(vocabulary.words).toEqual(["a", "b"]);
    expect(stats.effectiveMinCount).toBe(3);
  });

  it("fails clearly on an empty corpus and on a minCount that leaves nothing", async () => {
    const empty = await corpusOf(["", "   "], "empty.txt");
    await expect(buildVocabulary(empty)).rejects.toThrow(/empty\.txt: the corpus is empty/);
    const small = await corpusOf(["a b c"], "small.txt");
    await expect(buildVocabulary(small, { minCount: 5 })).rejects.toThrow(/small\.txt: minCount=5 leaves no word/);
    await expect(buildVocabulary(small, { minCount: 0 })).rejects.toThrow(/minCount must be a positive integer/);
  });
});

describe("vocabulary files", () => {
  it("round-trips through the word2vec.c `word count` format", async () => {
    const vocabulary = new Vocabulary(["the", "a", "über"], [10, 4, 4]);
    const path = join(dir, "vocab.txt");
    await saveVocabulary(vocabulary, path);
    const loaded = await loadVocabulary(path);
    expect(loaded.words).toEqual(vocabulary.words);
    expect([...loaded.counts]).toEqual([10, 4, 4]);
    expect((await loadVocabulary(path, 5)).words).toEqual(["the"]);
  });

  it("names the file and line of a malformed entry", async () => {
    const path = join(dir, "bad-vocab.txt");
    writeFileSync(path, "the 10\na four\n");
    await expect(loadVocabulary(path)).rejects.toThrow(`${path}:2: count must be a positive integer`);
    writeFileSync(path, "the 10\nthe 3\n");
    await expect(loadVocabulary(path)).rejects.toThrow(`${path}:2: duplicate word "the"`);
    writeFileSync(path, "the 10 extra\n");
    await expect(loadVocabulary(path)).rejects.toThrow(CorpusError);
    await expect(loadVocabulary(join(dir, "missing.txt"))).rejects.toThrow(/missing\.txt: no such file/);
  });

  it("rejects inconsistent vocabularies", () => {
    expect(() => new Vocabulary(["a", "b"], [1, 2])).toThrow(/descending/);
    expect(() => new Vocabulary(["a", "a"], [2, 2])).toThrow(/duplicate/);
    expect(() => new Vocabulary(["a"], [0.5])).toThrow(/positive integer/);
  });
});
