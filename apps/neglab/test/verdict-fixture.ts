import { spearman } from "@neglab/eval/stats";
import type { CellResult } from "../dist/grid/cell-result.js";
import { summarize, type Summary } from "../dist/report/summary.js";

/** mulberry32: a small seeded generator, so the planted results are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A normal deviate (Box–Muller). */
const normal = (next: () => number) => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

/** How one strategy differs from the baseline on each planted benchmark. */
export interface PlantedStrategy {
  name: string;
  /** Analogy questions flipped from the baseline's answer, per seed: wrong → right (`up`) and right → wrong (`down`). */
  up: number;
  down: number;
  /** Per similarity benchmark: the noise added to the gold scores (the baseline's is 1); less noise, higher Spearman ρ. */
  noise: Record<string, number>;
  wordsPerSecond: number;
}

/** A planted experiment: the baseline (first), the others relative to it, and the similarity benchmarks' names. */
export interface Plant {
  experiment: string;
  strategies: PlantedStrategy[];
  seeds: number[];
  analogy: string;
  similarity: string[];
}

/**
 * The default experiment's shape with planted results (no training): 4
 * strategies × 3 seeds on one analogy benchmark (600 questions, 5% skipped) and
 * two similarity benchmarks (80 pairs). On the analogy, unigram-1 answers 60
 * more questions per seed than the baseline (clearly better), uniform 70 fewer
 * (clearly worse), domain-religion flips 5 each way (no difference). On
 * wordsim353 uniform is noisier (worse) than the baseline; on simlex999 the
 * others differ from it by a little noise only.
 */
export const DEFAULT_PLANT: Plant = {
  experiment: "default",
  analogy: "analogy",
  similarity: ["wordsim353", "simlex999"],
  seeds: [1, 2, 3],
  strategies: [
    { name: "unigram-0.75", up: 0, down: 0, noise: { wordsim353: 1, simlex999: 1 }, wordsPerSecond: 251_000 },
    { name: "uniform", up: 5, down: 70, noise: { wordsim353: 3, simlex999: 1.02 }, wordsPerSecond: 262_000 },
    { name: "unigram-1", up: 60, down: 5, noise: { wordsim353: 1.05, simlex999: 1.01 }, wordsPerSecond: 249_000 },
    { name: "domain-religion", up: 5, down: 5, noise: { wordsim353: 1.1, simlex999: 0.99 }, wordsPerSecond: 190_000 },
  ],
};

/** The cells of a {@link Plant}: per-question outcomes, per-pair similarities and their metrics, consistent with each other. */
export function plantedCells(plant: Plant): CellResult[] {
  const cells: CellResult[] = [];
  for (const seed of plant.seeds) {
    const next = random(seed);
    // The baseline's answers: 35% right, 5% skipped.
    const base = Array.from({ length: 600 }, () => (next() < 0.05 ? "-" : next() < 0.35 ? "1" : "0"));
    const gold = Array.from({ length: 80 }, () => 10 * next());
    const shared = gold.map(() => normal(next));
    for (const s of plant.strategies) {
      const own = random(seed * 1000 + s.name.length + s.up);
      const outcomes: string[] = [...base];
      const flip = (from: string, to: string, count: number) => {
        const candidates = outcomes.flatMap((o, i) => (o === from && base[i] === from ? [i] : []));
        for (let k = 0; k < count && candidates.length > 0; k++)
          outcomes[candidates.splice(Math.floor(own() * candidates.length), 1)[0]] = to;
      };
      flip("0", "1", s.up);
      flip("1", "0", s.down);
      const answered = outcomes.filter((o) => o !== "-");
      const similarity = plant.similarity.map((benchmark) => {
        const noise = s.noise[benchmark] ?? 1;
        // the baseline's noise, scaled, plus a little of its own: strategies close to the baseline stay paired with it
        const model = gold.map((g, i) => g + 3 * noise * shared[i] + 0.3 * normal(own));
        return { benchmark, pairIndex: gold.map((_, i) => i), gold, model };
      });
      cells.push({
        key: `${s.name}-${seed}`,
        strategy: s.name,
        seed,
        settings: {},
        metrics: [
          {
            benchmark: plant.analogy,
            metric: "accuracy",
            value: answered.filter((o) => o === "1").length / answered.length,
          },
          ...similarity.map((p) => ({
            benchmark: p.benchmark,
            metric: "spearman",
            value: spearman(p.gold, p.model).r,
          })),
        ],
        sections: [],
        analogyOutcomes: [{ benchmark: plant.analogy, outcomes: outcomes.join("") }],
        pairSimilarities: similarity,
        sampler: null,
        neighbours: [],
        lossPerEpoch: [2.5, 2.1],
        wordsPerSecond: s.wordsPerSecond * (1 + 0.01 * seed),
        trainSeconds: 1,
        meanCosineToCentroid: 0.2,
        skipped: [],
      });
    }
  }
  return cells;
}

/** The summary of a {@link Plant}, as `neglab run` computes it (the baseline is the first strategy). */
export function plantedSummary(plant: Plant = DEFAULT_PLANT): Summary {
  const names = plant.strategies.map((s) => s.name);
  return summarize(plant.experiment, names[0], names, plantedCells(plant));
}
