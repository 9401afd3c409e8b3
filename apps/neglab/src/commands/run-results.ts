import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseCsvRecords, RESULTS_HEADER } from "../report/results-csv.js";
import { isDecimalNumber } from "./number-flags.js";

/** One tidy row of a run's results.csv. */
interface ResultRow {
  strategy: string;
  seed: number;
  benchmark: string;
  metric: string;
  value: number;
}

/** A finished run directory written by `neglab run` / `neglab merge`. */
export interface RunResults {
  dir: string;
  experiment: string;
  baseline: string;
  rows: ResultRow[];
}

/**
 * Reads a run directory: `summary.json` (experiment name and baseline) and
 * `results.csv` (one row per strategy × seed × benchmark × metric). A
 * directory without them, or with a malformed record, is an error naming the
 * directory, file and the line the record starts on (a quoted field may hold
 * a line break, so records and lines are counted apart).
 */
export async function readRun(dir: string): Promise<RunResults> {
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`${dir}: no such run directory`);
  const read = (name: string) =>
    readFile(join(dir, name), "utf8").catch(() => {
      throw new Error(`${dir}: not a run directory (no ${name}; write one with neglab run or neglab merge)`);
    });
  let summary: { experiment?: unknown; baseline?: unknown };
  try {
    summary = JSON.parse(await read("summary.json")) as typeof summary;
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error(`${join(dir, "summary.json")}: not valid JSON: ${error.message}`);
    throw error;
  }
  const file = join(dir, "results.csv");
  const [header, ...records] = parseCsvRecords(await read("results.csv"), file);
  if (header?.text !== RESULTS_HEADER.join(","))
    throw new Error(`${file}:${header?.line ?? 1}: expected the header ${RESULTS_HEADER.join(",")}`);
  const seen = new Map<string, number>();
  const rows = records.map(({ fields, line, text }): ResultRow => {
    const seed = Number(fields[1]);
    const value = metricValue(fields[4] ?? "");
    if (fields.length !== 5 || fields[1].trim() === "" || !Number.isInteger(seed) || value === null)
      throw new Error(`${file}:${line}: expected strategy,seed,benchmark,metric,value (a number or NaN), got ${text}`);
    // a repeated row would count one seed twice (n and the std would be wrong)
    const key = JSON.stringify([fields[0], seed, fields[2], fields[3]]);
    const first = seen.get(key);
    if (first !== undefined)
      throw new Error(
        `${file}:${line}: duplicate row (also line ${first}): ${fields[0]} seed ${seed} ${fields[2]} ${fields[3]}; rewrite the file with neglab report`,
      );
    seen.set(key, line);
    return { strategy: fields[0], seed, benchmark: fields[2], metric: fields[3], value };
  });
  return { dir, experiment: String(summary.experiment ?? dir), baseline: String(summary.baseline ?? ""), rows };
}

/**
 * A results.csv value: a finite decimal number, or `NaN` — how run, merge and
 * report write an undefined metric (a Spearman of constant scores); null for
 * anything else (an empty field is not 0; `Infinity`, `1e999`, ` 1` or `0x1` are
 * no value NegLab writes, so a hand-edited file is refused, not averaged).
 */
function metricValue(text: string): number | null {
  if (text === "NaN") return Number.NaN;
  return isDecimalNumber(text) ? Number(text) : null;
}
