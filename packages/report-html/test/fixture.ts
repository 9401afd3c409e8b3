import type { ReportInput } from "../src/index.js";

const SECTIONS = [
  "capital-common-countries",
  "family",
  "gram1-adjective-to-adverb",
  "gram3-comparative",
  "gram7-past-tense",
];

/** How many probe words, and neighbours per probe, a fixture lists. */
export interface NeighbourShape {
  readonly probes?: number;
  readonly neighbours?: number;
}

const PROBES = ["king", "water", "france", "good", "run", "computer", "bank", "music", "city", "war"];

/**
 * A report input shaped like an α sweep: `alphas.length` strategies × `seeds`
 * cells, three benchmarks, Zipfian sampling distributions over `vocab` words,
 * `shape.probes` probe words (default 2) with `shape.neighbours` neighbours
 * each (default 2). The numbers are smooth functions of α so charts have visible structure.
 */
export function sweepInput(
  alphas: readonly number[],
  seeds: number,
  vocab = 15_000,
  shape: NeighbourShape = {},
): ReportInput {
  const name = (a: number) => `unigram α=${a}`;
  const strategies = alphas.map((a, i) => ({
    name: name(a),
    spec: { type: "unigram", alpha: a },
    setting: { name: "alpha", value: a },
    baseline: i === alphas.indexOf(0.75),
  }));
  const quality = (a: number) => 1 - (a - 0.7) ** 2; // peaks near 0.7
  const metrics = alphas.flatMap((a) =>
    [
      ["google-analogy", "accuracy", 0.3],
      ["ws353", "spearman", 0.6],
      ["simlex999", "spearman", 0.3],
    ].map(([benchmark, metric, scale]) => {
      const mean = (scale as number) * quality(a);
      const std = 0.005 + 0.01 * Math.abs(a - 0.5);
      return {
        benchmark: benchmark as string,
        metric: metric as string,
        strategy: name(a),
        mean,
        std,
        ciLow: mean - 2 * std,
        ciHigh: mean + 2 * std,
        n: seeds,
      };
    }),
  );
  const sections = alphas.flatMap((a) =>
    SECTIONS.map((section, j) => ({
      strategy: name(a),
      section,
      seen: 400 + j,
      total: 506,
      correct: Math.round((400 + j) * quality(a) * (0.2 + 0.1 * j)),
    })),
  );
  const distributions = alphas.map((a) => {
    const weights = Array.from({ length: vocab }, (_, r) => (1 / (r + 1)) ** a);
    const total = weights.reduce((s, w) => s + w, 0);
    const probabilities = weights.map((w) => w / total);
    const mass = (k: number) => probabilities.slice(0, k).reduce((s, p) => s + p, 0);
    return {
      strategy: name(a),
      probabilities,
      buckets: { top10: mass(10), top100: mass(100), top1000: mass(1000), rest: 1 - mass(1000) },
    };
  });
  const training = alphas.flatMap((a) =>
    Array.from({ length: seeds }, (_, seed) => ({
      strategy: name(a),
      seed,
      lossPerEpoch: [3.1, 2.6, 2.4, 2.3, 2.25].map((l) => l + 0.1 * a + 0.01 * seed),
      wordsPerSecond: 400_000 - 10_000 * seed,
    })),
  );
  const perProbe = shape.neighbours ?? 2;
  const neighbours = PROBES.slice(0, shape.probes ?? 2).flatMap((probe) =>
    alphas.map((a) => ({
      probe,
      strategy: name(a),
      neighbours: Array.from({ length: perProbe }, (_, j) => ({
        word: `${probe}-n${j + 1}`,
        similarity: 0.8 - 0.1 * j + 0.01 * a,
      })),
    })),
  );
  const significance = alphas
    .filter((a) => a !== 0.75)
    .map((a) => ({
      benchmark: "google-analogy",
      metric: "accuracy",
      strategy: name(a),
      baseline: name(0.75),
      difference: 0.3 * (quality(a) - quality(0.75)),
      p: 0.01,
      pHolm: 0.05,
      test: "McNemar exact",
    }));
  return {
    title: "alpha-sweep",
    subtitle: 'unigram α sweep on a test corpus <with> "markup" & entities',
    strategies,
    metrics,
    sections,
    distributions,
    training,
    neighbours,
    significance,
    config: { corpus: "test", seeds },
    environment: { node: process.version, commit: "abc123" },
  };
}
