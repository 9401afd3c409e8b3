// The alias sampler's two draw paths back to back on one sampler: the fused loop (IndependentSampler's draw: random
// word, lookup, collision, per negative) against the gathered draw AliasSampler uses from V = 2^19 on (all k random
// words, then all k lookups). Bursts of 200,000 calls alternate 15 times, so load from other jobs hits both alike;
// prints the median rates and the median of the per-pair ratios.
// Run: node bench/alias-gather.bench.mjs [V ...]        (default 1e5 6e5 1e6; build first)
import { createStream } from "@neglab/random";
import { createSampler } from "../dist/index.js";
import { IndependentSampler } from "../dist/samplers/independent-sampler.js";

const K = 5;
const CALLS = 200_000;
const PAIRS = 15;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function compare(size) {
  const counts = Array.from({ length: size }, (_, rank) => Math.floor(1e9 / (rank + 1) ** 1.05) + 1);
  const sampler = await createSampler({ type: "unigram", alpha: 0.75 }, { vocabulary: { words: counts.map((_, id) => `w${id}`), counts } });
  const fused = IndependentSampler.prototype.draw;
  const path = (gathered) => {
    const rng = createStream(7, "bench", String(gathered));
    const out = { ids: new Int32Array(K), weights: null, probs: null };
    let positive = 0;
    return gathered
      ? () => sampler.draw(out, K, (positive = (positive + 7919) % size), -1, rng)
      : () => fused.call(sampler, out, K, (positive = (positive + 7919) % size), -1, rng);
  };
  const steps = [path(false), path(true)];
  const burst = (step) => {
    let samples = 0;
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < CALLS; c++) samples += step();
    return samples / (Number(process.hrtime.bigint() - t0) / 1e9);
  };
  for (const step of steps) for (let w = 0; w < 5; w++) burst(step); // warm the JIT
  const rates = [[], []];
  for (let p = 0; p < PAIRS; p++) steps.forEach((step, i) => rates[i].push(burst(step)));
  const ratio = median(rates[1].map((rate, p) => rate / rates[0][p]));
  const m = (i) => (median(rates[i]) / 1e6).toFixed(1);
  console.log(`V=${size}: fused ${m(0)} M/s, gathered ${m(1)} M/s, gathered / fused = ${ratio.toFixed(2)}×`);
}

const sizes = process.argv.slice(2).map(Number);
for (const size of sizes.length > 0 ? sizes : [1e5, 6e5, 1e6]) await compare(size);
