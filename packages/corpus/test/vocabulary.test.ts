import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CorpusError, Vocabulary, buildVocabulary, readVocabulary, openCorpus, writeVocabulary } from "../src/index.js";
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

  it("names maxVocabSize when its pruning leaves no word (not only minCount)", async () => {
    // After sentence 2: {a, b, c, d} has 4 > 1 types → prune count < 2 → nothing is left.
    const corpus = await corpusOf(["a b", "c d"], "pruned-away.txt");
    await expect(buildVocabulary(corpus, { minCount: 1, maxVocabSize: 1 })).rejects.toThrow(
      "maxVocabSize=1 pruned words counted fewer than 2 times while counting, and minCount=1 then leaves no word in the vocabulary; raise maxVocabSize or lower minCount",
    );
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
    await writeVocabulary(path, vocabulary);
    const loaded = await readVocabulary(path);
    expect(loaded.words).toEqual(vocabulary.words);
    expect([...loaded.counts]).toEqual([10, 4, 4]);
    expect((await readVocabulary(path, 5)).words).toEqual(["the"]);
  });

  // Files written by word2vec.c itself (see test/golden/word2vec-c/README.md for the commands).
  const word2vecC = (name: string) => new URL(`./golden/word2vec-c/${name}`, import.meta.url).pathname;

  it("reads word2vec.c's -save-vocab output, skipping its leading </s> line", async () => {
    const vocabFile = word2vecC("brown-200.vocab");
    expect(readFileSync(vocabFile, "utf8").split("\n")[0]).toBe("</s> 200");
    const loaded = await readVocabulary(vocabFile);
    expect(loaded.has("</s>")).toBe(false);
    // Same words and counts as our own count of the corpus word2vec.c read (ties may be ordered differently).
    const { vocabulary } = await buildVocabulary(await openCorpus(word2vecC("brown-200.txt")), { minCount: 1 });
    expect(loaded.size).toBe(1526);
    expect(loaded.size).toBe(vocabulary.size);
    expect(loaded.totalCount).toBe(vocabulary.totalCount);
    for (const word of vocabulary.words) expect([word, loaded.count(word)]).toEqual([word, vocabulary.count(word)]);
    expect(loaded.words.slice(0, 3)).toEqual(["the", ",", "."]);
  });

  it("accepts word2vec.c's `</s> 0` first line (a file without newlines), and </s> later as a word", async () => {
    const vocabFile = word2vecC("oneline.vocab");
    expect(readFileSync(vocabFile, "utf8").split("\n")[0]).toBe("</s> 0");
    const loaded = await readVocabulary(vocabFile);
    const { vocabulary } = await buildVocabulary(await openCorpus(word2vecC("oneline.txt")), { minCount: 2 });
    expect(loaded.size).toBe(vocabulary.size);
    expect(loaded.count("the")).toBe(37);
    const path = join(dir, "late-end.txt");
    writeFileSync(path, "the 10\n</s> 3\n");
    expect((await readVocabulary(path)).count("</s>")).toBe(3);
    writeFileSync(path, "the 10\n</s> 0\n");
    await expect(readVocabulary(path)).rejects.toThrow(`${path}:2: count must be a positive integer`);
  });

  it("names the file and line of a malformed entry", async () => {
    const path = join(dir, "bad-vocab.txt");
    writeFileSync(path, "the 10\na four\n");
    await expect(readVocabulary(path)).rejects.toThrow(`${path}:2: count must be a positive integer`);
    writeFileSync(path, "the 10\nthe 3\n");
    await expect(readVocabulary(path)).rejects.toThrow(`${path}:2: duplicate word "the"`);
    writeFileSync(path, "the 10 extra\n");
    await expect(readVocabulary(path)).rejects.toThrow(CorpusError);
    await expect(readVocabulary(join(dir, "missing.txt"))).rejects.toThrow(/missing\.txt: no such file/);
  });

  it("rejects inconsistent vocabularies", () => {
    expect(() => new Vocabulary(["a", "b"], [1, 2])).toThrow(/descending/);
    expect(() => new Vocabulary(["a", "a"], [2, 2])).toThrow(/duplicate/);
    expect(() => new Vocabulary(["a"], [0.5])).toThrow(/positive integer/);
  });

  it("copies the caller's words array", () => {
    const words = ["a", "b"];
    const vocabulary = new Vocabulary(words, [2, 1]);
    words[0] = "changed";
    expect(vocabulary.words).toEqual(["a", "b"]);
    expect(vocabulary.id("a")).toBe(0);
  });
});
