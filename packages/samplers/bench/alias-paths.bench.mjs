// Ways to draw k = 5 negatives from one distribution, on the same table data:
//   word, one by one  the word table (8 bytes a word), nextUint32 then lookup per negative (the draw before batches);
//   word, batch       the word table, all k random words from one fillUint32, then the k lookups (the sampler's draw);
//   run table, batch  the table over runs of equal probability, 2k random words from one fillUint32, then the k
//                     lookups (the sampler's draw from V ≥ 3·2^18 with at most 2^16 runs).
// Each loop applies the collision rule `skip`. Bursts of 200,000 calls alternate 15 times, so
// load from other jobs hits all alike; prints the median rates and the medians of the per-burst ratios.
// Two vocabularies: "bench" is samplers.bench.mjs's (⌊10^9 / rank^1.05⌋ + 1, many distinct counts), "min-count 5" is
// ⌊5 · V^1.05 / rank^1.05⌋ (a corpus vocabulary cut at count 5: long runs of equal counts).
// Run: node bench/alias-paths.bench.mjs [V ...]        (default 2e5 3e5 1e6; build first)
import { createStream } from "@neglab/random";
import { createSampler } from "../dist/index.js";
import { aliasDraw, buildAliasTable } from "../dist/tables/alias-table.js";
import { buildRunAliasTable, runAliasDraw } from "../dist/tables/run-alias-table.js";

const K = 5;
const CALLS = 200_000;
const BURSTS = 15;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function paths(p) {
  const cells = buildAliasTable(p);
  const runs = buildRunAliasTable(p);
  const size = p.length;
  const words = new Uint32Array(2 * K);
  return {
    runs: runs.count,
    loops: {
      "word, one by one": (ids, positive, rng) => {
        let n = 0;
        for (let i = 0; i < K; i++) {
          const id = aliasDraw(cells, size, rng.nextUint32());
          if (id !== positive) ids[n++] = id;
        }
        return n;
      },
      "word, batch": (ids, positive, rng) => {
        rng.fillUint32(words, K);
        let n = 0;
        for (let i = 0; i < K; i++) {
          const id = aliasDraw(cells, size, words[i]);
          if (id !== positive) ids[n++] = id;
        }
        return n;
      },
      "run table, batch": (ids, positive, rng) => {
        rng.fillUint32(words, 2 * K);
        let n = 0;
        for (let i = 0; i < K; i++) {
          const id = runAliasDraw(runs, words[2 * i], words[2 * i + 1]);
          if (id !== positive) ids[n++] = id;
        }
        return n;
      },
    },
  };
}

async function compare(size, style) {
  const top = style === "bench" ? 1e9 : 5 * size ** 1.05;
  const counts = Array.from(
    { length: size },
    (_, rank) => Math.floor(top / (rank + 1) ** 1.05) + (style === "bench" ? 1 : 0),
  );
  const sampler = await createSampler(
    { type: "unigram", alpha: 0.75 },
    { vocabulary: { words: counts.map((_, id) => `w${id}`), counts } },
  );
  const { runs, loops } = paths(sampler.probabilities());
  const names = Object.keys(loops);
  const steps = names.map((name) => {
    const rng = createStream(7, "bench", name);
    const ids = new Int32Array(K);
    let positive = 0;
    return () => loops[name](ids, (positive = (positive + 7919) % size), rng);
  });
  const burst = (step) => {
    let samples = 0;
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < CALLS; c++) samples += step();
    return samples / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  for (const step of steps) for (let w = 0; w < 5; w++) burst(step); // warm the JIT
  const rates = names.map(() => []);
  for (let b = 0; b < BURSTS; b++) steps.forEach((step, i) => rates[i].push(burst(step)));
  const ratio = (i) => median(rates[i].map((rate, b) => rate / rates[0][b])).toFixed(2);
  const cells = names.map((name, i) => `${name} ${(median(rates[i]) / 1e6).toFixed(1)} M/s`).join(", ");
  console.log(
    `V=${size} ${style} (${runs} runs): ${cells}; ÷ one by one: word batch ${ratio(1)}×, run table ${ratio(2)}×`,
  );
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length > 0 ? sizes : [2e5, 3e5, 1e6])
  for (const style of ["bench", "min-count 5"]) await compare(size, style);
