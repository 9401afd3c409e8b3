import { spawnSync } from "node:child_process";
import { PYTHON, requireScipy } from "@neglab/testkit";
import { describe, expect, it } from "vitest";
import { studentTQuantile } from "../src/stats.js";

// The quantiles a seed CI uses (t(0.975, n − 1)) and a 99% one, across the range where a table would switch to
// the normal quantile (df 30 → 31) and far beyond it: the quantile must keep approaching 1.96 / 2.576, never jump to it.
const DEGREES = [1, 2, 5, 30, 31, 100, 1000];
const PROBABILITIES = [0.975, 0.995];

describe.skipIf(!requireScipy())("studentTQuantile against scipy.stats.t.ppf, live", () => {
  const script = `import json; from scipy.stats import t; print(json.dumps([[t.ppf(p, df) for df in ${JSON.stringify(DEGREES)}] for p in ${JSON.stringify(PROBABILITIES)}]))`;
  const run = spawnSync(PYTHON, ["-c", script], { encoding: "utf8" });
  const scipy = run.status === 0 ? (JSON.parse(run.stdout) as number[][]) : [];

  it("ran scipy", () => expect(run.stderr).toBe(""));
  for (const [i, p] of PROBABILITIES.entries()) {
    for (const [j, df] of DEGREES.entries()) {
      // scipy's ppf is good to ~1e-9 relative (see paired-difference.test.ts), so the two agree to 1e-8
      it(`t.ppf(${p}, ${df})`, () =>
        expect(Math.abs(studentTQuantile(p, df) - scipy[i][j]) / scipy[i][j]).toBeLessThan(1e-8));
    }
  }
  it("is not the normal quantile beyond 30 degrees of freedom (31: 2.0395, 100: 1.9840)", () => {
    expect(studentTQuantile(0.975, 31)).toBeGreaterThan(2.03);
    expect(studentTQuantile(0.975, 100)).toBeGreaterThan(1.98);
    expect(studentTQuantile(0.975, 1000)).toBeGreaterThan(1.96);
  });
});
