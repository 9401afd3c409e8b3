import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { neglab, outputsWorkspace } from "./outputs-helpers.js";

// Defect 14 of issue #19: `samplers weights --beta abc` (or NaN) wrote NaN weights with exit 0.
const { dir, corpus, background } = outputsWorkspace("numbers");

describe("samplers weights validates its numeric flags before reading any corpus", () => {
  const cases: [string, string[], string][] = [
    ["--beta abc", ["--beta", "abc"], 'neglab: --beta: expected a decimal number, got "abc"\n'],
    ["--beta NaN", ["--beta", "NaN"], 'neglab: --beta: expected a decimal number, got "NaN"\n'],
    ["--beta Infinity", ["--beta", "Infinity"], 'neglab: --beta: expected a decimal number, got "Infinity"\n'],
    [
      "--smoothing Infinity",
      ["--smoothing", "Infinity"],
      'neglab: --smoothing: expected a decimal number, got "Infinity"\n',
    ],
    ["--smoothing 0", ["--smoothing", "0"], "neglab: --smoothing 0: expected a finite number > 0\n"],
    ["--min-count 1.5", ["--min-count", "1.5"], "neglab: --min-count 1.5: expected an integer ≥ 1\n"],
  ];
  for (const [name, flags, message] of cases) {
    it(`${name}: exit 1, the flag named, no file written`, async () => {
      const out = join(dir, `${name.replace(/\W+/g, "-")}.tsv`);
      const minCount = flags.includes("--min-count") ? [] : ["--min-count", "1"];
      const result = await neglab(
        dir,
        "samplers",
        "weights",
        "--domain",
        corpus,
        "--background",
        background,
        ...minCount,
        ...flags,
        "--out",
        out,
      );
      expect(result.stderr).toBe(message);
      expect(result.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    });
  }

  it("a β so large that a weight overflows: exit 1 naming the word, no file written", async () => {
    const out = join(dir, "huge-beta.tsv");
    const result = await neglab(
      dir,
      "samplers",
      "weights",
      "--domain",
      corpus,
      "--background",
      background,
      "--min-count",
      "1",
      "--beta",
      "1e6",
      "--out",
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^neglab: --beta 1000000: the weight of "\S+" \(ratio [\d.e+-]+ to the power β\) is not finite: choose a smaller \|β\|\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
