/**
 * results.csv, written and read by one CSV library (the `csv` package's
 * csv-stringify and csv-parse, RFC 4180), so that every text a strategy,
 * benchmark or metric name may hold — a comma, a quote, a line break — comes
 * back exactly as it was written.
 */
import { parse, stringify } from "csv/sync";

/** The header of results.csv: one tidy row per strategy × seed × benchmark × metric. */
export const RESULTS_HEADER = ["strategy", "seed", "benchmark", "metric", "value"] as const;

/**
 * results.csv text for `records` (each one field per column of
 * {@link RESULTS_HEADER}), the header first, `\n` after every record. A field
 * holding the delimiter, a quote or a line break is quoted and its quotes
 * doubled (RFC 4180); every other field is written as it is.
 */
export function formatResultsCsv(records: readonly (readonly string[])[]): string {
  return stringify([[...RESULTS_HEADER], ...records], { record_delimiter: "unix" });
}

/** One record of a CSV file, as {@link parseCsvRecords} reads it. */
export interface CsvRecord {
  /** The fields, unquoted. */
  readonly fields: string[];
  /** The 1-based line the record starts on (a quoted line break makes a record span lines). */
  readonly line: number;
  /** The record's text as it stands in the file, without its final line break (for error messages). */
  readonly text: string;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The records of CSV `text` (RFC 4180, `\n` or `\r\n` between records; empty
 * lines are skipped), each with the line it starts on. Records may differ in
 * their number of fields: the caller checks the shape, naming the line.
 *
 * A malformed record (a quote that is never closed, text after a closing quote,
 * a quote inside an unquoted field) is an Error naming `file` and the line the
 * record starts on, with csv-parse's reason.
 *
 * Lines are counted from the byte offset at which csv-parse ends each record
 * (its info's `bytes`), not by its own line counter, which counts a quoted
 * `\r\n` as two lines.
 */
export function parseCsvRecords(text: string, file: string): CsvRecord[] {
  const bytes = Buffer.from(text, "utf8");
  // Lines are counted forward only: records arrive in file order.
  let counted = 0;
  let line = 1;
  const lineAt = (offset: number): number => {
    for (; counted < offset; counted++) if (bytes[counted] === LF) line++;
    return line;
  };
  // The first byte of a record whose raw text begins at `offset` (csv-parse puts skipped empty lines in front of it).
  const recordStart = (offset: number): number => {
    let at = offset;
    while (bytes[at] === LF || bytes[at] === CR) at++;
    return at;
  };
  const records: CsvRecord[] = [];
  let end = 0; // bytes read through the last complete record
  try {
    parse(bytes, {
      relax_column_count: true,
      skip_empty_lines: true,
      on_record: (fields: string[], info) => {
        const start = recordStart(end);
        const raw = bytes.subarray(start, info.bytes).toString("utf8");
        records.push({ fields, line: lineAt(start), text: raw.replace(/\r?\n$/, "") });
        end = info.bytes;
        return null; // kept here, with its line, not in csv-parse's result
      },
    });
  } catch (error) {
    // csv-parse's errors carry a `code` (CSV_QUOTE_NOT_CLOSED, INVALID_OPENING_QUOTE, …); its CsvError class is not exported by csv/sync at run time.
    if (!(error instanceof Error) || typeof (error as { code?: unknown }).code !== "string") throw error;
    // csv-parse stops at the first malformed record, which starts after the last complete one.
    throw new Error(
      `${file}:${lineAt(recordStart(end))}: malformed CSV record (${error.message}); quote a field holding a comma, a quote or a line break, doubling its quotes`,
    );
  }
  return records;
}
