import { describe, expect, test } from "vitest";
import { TrainOptionError, resolveSettings } from "../src/index.js";

/** The message resolveSettings throws for `given` (it must throw a TrainOptionError). */
function message(given: Record<string, unknown>): string {
  try {
    resolveSettings(given);
  } catch (error) {
    expect(error).toBeInstanceOf(TrainOptionError);
    return (error as Error).message;
  }
  throw new Error(`expected ${JSON.stringify(given)} to be refused`);
}

describe("option messages show bounds and values as a user reads them (issue #19, defect 20)", () => {
  test("a strictly positive bound reads > 0, not ≥ 5e-324", () => {
    expect(message({ alpha: 0 })).toBe("alpha: must be a finite number > 0, got 0");
    expect(message({ alpha: -0.5 })).toBe("alpha: must be a finite number > 0, got -0.5");
    expect(message({ sample: -1 })).toBe("sample: must be a finite number ≥ 0, got -1");
  });

  test("Infinity and NaN are named, not shown as JSON's null", () => {
    expect(message({ alpha: Infinity })).toBe("alpha: must be a finite number > 0, got Infinity");
    expect(message({ minAlpha: -Infinity })).toBe("minAlpha: must be a finite number ≥ 0, got -Infinity");
    expect(message({ window: Number.NaN })).toBe("window: must be an integer in [1, 10000], got NaN");
    expect(message({ epochs: Infinity })).toBe("epochs: must be an integer in [1, 1000000], got Infinity");
    expect(message({ hs: null })).toBe("hs: must be true or false, got null");
    expect(message({ architecture: "sg" })).toBe('architecture: must be one of "skipgram", "cbow", got "sg"');
  });
});
