import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SamplerSpec } from "@neglab/samplers";
import { ExperimentError } from "../src/experiment/definition.js";
import { preflightExperimentSamplers } from "../src/experiment/trainer-settings.js";

/**
 * Issue #19, defect 18: bad weights files and throwing or hanging custom modules stop `train`, `run` and
 * `samplers inspect` before the corpus is read, as one line naming the file and line or the module.
 */

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-preflight-"));
const corpus = join(dir, "corpus.txt");
writeFileSync(
  corpus,
  `${Array.from({ length: 200 }, (_, i) => `the cat ${i % 7} sat on the mat near the dog`).join("\n")}\n`,
);
const badWeights = join(dir, "bad.tsv");
writeFileSync(badWeights, "cat\t2\ndog\tlots\n");
writeFileSync(join(dir, "good.tsv"), "cat\t2\ndog\t1\n");
writeFileSync(join(dir, "throws.mjs"), 'export function createSampler() { throw new Error("no licence server"); }\n');
writeFileSync(join(dir, "never.mjs"), "export function createSampler() { return new Promise(() => {}); }\n");

function neglab(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, CI: "1", XDG_CACHE_HOME: join(dir, "cache") },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("sampler preflight in the CLI", () => {
  it("train: a malformed weights file is named with its line before the corpus is counted, and nothing is written", async () => {
    const out = join(dir, "vectors.txt");
    const result = await neglab(
      "train",
      "--corpus",
      corpus,
      "--sampler",
      "domain",
      "--weights",
      "bad.tsv",
      "--out",
      out,
      "--min-count",
      "1",
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: --sampler: ${badWeights}:2: weight of "dog" must be a finite number ≥ 0, got "lots"\n`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("train: a custom factory promise that never settles ends with a message naming the module (not exit 13)", async () => {
    const result = await neglab(
      "train",
      "--corpus",
      corpus,
      "--sampler",
      "module:./never.mjs",
      "--out",
      join(dir, "never.txt"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: --sampler: ${join(dir, "never.mjs")}: the custom sampler never finished loading or building: ` +
        "a top-level await or factory promise waits on nothing that can settle it\n",
    );
  });

  it("samplers inspect: a throwing custom module is reported before the corpus is opened", async () => {
    const result = await neglab(
      "samplers",
      "inspect",
      "module:./throws.mjs",
      "--corpus",
      join(dir, "no-such-corpus.txt"),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: ${join(dir, "throws.mjs")}: the custom sampler factory threw: no licence server\n`,
    );
  });
});

describe("preflightExperimentSamplers", () => {
  const experiment = (samplers: SamplerSpec[]) => ({
    file: join(dir, "experiment.json"),
    baseDir: dir,
    strategies: samplers.map((sampler, i) => ({ name: `s${i}`, sampler, train: {} })),
  });

  it("names the definition file, the strategy's field and the weights file's line", async () => {
    const error = await preflightExperimentSamplers(
      experiment([{ type: "unigram" }, { type: "domain", weights: "bad.tsv" }]),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExperimentError);
    expect((error as Error).message).toBe(
      `${join(dir, "experiment.json")}: strategies[1].sampler.weights: ${badWeights}:2: weight of "dog" must be a finite number ≥ 0, got "lots"`,
    );
  });

  it("names a throwing custom module of any strategy, and accepts good ones", async () => {
    const error = await preflightExperimentSamplers(
      experiment([{ type: "domain", weights: "good.tsv" }, { type: "module:./throws.mjs" }]),
    ).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${join(dir, "experiment.json")}: strategies[1].sampler.type: ${join(dir, "throws.mjs")}: the custom sampler factory threw: no licence server`,
    );
    await expect(
      preflightExperimentSamplers(
        experiment([
          { type: "domain", weights: "good.tsv" },
          { type: "unigram", alpha: 0.75 },
        ]),
      ),
    ).resolves.toBeUndefined();
  });
});
