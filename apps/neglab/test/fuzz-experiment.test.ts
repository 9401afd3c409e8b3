import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExperimentError, loadExperiment, validateExperiment } from "../dist/experiment/definition.js";
import { byteMutations, mutate } from "@neglab/testkit";

const mutations = byteMutations();

const dir = mkdtempSync(join(tmpdir(), "neglab-fuzz-experiment-"));

/** A valid definition touching every section the validator reads. */
const valid = {
  name: "fuzz",
  description: "a valid definition to mutate",
  corpus: { source: "corpus.txt", lowercase: true, punctuation: "drop" },
  train: { architecture: "skipgram", vectorSize: 10, epochs: 1, workers: 1, minCount: 1, negative: 5 },
  strategies: [
    { name: "uniform", sampler: { type: "uniform", collision: "redraw" } },
    { name: "unigram", sampler: { type: "unigram", alpha: 0.75 }, train: { negative: 10 } },
  ],
  seeds: [1, 2, 3],
  benchmarks: [
    { name: "pairs", type: "similarity", path: "pairs.tsv", options: { caseInsensitive: true } },
    { name: "questions", type: "analogy", path: "questions.txt", options: { restrictVocab: 3000 }, optional: true },
  ],
  baseline: "unigram",
  report: { probes: ["cat", "dog"] },
};
const validText = JSON.stringify(valid, null, 1);

/** Each case must settle within this time: a definition is small, so anything slower is a hang. */
const CASE_MS = 2000;

/** Runs `load` and requires a loaded experiment or an ExperimentError naming `file`; true when it loaded. */
async function loadsOrNamesTheFile(load: () => Promise<unknown>, file: string): Promise<boolean> {
  try {
    const experiment = await load();
    expect(experiment).toHaveProperty("name");
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as Error).message.startsWith(`${file}: `)).toBe(true);
    expect((error as Error).message).not.toContain("\n    at ");
    return false;
  }
}

/** Sets the value at a path of field names/indices in a copy of `root` (creating nothing: a missing step is ignored). */
function replaceAt(root: unknown, steps: number[], value: unknown): unknown {
  const copy = structuredClone(root);
  let node = copy as Record<string, unknown>;
  for (let i = 0; i < steps.length; i++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[steps[i] % keys.length];
    const child = node[key];
    if (i === steps.length - 1 || typeof child !== "object" || child === null) {
      node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

describe("fuzz: experiment definitions", () => {
  it("the definition the mutations start from is valid", () => {
    expect(validateExperiment(valid, "/x/e.json").seeds).toEqual([1, 2, 3]);
  });

  it("arbitrary JSON values validate or end in an ExperimentError naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (json) => {
        await loadsOrNamesTheFile(async () => validateExperiment(json, "/x/e.json"), "/x/e.json");
      }),
      { seed: 1, numRuns: 300, timeout: CASE_MS },
    );
  });

  it("a valid definition with one field replaced by an arbitrary JSON value validates or names the file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        fc.jsonValue({ maxDepth: 2 }),
        async (steps, value) => {
          await loadsOrNamesTheFile(
            async () => validateExperiment(replaceAt(valid, steps, value), "/x/e.json"),
            "/x/e.json",
          );
        },
      ),
      { seed: 1, numRuns: 400, timeout: CASE_MS },
    );
  });

  it("mutated bytes of a valid definition file load or end in an ExperimentError naming the file", async () => {
    const bytes = new TextEncoder().encode(validText);
    let n = 0;
    let loaded = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (list) => {
        const file = join(dir, `mutated-${n++}.json`);
        writeFileSync(file, mutate(bytes, list));
        if (await loadsOrNamesTheFile(() => loadExperiment(file), file)) loaded++;
      }),
      { seed: 1, numRuns: 300, timeout: CASE_MS },
    );
    // Some mutations (inside a string, in whitespace) keep the definition valid: both outcomes were exercised.
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(n);
  });
});
