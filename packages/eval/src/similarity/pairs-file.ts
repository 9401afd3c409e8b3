import { readBenchmarkText } from "../benchmark-text.js";

/** One human-rated word pair. */
export interface WordPair {
  word1: string;
  word2: string;
  /** The human similarity / relatedness rating. */
  score: number;
  /** 1-based line in the file. */
  line: number;
}

/** A parsed word-similarity file. */
export interface PairSet {
  source: string;
  pairs: WordPair[];
  /** 1-based lines that are not comments and not a valid pair (a NaN or infinite score included); gensim skips them too. */
  invalidLines: number[];
}

/** How fields are separated: a tab (gensim's default), any whitespace, or decided per line (a tab if there is one). */
export type PairDelimiter = "\t" | "whitespace" | "auto";

/**
 * Parses a word-similarity file as gensim's `evaluate_word_pairs` reads it:
 * lines are split on universal newlines (`\r\n`, `\r`, `\n`; a missing final
 * newline is fine), lines starting with `#` are comments, and every other line
 * must be exactly `word1 <delimiter> word2 <delimiter> score` with a score that
 * Python's `float()` accepts, else it is skipped. A NaN or infinite score is
 * skipped too: gensim would keep it and report NaN correlations, where a
 * rating that is not a number can only be a damaged line. With a tab
 * delimiter the words are kept verbatim (as gensim's `line.split('\t')`). The default,
 * `"auto"`, splits a line on tabs when it has any, else on whitespace, so the
 * gensim TSV files and space-separated `word1 word2 score` files both read.
 */
export function parsePairs(text: string, source = "<pairs>", delimiter: PairDelimiter = "auto"): PairSet {
  const set: PairSet = { source, pairs: [], invalidLines: [] };
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    if (line.startsWith("#")) return;
    const byTab = delimiter === "\t" || (delimiter === "auto" && line.includes("\t"));
    const fields = byTab ? line.split("\t") : line.trim().split(/\s+/);
    const score = fields.length === 3 ? pythonFloat(fields[2]) : undefined;
    if (score === undefined || !Number.isFinite(score) || fields[0] === "") {
      set.invalidLines.push(i + 1);
      return;
    }
    set.pairs.push({ word1: fields[0], word2: fields[1], score, line: i + 1 });
  });
  return set;
}

/** Python's `float(text)`: surrounding whitespace allowed, underscores between digits, inf/nan spelled out; `undefined` when it would raise. */
export function pythonFloat(text: string): number | undefined {
  const t = text.trim();
  if (/^[+-]?(inf|infinity)$/i.test(t)) return t.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/i.test(t)) return Number.NaN;
  const digits = "\\d(?:_?\\d)*";
  const decimal = new RegExp(`^[+-]?(?:${digits}(?:\\.(?:${digits})?)?|\\.${digits})(?:[eE][+-]?${digits})?$`);
  return decimal.test(t) ? Number(t.replace(/_/g, "")) : undefined;
}

/** Reads and parses a word-similarity file (UTF-8, a regular file) with {@link parsePairs}. */
export async function readPairs(path: string, delimiter: PairDelimiter = "auto"): Promise<PairSet> {
  return parsePairs(await readBenchmarkText(path), path, delimiter);
}
