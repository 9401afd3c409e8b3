import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runBin, type Outcome } from "./cli-helpers.js";

/** The built command line the run-* tests call. */
export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/**
 * A temporary directory with a small planted corpus (`corpus.txt`) and a
 * similarity benchmark (`data/pairs.tsv`), and helpers to write experiment
 * definitions into it and run `neglab` on them: small enough that a cell trains
 * in well under a second.
 */
export function runFixture(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env = { ...process.env, CI: "1", XDG_CACHE_HOME: join(dir, "cache"), NEGLAB_DATA: join(dir, "data") };
  const animals = ["cat", "dog", "cow", "pig", "hen"];
  const tools = ["saw", "drill", "hammer", "wrench", "file"];
  const lines: string[] = [];
  for (let i = 0; i < 400; i++)
    lines.push(
      `the ${animals[i % 5]} eats grass near the ${animals[(i * 7 + 3) % 5]}`,
      `a ${tools[(i * 3 + 1) % 5]} cuts wood beside the ${tools[(i * 11 + 2) % 5]}`,
    );
  writeFileSync(join(dir, "corpus.txt"), `${lines.join("\n")}\n`);
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "pairs.tsv"), "cat\tdog\t9\nsaw\tdrill\t9\ncat\tsaw\t1\ndog\thammer\t1\n");

  /** Writes `<name>.json`: two strategies × two seeds unless `patch` says otherwise; returns its path. */
  const experiment = (name: string, patch: Record<string, unknown> = {}): string => {
    const file = join(dir, `${name}.json`);
    const definition = {
      name,
      corpus: { source: "corpus.txt" },
      train: { architecture: "skipgram", vectorSize: 5, epochs: 1, workers: 1, minCount: 1, sample: 0 },
      strategies: [
        { name: "uniform", sampler: { type: "uniform" } },
        { name: "unigram", sampler: { type: "unigram", alpha: 0.75 } },
      ],
      seeds: [1, 2],
      benchmarks: [{ name: "pairs", type: "similarity", path: "pairs.tsv" }],
      baseline: "unigram",
      ...patch,
    };
    writeFileSync(file, JSON.stringify(definition));
    return file;
  };

  /**
   * Runs `neglab args…` to completion, as a child process awaited (not spawnSync: a test worker blocked for a
   * minute stops answering vitest, which then fails the whole run).
   */
  const neglab = (args: string[]): Promise<Outcome> => runBin(args, process.cwd(), env);
  return { dir, env, experiment, neglab };
}
