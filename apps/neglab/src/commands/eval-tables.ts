import type { AnalogyResult, Score, WordPairResult } from "@neglab/eval";
import { createTable } from "../terminal.js";

/** `correct/total` and the accuracy in percent, e.g. `41/50 82.00%`. */
function scoreCells(score: Score): [string, string] {
  return [`${score.correct}/${score.total}`, `${(100 * score.accuracy).toFixed(2)}%`];
}

/**
 * The analogy table: one row per section with correct / evaluated questions
 * and accuracy, then the total, semantic and syntactic rows, and the questions
 * skipped for unknown words (gensim's OOV ratio).
 */
export function analogyTable(result: AnalogyResult): string {
  const table = createTable({ head: ["section", "kind", "correct/seen", "accuracy"] });
  for (const s of result.sections) table.push([s.name, s.kind, ...scoreCells(s)]);
  table.push(
    ["total", "", ...scoreCells(result.total)],
    ["semantic", "", ...scoreCells(result.semantic)],
    ["syntactic", "", ...scoreCells(result.syntactic)],
    ["questions with unknown words", "", `${result.oov}/${result.questions}`, `${result.oovPercent.toFixed(2)}%`],
  );
  return table.toString();
}

/** The similarity table: per dataset, Pearson and Spearman with their p-values, pairs used and the OOV share. */
export function similarityTable(results: { name: string; result: WordPairResult }[]): string {
  const table = createTable({ head: ["dataset", "pearson r", "p", "spearman ρ", "p", "pairs", "OOV"] });
  for (const { name, result: r } of results) {
    table.push([
      name,
      r.pearson.r.toFixed(4),
      r.pearson.pValue.toExponential(2),
      r.spearman.r.toFixed(4),
      r.spearman.pValue.toExponential(2),
      r.spearman.n,
      `${r.oovPercent.toFixed(2)}%`,
    ]);
  }
  return table.toString();
}
