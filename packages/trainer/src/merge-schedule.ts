import type { Architecture } from "./options.js";

/**
 * Words of the first merge tier, whose replica rows are merged at every merge:
 * skip-gram makes 2·window predictions per word where CBOW makes one, so its
 * frequent rows change several times as often between two merges and go stale
 * sooner: a first tier as small as CBOW's costs skip-gram similarity quality,
 * while CBOW loses no quality at 256 and gains the most speed there
 * (BENCHMARKS.md has the measurements).
 */
export const MERGE_FIRST_TIER: Readonly<Record<Architecture, number>> = { cbow: 256, skipgram: 4096 };
/** Each further tier is this many times larger and merged this many times less often. */
export const MERGE_TIER_GROWTH = 8;

/**
 * How many of the most frequent words' replica rows a worker merges at its
 * `m`-th merge of an epoch (m = 1, 2, …): the first `firstTier` every time,
 * the first `firstTier`·8ᵗ when 8ᵗ is the largest power of
 * {@link MERGE_TIER_GROWTH} that divides m. At the end of an epoch every row
 * is merged (the caller passes all rows then).
 *
 * Why tiers: a merge costs about the same per changed row (its cache lines
 * cross between the cores), but a row goes stale in proportion to how often
 * the other workers update it. Under Zipf's law the word of frequency rank r
 * occurs ∝ 1/r, so the word at rank B·8ᵗ, merged every 8ᵗ merges, misses about
 * as many of the others' updates between two merges as the word at rank B
 * merged every time, and far fewer than the most frequent words (which
 * subsampling flattens only to ∝ √frequency). So the merges within an epoch
 * cost little beyond training itself, and a smaller first tier trains faster
 * (BENCHMARKS.md has the measurements).
 */
export function mergeRows(m: number, allRows: number, firstTier: number): number {
  let rows = firstTier;
  // divide m by the growth factor as long as it divides evenly: each division moves up one tier
  for (let rest = m; rest % MERGE_TIER_GROWTH === 0 && rows < allRows; rest /= MERGE_TIER_GROWTH)
    rows *= MERGE_TIER_GROWTH;
  return Math.min(rows, allRows);
}
