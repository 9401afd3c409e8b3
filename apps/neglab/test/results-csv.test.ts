import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readRun } from "../src/commands/run-results.js";
import type { CellResult } from "../src/grid/cell-result.js";
import { renderCsv } from "../src/report/render.js";
import { parseCsvRecords } from "../src/report/results-csv.js";
import { runFixture } from "./run-fixture.js";

/** A run directory holding summary.json and `csv` as results.csv. */
function runDir(csv: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), "neglab-results-csv-")), "run");
  mkdirSync(dir);
  writeFileSync(join(dir, "summary.json"), JSON.stringify({ experiment: "x", baseline: "u" }));
  writeFileSync(join(dir, "results.csv"), csv);
  return dir;
}

const HEADER = "strategy,seed,benchmark,metric,value";
const cell = (strategy: string, seed: number, benchmark: string, value: number) =>
  ({ strategy, seed, metrics: [{ benchmark, metric: "spearman", value }] }) as unknown as CellResult;

describe("results.csv written by renderCsv and read by readRun", () => {
  it("round-trips names holding a comma, quotes, line breaks and wide characters exactly", async () => {
    const strategies = ['unigram, "smoothed"\nα=0.75', "plain", 'a "quoted" one', "two\r\nlines", "语料 😀", ""];
    const cells = strategies.map((s, i) => cell(s, i, i % 2 ? "simlex, 999" : 'ws"353', i / 7));
    const dir = runDir(renderCsv(cells));
    const { rows } = await readRun(dir);
    expect(rows).toEqual(
      cells.map((c) => ({
        strategy: c.strategy,
        seed: c.seed,
        benchmark: c.metrics[0].benchmark,
        metric: "spearman",
        value: c.metrics[0].value,
      })),
    );
  });

  it("quotes only the fields that need it", () => {
    expect(renderCsv([cell('a,"b"\nc', 1, "ws", 0.5), cell("u", 2, "ws", Number.NaN)])).toBe(
      `${HEADER}\n"a,""b""\nc",1,ws,spearman,0.5\nu,2,ws,spearman,NaN\n`,
    );
  });

  it("names the line a record starts on after a record spanning lines", async () => {
    const dir = runDir(`${HEADER}\n"two\nlines",1,b,spearman,0.4\n\nu,1,b,spearman,0.5\nu,2,b,spearman,oops\n`);
    await expect(readRun(dir)).rejects.toThrow(
      `${join(dir, "results.csv")}:6: expected strategy,seed,benchmark,metric,value (a number or NaN), got u,2,b,spearman,oops`,
    );
    const dup = runDir(`${HEADER}\n"a\nb",1,b,spearman,0.4\n"a\nb",1,b,spearman,0.4\n`);
    await expect(readRun(dup)).rejects.toThrow(`${join(dup, "results.csv")}:4: duplicate row (also line 2)`);
  });

  it("names the line of a malformed quote", async () => {
    const closing = runDir(`${HEADER}\nu,1,b,spearman,0.4\n"u"x,2,b,spearman,0.5\n`);
    await expect(readRun(closing)).rejects.toThrow(
      new RegExp(`^${join(closing, "results.csv")}:3: malformed CSV record \\(Invalid Closing Quote`),
    );
    const opening = runDir(`${HEADER}\n"a\nb",1,b,spearman,0.4\nu"v,2,b,spearman,0.5\n`);
    await expect(readRun(opening)).rejects.toThrow(
      `${join(opening, "results.csv")}:4: malformed CSV record (Invalid Opening Quote`,
    );
    // An unclosed quote runs to the end of the file: the line named is where its record starts.
    const unclosed = runDir(`${HEADER}\nu,1,b,spearman,0.4\n\n"u,2,b,spearman,0.5\nu,3,b,spearman,0.6\n`);
    await expect(readRun(unclosed)).rejects.toThrow(
      `${join(unclosed, "results.csv")}:4: malformed CSV record (Quote Not Closed`,
    );
  });

  it("reads a file with CRLF line breaks, and checks the header", async () => {
    const { rows } = await readRun(runDir(`${HEADER}\r\n"a\r\nb",1,b,spearman,0.25\r\n`));
    expect(rows).toEqual([{ strategy: "a\r\nb", seed: 1, benchmark: "b", metric: "spearman", value: 0.25 }]);
    const dir = runDir(`strategy,seed,benchmark,metric\nu,1,b,spearman\n`);
    await expect(readRun(dir)).rejects.toThrow(`${join(dir, "results.csv")}:1: expected the header ${HEADER}`);
  });

  it("counts lines in records after multi-byte text", () => {
    expect(parseCsvRecords('h\n"语料\n😀",x\r\n\n\nlast', "f.csv").map((r) => [r.line, r.text])).toEqual([
      [1, "h"],
      [2, '"语料\n😀",x'],
      [6, "last"],
    ]);
  });
});

describe("neglab compare on a results.csv with quoted names", () => {
  it("groups the seeds of a name holding a comma, quotes and a line break under that exact name", async () => {
    const { neglab } = runFixture("neglab-results-csv-cli-");
    const name = 'unigram, "α=0.75"\nsmoothed';
    const dir = runDir(
      renderCsv([
        cell(name, 1, "simlex, 999", 0.5),
        cell(name, 2, "simlex, 999", 0.7),
        cell("u", 1, "simlex, 999", 0.1),
      ]),
    );
    const result = await neglab(["compare", dir, "--json"]);
    expect(result.stderr).toBe("");
    const { metrics } = JSON.parse(result.stdout) as {
      metrics: { benchmark: string; rows: { strategy: string; runs: ({ n: number; mean: number } | null)[] }[] }[];
    };
    expect(metrics.map((m) => m.benchmark)).toEqual(["simlex, 999"]);
    const row = metrics[0].rows.find((r) => r.strategy === name);
    expect(row?.runs[0]).toMatchObject({ n: 2 });
    expect(row?.runs[0]?.mean).toBeCloseTo(0.6, 12);
  });
});
