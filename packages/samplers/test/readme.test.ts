import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("README", () => {
  it("the example runs against the built package and prints what it says", () => {
    const readme = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
    const example = /```js\n([\s\S]*?)```/.exec(readme)![1];
    // Inside the package directory, so "@neglab/samplers" resolves to this package's dist (self-reference).
    const file = fileURLToPath(new URL("./.readme-example.tmp.mjs", import.meta.url));
    writeFileSync(file, example);
    try {
      const output = execFileSync(process.execPath, [file], { encoding: "utf8" }).split("\n");
      expect(output[0]).toMatch(/^unigram α=0.75 \(alias\); collision=skip/);
      expect(output[1]).toBe("0.2793");
      const [, n, ids] = /^(\d) \[ ([\d, ]+) \]$/.exec(output[2])!;
      expect(ids.split(", ").map(Number)).toHaveLength(Number(n));
      expect(ids.split(", ").map(Number)).not.toContain(3);
      expect(output[4]).toBe("uniform, unigram, fasttext, domain, annealed, adaptive, module:<path | package>");
    } finally {
      rmSync(file, { force: true });
    }
  });
});
