import { describe, expect, it } from "vitest";
import { WordTable } from "../src/word-table.js";

const bytes = (word: string) => Buffer.from(word, "utf8");
const add = (table: WordTable, word: string) => table.add(bytes(word), 0, bytes(word).length);
const find = (table: WordTable, word: string) => table.find(bytes(word), 0, bytes(word).length);

describe("WordTable", () => {
  it("numbers words by first insertion and counts repeats", () => {
    const table = new WordTable(2);
    const words = ["the", "cat", "the", "naïve", "cat", "the", "𝔘"];
    expect(words.map((w) => add(table, w))).toEqual([0, 1, 0, 2, 1, 0, 3]);
    expect(table.size).toBe(4);
    expect([0, 1, 2, 3].map((id) => [table.word(id), table.count(id)])).toEqual([
      ["the", 3],
      ["cat", 2],
      ["naïve", 1],
      ["𝔘", 1],
    ]);
    expect(find(table, "cat")).toBe(1);
    expect(find(table, "ca")).toBe(-1);
    expect(find(table, "cats")).toBe(-1);
  });

  it("finds words inside a larger buffer by their byte range", () => {
    const table = WordTable.fromWords(["b", "ab"]);
    const line = bytes("xab b");
    expect(table.find(line, 1, 3)).toBe(1);
    expect(table.find(line, 4, 5)).toBe(0);
    expect(table.find(line, 0, 3)).toBe(-1);
  });

  it("holds 200,000 words through many growths with every id and count intact", () => {
    const table = new WordTable();
    let misnumbered = 0;
    for (let round = 1; round <= 2; round++)
      for (let i = 0; i < 200_000; i++) if (add(table, `w${i}`) !== i) misnumbered++;
    expect(misnumbered).toBe(0);
    expect(table.size).toBe(200_000);
    for (const i of [0, 1, 4095, 4096, 131_071, 199_999]) {
      expect(table.word(i)).toBe(`w${i}`);
      expect(table.count(i)).toBe(2);
      expect(find(table, `w${i}`)).toBe(i);
    }
  });

  it("prunes words counted fewer than minCount times, keeping the others in order", () => {
    const table = new WordTable();
    for (const w of ["a", "b", "a", "c", "d", "c", "a"]) add(table, w);
    table.prune(2);
    expect(table.size).toBe(2);
    expect([table.word(0), table.count(0), table.word(1), table.count(1)]).toEqual(["a", 3, "c", 2]);
    expect(find(table, "b")).toBe(-1);
    expect(add(table, "b")).toBe(2); // a pruned word that returns counts from its return
    expect(table.count(2)).toBe(1);
  });

  it("refuses duplicate words in fromWords", () => {
    expect(() => WordTable.fromWords(["x", "y", "x"])).toThrow(/duplicate word "x"/);
  });
});
