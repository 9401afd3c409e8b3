import { readBenchmarkText } from "../benchmark-text.js";
import { BenchmarkError } from "../errors.js";

/** One analogy question "a is to b as c is to d", as written in the file. */
export interface AnalogyQuestion {
  /** Index into {@link AnalogySet.sections}. */
  section: number;
  a: string;
  b: string;
  c: string;
  /** The expected answer. */
  d: string;
  /** 1-based line in the file. */
  line: number;
}

/** A parsed analogy file in the questions-words.txt format. */
export interface AnalogySet {
  source: string;
  /** Section names in file order. */
  sections: string[];
  /** Every well-formed question, in file order. */
  questions: AnalogyQuestion[];
  /** 1-based lines that are neither headers nor four words; gensim skips them too (evaluateAnalogies counts them in `skippedLines`). */
  invalidLines: number[];
}

/**
 * Parses the questions-words.txt format as gensim's `evaluate_word_analogies`
 * reads it: a line starting with ": " opens a section (its name is the line
 * without leading ':' / ' ' characters, trimmed); any other line is split on
 * whitespace and is a question when it has exactly four words, otherwise it is
 * skipped. A line before the first section header is an error, as in gensim.
 */
export function parseAnalogies(text: string, source = "<analogies>"): AnalogySet {
  const set: AnalogySet = { source, sections: [], questions: [], invalidLines: [] };
  const lines = text.split("\n");
  // A final newline ends the last line; it does not start another.
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => {
    const lineNo = i + 1;
    if (line.startsWith(": ")) {
      set.sections.push(line.replace(/^[: ]+/, "").trim());
      return;
    }
    if (set.sections.length === 0)
      throw new BenchmarkError("missing section header (`: name`) before the first question", {
        file: source,
        line: lineNo,
      });
    const words = line.trim().split(/\s+/);
    if (words.length !== 4 || words[0] === "") {
      set.invalidLines.push(lineNo);
      return;
    }
    const [a, b, c, d] = words;
    set.questions.push({ section: set.sections.length - 1, a, b, c, d, line: lineNo });
  });
  return set;
}

/** Reads and parses an analogy file (UTF-8, a regular file) with {@link parseAnalogies}. */
export async function readAnalogies(path: string): Promise<AnalogySet> {
  return parseAnalogies(await readBenchmarkText(path), path);
}
