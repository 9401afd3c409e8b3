import {
  bootstrapPValue,
  bootstrapReplicates,
  holm,
  mcnemarExact,
  resampledCorrelation,
  type CorrelationMethod,
} from "@neglab/eval/stats";
import type { CellResult } from "../grid/cell-result.js";

/** Bootstrap resamples of the word-pair test: p-values resolve to 1/2001 ≈ 0.0005, below any Holm threshold that matters here. */
export const BOOTSTRAP_RESAMPLES = 2_000;

/** Seed of the bootstrap stream: fixed, so a report is reproducible. */
const BOOTSTRAP_SEED = 0;

/** One strategy compared with the baseline on one metric. */
export interface Comparison {
  /** The test's statistic: analogy accuracy difference on the pooled questions, or the mean over seeds of the correlation difference. */
  difference: number;
  p: number;
  /** Holm-adjusted over the strategies compared with the baseline on this metric; set by {@link holmAdjust}. */
  pHolm: number;
  /** Which test gave `p`, for the report. */
  test: string;
  /** Items the test used: questions × seeds (McNemar) or word pairs (bootstrap). */
  items: number;
}

/** Cells of the strategy and of the baseline with the same seed, in seed order. */
type MatchedSeeds = [CellResult, CellResult][];

/**
 * Exact McNemar test of analogy accuracy, strategy vs baseline, on the
 * per-question correctness pooled over matched seeds: for each seed s the
 * questions both models answered (no word outside either's vocabulary), then
 * the seeds concatenated. Null when the cells carry no outcomes for `benchmark`.
 */
export function compareAnalogy(matched: MatchedSeeds, benchmark: string): Comparison | null {
  const strategy: boolean[] = [];
  const baseline: boolean[] = [];
  for (const [cell, base] of matched) {
    const a = cell.analogyOutcomes.find((o) => o.benchmark === benchmark)?.outcomes;
    const b = base.analogyOutcomes.find((o) => o.benchmark === benchmark)?.outcomes;
    if (a === undefined || b === undefined || a.length !== b.length) return null;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === "-" || b[i] === "-") continue;
      strategy.push(a[i] === "1");
      baseline.push(b[i] === "1");
    }
  }
  if (strategy.length === 0) return null;
  const { n01, n10, pValue } = mcnemarExact(strategy, baseline);
  return {
    difference: (n10 - n01) / strategy.length,
    p: pValue,
    pHolm: pValue,
    test: `McNemar exact (${n10} vs ${n01} discordant)`,
    items: strategy.length,
  };
}

/**
 * Paired bootstrap test of a word-pair correlation, strategy vs baseline:
 * the statistic is the mean over matched seeds of corr(gold, strategy_s) −
 * corr(gold, baseline_s) on the pairs every one of these cells used; each
 * resample draws word pairs with replacement (the same pairs for every seed and
 * both strategies), via @neglab/eval's `bootstrapReplicates` and
 * `resampledCorrelation`; the p-value is its `bootstrapPValue` of the replicates.
 * With one seed this is `pairedBootstrapCorrelationDifference`. Null without pair data.
 */
export function compareWordPairs(
  matched: MatchedSeeds,
  benchmark: string,
  method: CorrelationMethod,
): Comparison | null {
  const data = matched.map(([cell, base]) =>
    [cell, base].map((c) => c.pairSimilarities.find((p) => p.benchmark === benchmark)),
  );
  if (data.length === 0 || data.some((pair) => pair.some((p) => p === undefined))) return null;
  // 1. The pairs every cell used (a strategy with another vocabulary may know fewer words).
  const lists = data.flat().map((p) => p!);
  const common = lists[0].pairIndex.filter((index) => lists.every((p) => p.pairIndex.includes(index)));
  if (common.length < 3) return null;
  const pick = (values: number[], from: number[]) => common.map((index) => values[from.indexOf(index)]);
  const gold = pick(lists[0].gold, lists[0].pairIndex);
  // 2. One resampled-correlation function per cell, on the common pairs.
  const correlation = data.map((pair) =>
    pair.map((p) => resampledCorrelation(gold, pick(p!.model, p!.pairIndex), method, `${benchmark} (${method})`)),
  );
  const statistic = (indices: Int32Array) =>
    correlation.reduce((s, [a, b]) => s + a(indices) - b(indices), 0) / correlation.length;
  // 3. The statistic on the common pairs, and on each resample for the p-value.
  const difference = statistic(Int32Array.from(gold, (_, i) => i));
  const p = bootstrapPValue(bootstrapReplicates(gold.length, statistic, BOOTSTRAP_RESAMPLES, BOOTSTRAP_SEED));
  return {
    difference,
    p,
    pHolm: p,
    test: `paired bootstrap, ${BOOTSTRAP_RESAMPLES} resamples of ${gold.length} pairs`,
    items: gold.length,
  };
}

/** Sets each comparison's `pHolm`: Holm's step-down adjustment over the strategies compared on one metric. */
export function holmAdjust(comparisons: (Comparison | null)[]): void {
  const present = comparisons.filter((c): c is Comparison => c !== null);
  const adjusted = holm(present.map((c) => c.p));
  present.forEach((c, i) => (c.pHolm = adjusted[i]));
}
