import { describe, expect, it } from "vitest";
import { editDistance } from "../src/closest-name.js";
import { closestName, createSampler, listSamplers } from "../src/index.js";
import { WORKED_EXAMPLE } from "./helpers.js";

const STRATEGY_NAMES = listSamplers().map((s) => s.name);

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

  it("is what the registry suggests for an unknown strategy", async () => {
    await expect(createSampler({ type: "unigarm" }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow('unknown sampler "unigarm"; did you mean "unigram"?');
    await expect(createSampler({ type: "unfiorm" }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow('did you mean "uniform"?');
  });
});
