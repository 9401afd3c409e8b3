import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Outcome } from "./cli-helpers.js";
import { runFixture } from "./run-fixture.js";

// The end of `neglab run` on a tiny generated corpus: the one-screen summary at COLUMNS=80 (stdout is a pipe here,
// so the width comes from COLUMNS), the full tables one flag away, the same summary at the top of the report files.
const { dir, env, experiment, neglab } = runFixture("neglab-summary-");
const out = join(dir, "runs", "summary");
const lines = (text: string) => text.trimEnd().split("\n");
const widest = (text: string) => Math.max(...lines(text).map((l) => [...l].length));
let run: Outcome;

beforeAll(async () => {
  const file = experiment("summary", {
    strategies: [
      { name: "uniform", sampler: { type: "uniform" } },
      { name: "unigram", sampler: { type: "unigram", alpha: 0.75 } },
      { name: "unigram-1", sampler: { type: "unigram", alpha: 1 } },
    ],
  });
  run = await neglabAt(80, ["run", file, "--out", out]);
});

/** `neglab args…` with COLUMNS set (the fixture's environment, which its `neglab` passes on). */
async function neglabAt(columns: number, args: string[]): Promise<Outcome> {
  Object.assign(env, { COLUMNS: String(columns) });
  return await neglab(args);
}

describe("neglab run's summary", () => {
  it("fits 80 columns in one screen and states the verdict", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(widest(run.stdout)).toBeLessThanOrEqual(80);
    expect(lines(run.stdout).length).toBeLessThanOrEqual(40);
    expect(run.stdout).toMatch(
      /^On pairs, (uniform|unigram|unigram-1)( \(the baseline\))? is best \(ρ = -?\d\.\d{3}\)/m,
    );
    expect(run.stdout).toMatch(/│ unigram-1 +│ -?\d\.\d{3}/);
    expect(run.stdout).toContain("Training speed (words/s, mean over seeds): uniform ");
    expect(run.stdout).toContain(`report: ${join(out, "report.html")}`);
    // the full tables are one flag away, not printed
    expect(run.stdout).not.toContain("pairs — spearman");
    expect(run.stdout).not.toContain("sampler diagnostics");
  });

  it("prints the full tables before the summary with --details (--verbose), the summary still within the columns", async () => {
    const details = await neglabAt(120, ["report", out, "--details"]);
    expect(details.code, details.stderr).toBe(0);
    expect(widest(details.stdout.slice(details.stdout.indexOf("On pairs, ")))).toBeLessThanOrEqual(120);
    expect(details.stdout).toContain("pairs — spearman");
    expect(details.stdout).toContain("sampler diagnostics");
    expect(details.stdout.indexOf("sampler diagnostics")).toBeLessThan(details.stdout.indexOf("On pairs, "));
    expect((await neglabAt(120, ["report", out, "--verbose"])).stdout).toBe(details.stdout);
    const brief = await neglabAt(120, ["report", out]);
    expect(brief.stdout).not.toContain("sampler diagnostics");
    expect(details.stdout.endsWith(brief.stdout)).toBe(true);
  });

  it("opens report.md and report.html with the same verdict", () => {
    const verdict = lines(run.stdout)
      .find((l) => l.startsWith("On pairs, "))!
      .split(";")[0];
    const markdown = readFileSync(join(out, "report.md"), "utf8");
    expect(markdown.indexOf("## Summary")).toBeLessThan(markdown.indexOf("## pairs — spearman"));
    expect(markdown.slice(markdown.indexOf("## Summary"))).toContain(`- ${verdict}`);
    const html = readFileSync(join(out, "report.html"), "utf8");
    expect(html.indexOf("<h2>Summary</h2>")).toBeLessThan(html.indexOf("<h2>Strategies</h2>"));
    expect(html).toContain("<li>On pairs, ");
  });
});
