import { evaluateAnalogies, evaluateWordPairs, type QuestionStatus } from "@neglab/eval";
import type { Embeddings } from "@neglab/vectors";
import type { BenchmarkSpec } from "../experiment/definition.js";
import type { AnalogyOutcomes, CellResult, Metric, PairSimilarities } from "./cell-result.js";

/** What scoring one benchmark adds to a cell result. */
export interface BenchmarkScores {
  metrics: Metric[];
  sections: CellResult["sections"];
  analogyOutcomes: AnalogyOutcomes[];
  pairSimilarities: PairSimilarities[];
}

const OUTCOME_CHAR: Record<QuestionStatus, string> = { correct: "1", wrong: "0", skipped: "-" };

/**
 * Scores `embeddings` on one benchmark file: the headline metrics, and the
 * per-item data paired tests need at report time (per-question analogy outcomes;
 * per-pair human and model similarities).
 */
export async function scoreBenchmark(
  embeddings: Embeddings,
  benchmark: BenchmarkSpec,
  path: string,
): Promise<BenchmarkScores> {
  const name = benchmark.name;
  if (benchmark.type === "analogy") {
    const result = await evaluateAnalogies(embeddings, path, benchmark.options);
    return {
      metrics: [
        { benchmark: name, metric: "accuracy", value: result.total.accuracy },
        { benchmark: name, metric: "semantic", value: result.semantic.accuracy },
        { benchmark: name, metric: "syntactic", value: result.syntactic.accuracy },
        { benchmark: name, metric: "oov_percent", value: result.oovPercent },
      ],
      sections: result.sections.map((s) => [name, s.name, s.correct, s.total, s.questions]),
      analogyOutcomes: [{ benchmark: name, outcomes: result.outcomes.map((o) => OUTCOME_CHAR[o.status]).join("") }],
      pairSimilarities: [],
    };
  }
  const result = await evaluateWordPairs(embeddings, path, benchmark.options);
  return {
    metrics: [
      { benchmark: name, metric: "spearman", value: result.spearman.r },
      { benchmark: name, metric: "pearson", value: result.pearson.r },
      { benchmark: name, metric: "oov_percent", value: result.oovPercent },
    ],
    sections: [],
    analogyOutcomes: [],
    pairSimilarities: [{ benchmark: name, pairIndex: result.pairIndex, gold: result.gold, model: result.model }],
  };
}
