import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Vocabulary } from "@neglab/corpus";
import { SamplerError } from "@neglab/samplers";
import { describe, expect, test } from "vitest";
import { TrainerError, TrainingDivergedError, type TrainOptions } from "../src/index.js";
import { planted, trainPlanted } from "./helpers.js";

// A custom sampler module runs inside the training workers: whatever it does —
// hang, throw, draw ids outside the vocabulary — training must end with a typed
// error whose one-line message names the module, never hang and never print
// worker stack frames.

const MODULE = fileURLToPath(new URL("./fixtures/misbehaving-sampler.mjs", import.meta.url));
const TOP_LEVEL_AWAIT = fileURLToPath(new URL("./fixtures/top-level-await-sampler.mjs", import.meta.url));

/** Trains the planted corpus with the misbehaving module and returns what it rejected with. */
async function failure(
  behaviour: string,
  overrides: Partial<TrainOptions> = {},
  spec: Record<string, unknown> = {},
): Promise<Error> {
  const started = performance.now();
  const error = await trainPlanted({
    samplerModule: undefined,
    sampler: { type: `module:${MODULE}`, behaviour, ...spec },
    epochs: 2,
    samplerTimeout: 1_000,
    ...overrides,
  }).then(
    () => new Error("training finished"),
    (e: unknown) => e as Error,
  );
  // every failure ends well within the time a hang would take
  expect(performance.now() - started).toBeLessThan(30_000);
  return error;
}

/** The error is a one-line TrainerError naming the module, with no stack frames in its message. */
function expectNamedTrainerError(error: Error, message: RegExp): void {
  expect(error).toBeInstanceOf(TrainerError);
  expect(error.message).toContain(`sampler "module:${MODULE}"`);
  expect(error.message).toMatch(message);
  expect(error.message).not.toContain("\n");
  expect(error.message).not.toMatch(/ {4}at /);
}

describe("a custom sampler that hangs", () => {
  test.each([1, 2])("a draw that never returns stops training after samplerTimeout (%i workers)", async (workers) => {
    const error = await failure("hang", { workers });
    expectNamedTrainerError(
      error,
      /stopped in epoch 1: no sampler draw returned within 1000 ms; raise samplerTimeout \(--sampler-timeout, now 1000 ms\)/,
    );
  });

  test("a factory promise that never settles, while the worker stays alive, stops at samplerTimeout", async () => {
    const error = await failure("never-settles-alive");
    expectNamedTrainerError(error, /stopped while starting: its sampler was not built within 1000 ms/);
  });

  test("a factory promise that never settles, with nothing else to run, is reported when its worker exits", async () => {
    const error = await failure("never-settles", { samplerTimeout: 60_000 });
    expectNamedTrainerError(error, /: training worker 0 stopped while starting with exit code \d+: .*never settles/);
  });

  test("a process whose only work is train() never exits 13 silently when a module's top-level await never settles", () => {
    const dir = mkdtempSync(join(tmpdir(), "neglab-tla-"));
    try {
      const corpus = join(dir, "corpus.txt");
      writeFileSync(corpus, "a b c d e f\n".repeat(200));
      const script = join(dir, "main.mjs");
      const trainer = pathToFileURL(fileURLToPath(new URL("../dist/index.js", import.meta.url))).href;
      writeFileSync(
        script,
        `import { train } from ${JSON.stringify(trainer)};\n` +
          `try {\n  await train({ corpus: ${JSON.stringify(corpus)}, minCount: 1, epochs: 1, workers: 1, sampler: { type: ${JSON.stringify(`module:${TOP_LEVEL_AWAIT}`)} } });\n` +
          `  console.log("trained");\n} catch (error) {\n  console.error(error.name + ": " + error.message);\n  process.exitCode = 1;\n}\n`,
      );
      const run = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /^TrainerError: sampler "module:.*top-level-await-sampler\.mjs": training worker 0 stopped while starting with exit code \d+/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a custom sampler that fails", () => {
  test("a draw that throws ends in a one-line TrainerError naming the module", async () => {
    const error = await failure("throw", { workers: 2 });
    expectNamedTrainerError(error, /threw in draw: draw 100 failed second line$/);
  });

  test("with NEGLAB_DEBUG the worker's stack is kept as the cause, outside the message", async () => {
    process.env.NEGLAB_DEBUG = "1";
    try {
      const error = await failure("throw");
      expectNamedTrainerError(error, /threw in draw: draw 100 failed second line$/);
      expect((error.cause as Error).stack).toMatch(/ {4}at .*misbehaving-sampler\.mjs/);
    } finally {
      delete process.env.NEGLAB_DEBUG;
    }
  });

  test("a factory that throws ends in the SamplerError naming the module file, without stack frames", async () => {
    const error = await failure("factory-throws");
    expect(error).toBeInstanceOf(SamplerError);
    expect((error as SamplerError).file).toBe(MODULE);
    expect((error as SamplerError).field).toBe("type");
    expect(error.message).toBe(`${MODULE}: the custom sampler factory threw: no weights for this vocabulary`);
  });

  test("a samplerModule whose factory throws is named with the spec type and the module", async () => {
    const error = await trainPlanted({ sampler: { type: "no-such-sampler" } }).then(
      () => new Error("training finished"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(TrainerError);
    expect(error.message).toMatch(
      /^sampler "no-such-sampler" \(from file:.*test-samplers\.mjs\) could not be built: test sampler: unknown type no-such-sampler$/,
    );
  });
});

test("a vector that became NaN where training never reads it again is caught after the last epoch", async () => {
  // the planted corpus plus one word that never occurs in it: only the sampler could touch its rows
  const entries: [string, number][] = planted.vocabulary.words.map((word, id) => [word, planted.vocabulary.counts[id]]);
  const vocabulary = Vocabulary.fromCounts([...entries, ["unused", 1]], 1);
  const ids = Int32Array.from(planted.encoded.ids, (id) => vocabulary.id(planted.vocabulary.words[id]));
  const error = await failure(
    "poison-unused",
    { vocabulary, encoded: { ...planted.encoded, ids } },
    { unused: "unused" },
  );
  expect(error).toBeInstanceOf(TrainingDivergedError);
  expect((error as TrainingDivergedError).epoch).toBe(1);
  expect(error.message).toBe(
    "training diverged in epoch 2 of 2: the loss or a vector became NaN or infinite; lower alpha (now 0.025)",
  );
});

// The kernels index the vectors with the drawn ids unchecked: a bad id must be
// refused before it reaches them, in both architectures and on both kernels.
describe.each([
  ["skipgram", "wasm"],
  ["cbow", "js"],
] as const)("%s, %s kernel: ids and counts from a sampler are checked", (architecture, kernel) => {
  test.each([
    ["negative-id", /drew id -1, not a word id in \[0, 48\) \(the vocabulary size\)/],
    ["id-beyond", /drew id 48, not a word id in \[0, 48\) \(the vocabulary size\)/],
    ["too-many", /returned 6 from draw: the count of negatives must be an integer in \[0, 5\] \(k = negative\)/],
    ["fraction", /returned 1\.5 from draw: the count of negatives must be an integer in \[0, 5\]/],
  ])("%s", async (behaviour, message) => {
    const error = await failure(behaviour, { architecture, kernel, negative: 5 });
    expectNamedTrainerError(error, message);
  });
});
