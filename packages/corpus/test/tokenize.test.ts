import { describe, expect, it } from "vitest";
import { createNormalizer } from "../src/normalize.js";
import { splitWhitespace } from "../src/tokenize.js";

describe("splitWhitespace (Python str.split semantics)", () => {
  it("splits on runs of ASCII whitespace and trims the ends", () => {
    expect(splitWhitespace("  the quick\t\tbrown\r\n")).toEqual(["the", "quick", "brown"]);
    expect(splitWhitespace("")).toEqual([]);
    expect(splitWhitespace(" \t ")).toEqual([]);
  });

  it("treats \\x1c-\\x1f, \\x85, NBSP and ideographic space as whitespace like Python", () => {
    // Python: "a\x1cb\x1dc\x1ed\x1fe\x85f\xa0g\u3000h\u2028i".split() → 9 tokens
    expect(splitWhitespace("a\x1cb\x1dc\x1ed\x1fe\x85f\xa0g\u3000h\u2028i")).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "f",
      "g",
      "h",
      "i",
    ]);
  });

  it("does not split on zero-width space or BOM, which Python keeps inside tokens", () => {
    // Python: "\ufeffa b\u200bc".split() → ['\ufeffa', 'b\u200bc']
    expect(splitWhitespace("\ufeffa b\u200bc")).toEqual(["\ufeffa", "b\u200bc"]);
  });
});

describe("createNormalizer", () => {
  it("passes tokens through by default", () => {
    expect(createNormalizer()).toBeNull();
  });

  it("lowercases and drops punctuation-only tokens", () => {
    const normalize = createNormalizer({ lowercase: true, punctuation: "drop" })!;
    expect(normalize(["The", ",", "U.S.", "don't", "--", "''", "Fox", "$"])).toEqual(["the", "u.s.", "don't", "fox"]);
  });

  it("strips punctuation at token edges", () => {
    const normalize = createNormalizer({ punctuation: "strip" })!;
    expect(normalize(['"Hello,', "world!", "...", "e.g."])).toEqual(["Hello", "world", "e.g"]);
  });

  it("rejects an unknown punctuation mode", () => {
    expect(() => createNormalizer({ punctuation: "remove" as "drop" })).toThrow(/punctuation must be/);
  });
});
