import { describe, expect, it } from "vitest";
import { closestName, editDistance, suggestion } from "../src/index.js";

const STRATEGY_NAMES = ["uniform", "unigram", "domain", "annealed", "adaptive"];

describe("optimal-string-alignment distance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["kitten", "sitting", 3], // Levenshtein's classic: two substitutions and an insertion
    ["unigarm", "unigram", 1], // one adjacent transposition
    ["unigarm", "uniform", 2], // two substitutions (plain Levenshtein ties it with unigram at 2)
    ["unfiorm", "uniform", 1],
    ["ab", "ba", 1],
    // OSA edits no substring twice: "ca" → "abc" takes 3 (unrestricted Damerau–Levenshtein gives 2)
    ["ca", "abc", 3],
  ] as const)("d(%j, %j) = %i, both ways", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closestName", () => {
  it("counts a transposition as one edit: unigarm → unigram, unfiorm → uniform", () => {
    expect(closestName("unigarm", ["uniform", "unigram"])).toBe("unigram");
    expect(closestName("unigarm", STRATEGY_NAMES)).toBe("unigram");
    expect(closestName("unfiorm", STRATEGY_NAMES)).toBe("uniform");
    expect(closestName("UNIGARM", STRATEGY_NAMES)).toBe("unigram");
  });

  it("suggests nothing when the closest name is too far off", () => {
    expect(closestName("zzzzzzz", STRATEGY_NAMES)).toBeUndefined();
    expect(closestName("anything", [])).toBeUndefined();
  });

  it("phrases the suggestion, or lists the valid names when none is close", () => {
    expect(suggestion("unigarm", STRATEGY_NAMES)).toBe('; did you mean "unigram"?');
    expect(suggestion("zzzzzzz", ["a", "b"])).toBe(' (expected one of: "a", "b")');
  });
});
