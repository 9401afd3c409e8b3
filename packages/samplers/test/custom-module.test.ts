import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createStream } from "@neglab/random";
import { afterAll, describe, expect, it } from "vitest";
import { compareToExpected, drawCounts } from "../src/diagnostics.js";
import { createSampler, SamplerError, validateSamplerSpec, type SamplerSpec } from "../src/index.js";
import { buffers, fixture, WORKED_EXAMPLE } from "./helpers.js";

const vocabulary = WORKED_EXAMPLE;
const baseDir = fixture("modules");

async function buildError(spec: SamplerSpec, dir = baseDir): Promise<SamplerError> {
  try {
    await createSampler(spec, { vocabulary, baseDir: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(SamplerError);
    return error as SamplerError;
  }
  throw new Error(`expected ${spec.type} to fail`);
}

describe("custom sampler modules", () => {
  it("loads a named createSampler factory by relative path, with its own options", async () => {
    const sampler = await createSampler(
      { type: "module:./inverse-frequency.mjs", power: 1, collision: "redraw" },
      { vocabulary, baseDir },
    );
    const inverse = Array.from(vocabulary.counts, (c) => 1 / c);
    const total = inverse.reduce((a, b) => a + b, 0);
    sampler.probabilities().forEach((p, i) => expect(p).toBeCloseTo(inverse[i] / total, 14));
    expect(sampler.collision).toBe("redraw");
    expect(sampler.spec.type).toBe(`module:${join(baseDir, "inverse-frequency.mjs")}`);
    const fit = compareToExpected(
      drawCounts(sampler, 12, 200_000, { rng: createStream(1, "custom") }),
      sampler.probabilities(),
    );
    expect(fit.chiSquare.pValue).toBeGreaterThan(0.001);
  });

  it("loads a default-export factory written against the interface by hand (absolute path and file: URL)", async () => {
    for (const type of [
      `module:${join(baseDir, "even-words.mjs")}`,
      `module:${pathToFileURL(join(baseDir, "even-words.mjs")).href}`,
    ]) {
      const sampler = await createSampler({ type, collision: "skip" }, { vocabulary });
      const out = buffers(8);
      const n = sampler.draw(out, 8, 2, -1, createStream(2, "even"));
      expect(Array.from(out.ids.subarray(0, n)).every((id) => id % 2 === 0 && id !== 2)).toBe(true);
      expect(sampler.describe!()).toBe("even word ids, uniform; collision=skip");
    }
  });

  it("gives factories the registry, to wrap built-in samplers", async () => {
    const sampler = await createSampler({ type: "module:./wraps-builtin.mjs", alpha: 1 }, { vocabulary, baseDir });
    expect(sampler.probabilities()[0]).toBeCloseTo(20 / 54, 14);
    expect(sampler.describe!()).toBe("wrapped unigram");
  });

  it("resolves an installed ESM-only package by name from baseDir's node_modules", async () => {
    const project = mkdtempSync(join(tmpdir(), "neglab-samplers-"));
    try {
      const packageDir = join(project, "node_modules", "@lab", "neg-sampler");
      mkdirSync(join(packageDir, "lib"), { recursive: true });
      writeFileSync(
        join(packageDir, "package.json"),
        JSON.stringify({ name: "@lab/neg-sampler", type: "module", exports: { ".": { import: "./lib/index.js" } } }),
      );
      writeFileSync(
        join(packageDir, "lib", "index.js"),
        `export { createSampler } from ${JSON.stringify(join(baseDir, "inverse-frequency.mjs"))};\n`,
      );
      mkdirSync(join(project, "experiments", "run1"), { recursive: true });
      const sampler = await createSampler(
        { type: "module:@lab/neg-sampler" },
        { vocabulary, baseDir: join(project, "experiments", "run1") },
      );
      expect(sampler.spec.type).toBe(`module:${join(packageDir, "lib", "index.js")}`);
      expect(sampler.probabilities()[6]).toBeGreaterThan(sampler.probabilities()[0]);
      expect((await buildError({ type: "module:@lab/not-installed" }, project)).message).toMatch(
        /no package "@lab\/not-installed" in node_modules/,
      );
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it("a module without a factory: names the module and what it exports", async () => {
    const error = await buildError({ type: "module:./no-factory.mjs" });
    expect(error.file).toBe(join(baseDir, "no-factory.mjs"));
    expect(error.message).toMatch(
      /exports no factory: expected a function exported as "createSampler" or as the default export \(it exports "alpha", "strategy"\)/,
    );
  });

  it("a factory that throws: the error surfaces at build time with the module named", async () => {
    const error = await buildError({ type: "module:./throws.mjs" });
    expect(error.message).toBe(
      `${join(baseDir, "throws.mjs")}: the custom sampler factory threw: weights service unavailable`,
    );
    expect((error.cause as Error).message).toBe("weights service unavailable");
    const options = await buildError({ type: "module:./inverse-frequency.mjs", power: -1 });
    expect(options.message).toMatch(/factory threw: option "power" must be a number > 0, got -1/);
  });

  it("a factory returning a non-sampler, a missing module, an empty specifier", async () => {
    expect((await buildError({ type: "module:./not-a-sampler.mjs" })).message).toMatch(
      /returned an object without a draw/,
    );
    expect((await buildError({ type: "module:./missing.mjs" })).message).toMatch(
      /missing\.mjs: cannot load the custom sampler module/,
    );
    expect(() => validateSamplerSpec({ type: "module:  " }, vocabulary)).toThrow(/names no module/);
  });

  describe("in a worker thread", () => {
    const workers: Worker[] = [];
    afterAll(() => Promise.all(workers.map((w) => w.terminate())));

    /** Draws in a worker from `spec` (the normalised spec of the main thread's sampler). */
    function drawInWorker(spec: SamplerSpec): Promise<{ ids: number[]; spec: SamplerSpec }> {
      const worker = new Worker(fixture("worker-draw.mjs"), {
        workerData: {
          spec,
          vocabulary: { words: vocabulary.words, counts: Array.from(vocabulary.counts) },
          draws: 200,
          k: 5,
        },
      });
      workers.push(worker);
      return new Promise((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
    }

    it.each([
      { type: "module:./inverse-frequency.mjs", power: 0.5 },
      { type: "domain", weights: "../weights/animals.tsv", combine: "mixture" },
    ])("rebuilds $type from the main thread's normalised spec and draws the same negatives", async (spec) => {
      const sampler = await createSampler(spec, { vocabulary, baseDir });
      const rng = createStream(99, "worker");
      const out = buffers(5);
      const expected: number[] = [];
      for (let call = 0; call < 200; call++) expected.push(...out.ids.subarray(0, sampler.draw(out, 5, 0, -1, rng)));
      const fromWorker = await drawInWorker(sampler.spec);
      expect(fromWorker.spec).toEqual(sampler.spec);
      expect(fromWorker.ids).toEqual(expected);
    });
  });
});
