import { describe, expect, it } from "vitest";
import { CorpusError } from "../src/index.js";
import { sentenceBatches } from "../src/sentence-stream.js";
import { inPieces } from "./helpers.js";

async function read(bytes: Uint8Array, pieceSize: number, maxSentenceLength?: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const batch of sentenceBatches(inPieces(bytes, pieceSize), { file: "mem.txt", maxSentenceLength })) {
    out.push(...batch);
  }
  return out;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("sentenceBatches", () => {
  it("yields one sentence per non-empty line, with or without a final newline", async () => {
    expect(await read(utf8("a b\n\n c \nd"), 1 << 20)).toEqual([["a", "b"], ["c"], ["d"]]);
    expect(await read(utf8("a b\r\nc\r\n"), 1 << 20)).toEqual([["a", "b"], ["c"]]);
  });

  it("gives the same sentences whatever the chunk boundaries, even inside multi-byte characters", async () => {
    const text = "naïve café ☕ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\nstraße\u3000weiß\n";
    const whole = await read(utf8(text), 1 << 20);
    expect(whole).toEqual([
      ["naïve", "café", "☕", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"],
      ["straße", "weiß"],
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(await read(utf8(text), size)).toEqual(whole);
  });

  it("cuts a long line into sentences of maxSentenceLength tokens, as LineSentence does", async () => {
    const words = Array.from({ length: 25_003 }, (_, i) => `w${i % 97}`);
    const sentences = await read(utf8(`${words.join(" ")}\nlast line\n`), 4096);
    expect(sentences.map((s) => s.length)).toEqual([10_000, 10_000, 5_003, 2]);
    expect(sentences.slice(0, 3).flat()).toEqual(words);
    expect(await read(utf8("a b c d e"), 3, 2)).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("reads a single line longer than 1 MiB in pieces without changing the tokens (text8 style)", async () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `tok${i % 1000}`); // ≈ 2.3 MB, one line
    const sentences = await read(utf8(words.join(" ")), 64 * 1024);
    expect(sentences).toHaveLength(30);
    expect(sentences.every((s) => s.length === 10_000)).toBe(true);
    expect(sentences.flat()).toEqual(words);
  });

  it("cuts a long line at non-ASCII Python whitespace too (U+3000, U+00A0)", async () => {
    const words = Array.from({ length: 200_000 }, (_, i) => `字${i % 500}`); // ≈ 1.8 MB, no ASCII whitespace
    const text = words.map((w, i) => (i % 2 === 0 ? `${w}\u3000` : `${w}\u00a0`)).join("");
    const sentences = await read(utf8(text), 64 * 1024);
    expect(sentences.flat()).toEqual(words);
  });

  it("rejects a run of more than 1 MiB without whitespace instead of buffering it", async () => {
    const bytes = utf8(`first line\nsecond line\nok ${"x".repeat(1_500_000)} rest\n`);
    await expect(read(bytes, 64 * 1024)).rejects.toThrow(/mem\.txt:3: more than 1048576 bytes without whitespace/);
    // Under the bound, a long token in a long line is read whole.
    const long = `${"w ".repeat(400_000)}${"y".repeat(900_000)} end`;
    const sentences = await read(utf8(long), 64 * 1024);
    expect(sentences.flat().slice(-2)).toEqual(["y".repeat(900_000), "end"]);
  });

  it("names the line of invalid UTF-8", async () => {
    const bytes = new Uint8Array([...utf8("fine line\nsecond\nbad "), 0xff, 0xfe, ...utf8(" here\n")]);
    await expect(read(bytes, 1 << 20)).rejects.toThrow(CorpusError);
    await expect(read(bytes, 1 << 20)).rejects.toThrow("mem.txt:3: invalid UTF-8");
    await expect(read(bytes, 4)).rejects.toThrow("mem.txt:3: invalid UTF-8");
  });
});
