import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createSampler, createWeightedSampler, SamplerError } from "../src/index.js";
import { parseWeightsFile } from "../src/domain-weights.js";
import { WORKED_EXAMPLE } from "./helpers.js";

/** Issue #19: weights never give NaN or silently-zero distributions (defect 14, samplers side); weights files are read safely. */

const dir = mkdtempSync(join(tmpdir(), "neglab-weights-"));

describe("weights that overflow their sum", () => {
  it("domain weights near 1e308 give a distribution summing to 1, not Infinity / Infinity or zeros", async () => {
    const sampler = await createSampler(
      { type: "domain", weights: { fox: 1e308, dog: 1e308 }, defaultWeight: 0, combine: "mixture", lambda: 1 },
      { vocabulary: WORKED_EXAMPLE },
    );
    const p = sampler.probabilities();
    expect(p[3]).toBe(0.5); // fox
    expect(p[7]).toBe(0.5); // dog
    expect(p.reduce((a, b) => a + b, 0)).toBe(1);
  });

  it("createWeightedSampler over weights whose sum overflows keeps their proportions", () => {
    const p = createWeightedSampler([1.5e308, 1.5e308, 0]).probabilities();
    expect(Array.from(p)).toEqual([0.5, 0.5, 0]);
  });
});

describe("weights files", () => {
  it("drops a UTF-8 byte-order mark instead of gluing it to the first word", () => {
    expect(parseWeightsFile("\uFEFFfox\t2\ndog\t1\n", "w.tsv").map((e) => e.word)).toEqual(["fox", "dog"]);
  });

  it.each(["0x10", "Infinity", "1e400", "1_0", "2,5"])("refuses the weight %s, naming the file and line", (weight) => {
    expect(() => parseWeightsFile(`fox\t1\ndog\t${weight}\n`, "w.tsv")).toThrow(
      new SamplerError(`weight of "dog" must be a finite number ≥ 0, got "${weight}"`, {
        file: "w.tsv",
        line: 2,
        field: "weights",
      }),
    );
  });

  it("refuses a FIFO as weights file without waiting for a writer, and a directory, in plain words", async () => {
    const fifo = join(dir, "weights.fifo");
    execFileSync("mkfifo", [fifo]);
    await expect(createSampler({ type: "domain", weights: fifo }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow(
      `${fifo}: cannot read the weights file: not a regular file (a FIFO)`,
    );
    const folder = join(dir, "folder");
    mkdirSync(folder);
    await expect(createSampler({ type: "domain", weights: folder }, { vocabulary: WORKED_EXAMPLE })).rejects.toThrow(
      `${folder}: cannot read the weights file: not a regular file (a directory)`,
    );
    const plain = join(dir, "plain.tsv");
    writeFileSync(plain, "fox\t2\n");
    await expect(
      createSampler({ type: "domain", weights: plain }, { vocabulary: WORKED_EXAMPLE }),
    ).resolves.toBeDefined();
  });
});
