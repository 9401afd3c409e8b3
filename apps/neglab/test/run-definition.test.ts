import { describe, expect, it } from "vitest";
import { ExperimentError, validateExperiment } from "../dist/experiment/definition.js";

const definition = (seeds: unknown) => ({
  name: "seeds",
  corpus: { source: "corpus.txt" },
  strategies: [{ name: "u", sampler: { type: "uniform" } }],
  seeds,
});

/** The message `validateExperiment` throws for `seeds`, or null when it accepts them. */
function seedProblem(seeds: unknown): string | null {
  try {
    validateExperiment(definition(seeds), "/x/experiment.json");
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(ExperimentError);
    return (error as Error).message;
  }
}

describe("experiment seeds (issue #19, defect 11)", () => {
  it("refuses a duplicate seed, naming the file, both fields and the seed", () => {
    expect(seedProblem([1, 1])).toBe(
      "/x/experiment.json: seeds[1]: duplicate seed 1 (also seeds[0]); every seed must differ, or the statistics count one run twice",
    );
    expect(seedProblem([3, 4, 5, 4])).toMatch(
      /^\/x\/experiment\.json: seeds\[3\]: duplicate seed 4 \(also seeds\[1\]\)/,
    );
  });

  it("refuses seeds outside the trainer's range [0, 2^32 − 1] before any work, with the field path", () => {
    expect(seedProblem([1, -1])).toBe("/x/experiment.json: seeds[1]: expected an integer in [0, 4294967295], got -1");
    expect(seedProblem([2 ** 32])).toBe(
      "/x/experiment.json: seeds[0]: expected an integer in [0, 4294967295], got 4294967296",
    );
    expect(seedProblem([1.5])).toBe("/x/experiment.json: seeds[0]: expected an integer, got number 1.5");
  });

  it("accepts distinct seeds at both ends of the range", () => {
    expect(seedProblem([0, 1, 2 ** 32 - 1])).toBeNull();
  });
});
