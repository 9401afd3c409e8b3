import { BenchmarkError } from "./errors.js";

/**
 * The lines of a benchmark file that could not be read (an analogy line that
 * is not four words, a word pair without a finite score) and were skipped, as
 * gensim skips them — but counted, so that a damaged file does not pass
 * unnoticed: `count` lines, the first of them at 1-based `firstLine` (null
 * when none was skipped).
 */
export interface SkippedLines {
  count: number;
  firstLine: number | null;
}

/**
 * Counts a parsed file's unparsable lines; with `strict`, any such line is a
 * {@link BenchmarkError} naming the file, the first line and what a line must
 * hold (`expected`), so a damaged file can be refused instead of scored on
 * whatever lines remain.
 */
export function skippedLines(
  set: { source: string; invalidLines: number[] },
  strict: boolean,
  expected: string,
): SkippedLines {
  const count = set.invalidLines.length;
  const firstLine = count === 0 ? null : set.invalidLines[0];
  if (strict && firstLine !== null) {
    throw new BenchmarkError(
      `unparsable line, expected ${expected}${count > 1 ? ` (${count} unparsable lines in all)` : ""}; strict mode refuses the file`,
      { file: set.source, line: firstLine },
    );
  }
  return { count, firstLine };
}
