import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  Vocabulary,
  buildVocabulary,
  encodeCorpus,
  expectedRetainedTokens,
  keepProbabilities,
  openCorpus,
} from "../src/index.js";
import { tempDir } from "./helpers.js";

describe("keepProbabilities (word2vec.c / gensim subsampling)", () => {
  const vocabulary = new Vocabulary(["the", "of", "rare"], [900_000, 99_000, 1_000]);

  it("follows keep = (√(c/t) + 1)·t/c with t = sample·N, capped at 1", () => {
    const keep = keepProbabilities(vocabulary, 1e-3);
    const t = 1e-3 * 1_000_000; // 1000
    expect(keep[0]).toBeCloseTo((Math.sqrt(900_000 / t) + 1) * (t / 900_000), 12); // ≈ 0.03444
    expect(keep[0]).toBeCloseTo(0.034444, 5);
    expect(keep[1]).toBeCloseTo((Math.sqrt(99_000 / t) + 1) * (t / 99_000), 12);
    expect(keep[2]).toBe(1); // (√1 + 1)·1 = 2 → capped
    expect(expectedRetainedTokens(vocabulary, keep)).toBeCloseTo(900_000 * keep[0] + 99_000 * keep[1] + 1_000, 6);
  });

  it("keeps everything at sample 0 and uses gensim's shorthand for sample ≥ 1", () => {
    expect([...keepProbabilities(vocabulary, 0)]).toEqual([1, 1, 1]);
    const t = Math.floor((5000 * (3 + Math.sqrt(5))) / 2); // 13090
    expect(keepProbabilities(vocabulary, 5000)[0]).toBeCloseTo((Math.sqrt(900_000 / t) + 1) * (t / 900_000), 12);
    expect(() => keepProbabilities(vocabulary, -1)).toThrow(/sample must be/);
  });
});

describe("encodeCorpus", () => {
  it("encodes ids with OOV words and emptied sentences dropped, optionally in shared memory", async () => {
    const path = join(tempDir(), "enc.txt");
    writeFileSync(path, "a b rare a\nrare\nb a\n");
    const corpus = await openCorpus(path);
    const { vocabulary } = await buildVocabulary(corpus, { minCount: 2 });
    expect(vocabulary.words).toEqual(["a", "b", "rare"]); // counts 3, 2, 2: ties in first-seen order
    const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
    const [a, b] = [vocabulary.id("a"), vocabulary.id("b")];
    expect([...encoded.ids]).toEqual([a, b, vocabulary.id("rare"), a, vocabulary.id("rare"), b, a]);
    const small = await buildVocabulary(corpus, { minCount: 3 });
    const dropped = await encodeCorpus(corpus, small.vocabulary, { shared: true });
    expect([...dropped.ids]).toEqual([0, 0, 0]);
    expect([...dropped.sentenceStarts]).toEqual([0, 2, 3]);
    expect(dropped.sentences).toBe(2);
    expect(dropped.tokens).toBe(3);
    expect(dropped.rawSentences).toBe(3);
    expect(dropped.rawTokens).toBe(7);
    expect(dropped.ids.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
