import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { isDecimalNumber } from "./number-flags.js";

/** One tidy row of a run's results.csv. */
export interface ResultRow {
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

const HEADER = "strategy,seed,benchmark,metric,value";

/**
 * Reads a run directory: `summary.json` (experiment name and baseline) and
 * `results.csv` (one row per strategy × seed × benchmark × metric). A
 * directory without them, or with a malformed line, is an error naming the
 * directory, file and line.
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
  const lines = (await read("results.csv")).split("\n").filter((l) => l !== "");
  if (lines[0] !== HEADER) throw new Error(`${join(dir, "results.csv")}:1: expected the header ${HEADER}`);
  const seen = new Map<string, number>();
  const rows = lines.slice(1).map((line, i): ResultRow => {
    const fields = parseCsvLine(line);
    const seed = Number(fields[1]);
    const value = metricValue(fields[4] ?? "");
    if (fields.length !== 5 || fields[1].trim() === "" || !Number.isInteger(seed) || value === null) throw new Error(`${join(dir, "results.csv")}:${i + 2}: expected strategy,seed,benchmark,metric,value (a number or NaN), got ${line}`);
    // a repeated row would count one seed twice (n and the std would be wrong)
    const key = JSON.stringify([fields[0], seed, fields[2], fields[3]]);
    const first = seen.get(key);
    if (first !== undefined) throw new Error(`${join(dir, "results.csv")}:${i + 2}: duplicate row (also line ${first}): ${fields[0]} seed ${seed} ${fields[2]} ${fields[3]}; rewrite the file with neglab report`);
    seen.set(key, i + 2);
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

/** Splits one CSV line (RFC 4180: fields with `,` or `"` are quoted, `""` is a quote). */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}
