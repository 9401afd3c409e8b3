import { describe, expect, it } from "vitest";
import { createSampler } from "../src/index.js";
import { WORKED_EXAMPLE } from "./helpers.js";

describe("unknown sampler types", () => {
  it("get the closest registered name, a transposition counting as one edit", async () => {
    await expect(createSampler({ type: "unigarm" }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow(
      'unknown sampler "unigarm"; did you mean "unigram"?',
    );
    await expect(createSampler({ type: "unfiorm" }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow(
      'did you mean "uniform"?',
    );
  });
});
