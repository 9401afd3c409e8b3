import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CellResult } from "../dist/grid/cell-result.js";
import { renderCsv } from "../dist/report/render.js";
import { runFixture } from "./run-fixture.js";

/** A planted run directory holding summary.json and the given results.csv rows. */
function plantRun(dir: string, name: string, rows: string[]): string {
  const run = join(dir, name);
  mkdirSync(run);
  writeFileSync(join(run, "summary.json"), JSON.stringify({ experiment: name, baseline: "u" }));
  writeFileSync(join(run, "results.csv"), ["strategy,seed,benchmark,metric,value", ...rows, ""].join("\n"));
  return run;
}

describe("an undefined metric in results.csv (probe defect 5)", () => {
  it("is written NaN whether the cell holds NaN (run) or null (read back from JSON by report)", () => {
    const cell = (value: number | null) =>
      ({ strategy: "u", seed: 1, metrics: [{ benchmark: "b", metric: "spearman", value }] }) as unknown as CellResult;
    expect(renderCsv([cell(Number.NaN)])).toBe("strategy,seed,benchmark,metric,value\nu,1,b,spearman,NaN\n");
    expect(renderCsv([cell(null)])).toBe(renderCsv([cell(Number.NaN)]));
  });

  it("is shown n/a by compare, never as a mean of 0", async () => {
    const { dir, neglab } = runFixture("neglab-probe-results-");
    const run = plantRun(dir, "r", [
      "u,1,b,spearman,NaN",
      "u,2,b,spearman,NaN",
      "u,1,b,pearson,0.5",
      "u,2,b,pearson,0.7",
    ]);
    const result = await neglab(["compare", run]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("n/a (n=2)");
    expect(result.stdout).toContain("0.6000 ± 0.1414 (n=2)");
    expect(result.stdout).not.toContain("0.0000 ± 0.0000");
  });

  it("refuses an empty value naming the line instead of reading it as 0", async () => {
    const { dir, neglab } = runFixture("neglab-probe-results-");
    const run = plantRun(dir, "r", ["u,1,b,spearman,0.4", "u,2,b,spearman,"]);
    const result = await neglab(["compare", run]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${join(run, "results.csv")}:3: expected strategy,seed,benchmark,metric,value (a number or NaN), got u,2,b,spearman,`,
    );
  });

  it("refuses values NegLab never writes (Infinity, 1e999, a leading space, hexadecimal) instead of averaging them", async () => {
    const { dir, neglab } = runFixture("neglab-probe-results-");
    for (const [i, value] of ["Infinity", "1e999", " 1", "0x1"].entries()) {
      const run = plantRun(dir, `odd${i}`, ["u,1,b,spearman,0.4", `u,2,b,spearman,${value}`]);
      const result = await neglab(["compare", run]);
      expect(result.code, value).toBe(1);
      expect(result.stderr).toContain(
        `${join(run, "results.csv")}:3: expected strategy,seed,benchmark,metric,value (a number or NaN), got u,2,b,spearman,${value}`,
      );
    }
  });
});

describe("a duplicated results.csv row (probe defect 6)", () => {
  it("is refused naming both lines instead of counted as another seed", async () => {
    const { dir, neglab } = runFixture("neglab-probe-results-");
    const run = plantRun(dir, "r", ["u,1,b,spearman,0.4", "u,2,b,spearman,0.5", "u,2,b,spearman,0.5"]);
    const result = await neglab(["compare", run]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(run, "results.csv")}:4: duplicate row (also line 3): u seed 2 b spearman`);
  });
});
