import { createHash } from "node:crypto";
import type { Experiment, StrategySpec } from "../experiment/definition.js";
import type { InputDigests } from "./input-digests.js";

/** One (strategy × seed) cell of the grid, with the cache key of its result. */
export interface Cell {
  /** Position in strategy-major order: the basis of deterministic sharding. */
  index: number;
  strategy: StrategySpec;
  seed: number;
  /** Trainer settings after strategy overrides (sampler and seed included). */
  settings: Record<string, unknown>;
  /**
   * sha256 (first 16 hex digits) of the cell's own inputs: the corpus digest and
   * normalisation, the resolved settings (sampler spec and seed included), the
   * benchmarks and the digests of their data files, the digests of this
   * strategy's sampler files (not those of other strategies), and the report's probes.
   */
  key: string;
}

/** Every cell of `experiment` in strategy-major order, keyed by `corpusDigest` and the digests of the `inputs` it reads. */
export function gridCells(experiment: Experiment, corpusDigest: string, inputs: InputDigests): Cell[] {
  const cells: Cell[] = [];
  for (const strategy of experiment.strategies) {
    for (const seed of experiment.seeds) {
      const settings = { ...experiment.train, ...strategy.train, sampler: strategy.sampler, seed };
      const own = { benchmarks: inputs.benchmarks, samplerFiles: inputs.samplerFiles[strategy.name] ?? {} };
      const key = createHash("sha256")
        .update(
          stableJson({
            corpus: corpusDigest,
            normalize: experiment.corpus,
            settings,
            benchmarks: experiment.benchmarks,
            inputs: own,
            probes: experiment.report.probes,
          }),
        )
        .digest("hex")
        .slice(0, 16);
      cells.push({ index: cells.length, strategy, seed, settings, key });
    }
  }
  return cells;
}

/** JSON with object keys sorted, so equal configs give equal keys whatever the key order in the file. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value);
}
