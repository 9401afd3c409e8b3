import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFixture } from "./run-fixture.js";

describe("a similarity benchmark with every pair out of vocabulary (probe defect 4)", () => {
  it("is refused before the first cell trains, naming the benchmark's field", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-oov-");
    writeFileSync(join(dir, "data", "unknown.tsv"), "zebra\tgiraffe\t8\nlion\ttiger\t9\n");
    const file = experiment("oov", {
      benchmarks: [
        { name: "pairs", type: "similarity", path: "pairs.tsv" },
        { name: "unknown", type: "similarity", path: "unknown.tsv" },
      ],
    });
    const out = join(dir, "out");
    const result = await neglab(["run", file, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}: benchmarks[1]: unknown (${join(dir, "data", "unknown.tsv")}) cannot be scored with this corpus's vocabulary: `,
    );
    expect(result.stderr).toContain("no valid similarity judgements");
    expect(existsSync(join(out, "cells")) ? readdirSync(join(out, "cells")) : []).toEqual([]);
    expect(result.stderr).not.toMatch(/\[1\/4\]/);
  });

  it("lets a benchmark with some known pairs run", async () => {
    const { dir, experiment, neglab } = runFixture("neglab-probe-oov-");
    writeFileSync(join(dir, "data", "some.tsv"), "zebra\tgiraffe\t8\ncat\tdog\t9\nsaw\tcat\t1\n");
    const result = await neglab([
      "run",
      experiment("some", { seeds: [1], benchmarks: [{ name: "some", type: "similarity", path: "some.tsv" }] }),
      "--out",
      join(dir, "out"),
    ]);
    expect(result.stderr).not.toContain("cannot be scored");
    expect(result.code).toBe(0);
  });
});
