import type { Vocabulary } from "@neglab/corpus";
import { createStream } from "@neglab/random";
import { createSampler, type SamplerSpec } from "@neglab/samplers";
import { diagnoseSampler } from "@neglab/samplers/diagnostics";
import type { SamplerReport } from "./cell-result.js";

/** Draws measured per cell: enough for shares to ±0.3% (binomial standard error ≤ 0.5/√100,000 ≈ 0.0016). */
const DIAGNOSTIC_DRAWS = 100_000;

/** Ranks kept of each sampling distribution: log-spaced, enough for a smooth log–log line at any vocabulary size. */
const DISTRIBUTION_POINTS = 200;

/** About `points` log-spaced frequency ranks 1 … size (duplicates merged), always including 1 and `size`. */
export function logSpacedRanks(size: number, points = DISTRIBUTION_POINTS): number[] {
  const ranks = new Set<number>();
  for (let i = 0; i < points; i++) ranks.add(Math.max(1, Math.round(size ** (i / (points - 1)))));
  return [...ranks].sort((a, b) => a - b);
}

/**
 * Rebuilds the cell's sampler from the spec the trainer reported and diagnoses
 * it (`diagnoseSampler`): entropy and perplexity of its distribution, the share
 * of {@link DIAGNOSTIC_DRAWS} draws (k = `negative` at a time, no positive, from
 * the stream `seed`/"report-diagnostics") among the 10, 100 and 1000 most
 * frequent words, and the effective number of negatives per positive computed
 * from the probabilities and the collision policy. Vocabulary ids are frequency
 * ranks, so the distribution is stored by rank. For samplers whose distribution
 * changes during training (annealed, adaptive) this is the distribution at the
 * start of training.
 */
export async function samplerReport(
  spec: SamplerSpec,
  vocabulary: Vocabulary,
  negative: number,
  seed: number,
  baseDir: string,
): Promise<SamplerReport> {
  const sampler = await createSampler(spec, { vocabulary, baseDir });
  const diagnostics = diagnoseSampler(sampler, vocabulary.counts, DIAGNOSTIC_DRAWS, {
    rng: createStream(seed, "report-diagnostics"),
    k: negative,
  });
  // 1. Cumulative shares from the per-bucket shares (top 10, 11–100, 101–1000, rest).
  const cumulative = (upTo: number) =>
    diagnostics.drawnBuckets.filter((b) => b.to <= upTo).reduce((s, b) => s + b.share, 0);
  // 2. The distribution at log-spaced ranks, for the probability-vs-rank chart.
  const probabilities = sampler.probabilities();
  return {
    description: diagnostics.description,
    collision: sampler.collision,
    ...(spec.share === "window" ? { share: "window" as const } : {}),
    entropyBits: diagnostics.entropyBits,
    perplexity: diagnostics.perplexity,
    drawShares: { top10: cumulative(10), top100: cumulative(100), top1000: cumulative(1000) },
    draws: diagnostics.fit.draws,
    effectiveNegatives: diagnostics.expectedNegatives,
    distribution: logSpacedRanks(probabilities.length).map((rank) => [rank, probabilities[rank - 1]]),
  };
}
