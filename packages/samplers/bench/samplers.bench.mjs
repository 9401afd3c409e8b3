// Samples per second of every sampler type and method at V = 1e3, 1e5, 1e6 (Zipfian counts, see zipfVocabulary), k = 5 negatives per
// draw call: the median over 3 rounds (each sweeping every configuration) of the median of 3 repeats. Each
// configuration runs in its own Node process, so every measurement sees a monomorphic draw loop, as a training
// run (one sampler type) does.
// Run: pnpm --filter @neglab/samplers bench        (one configuration: node bench/samplers.bench.mjs --only alias)
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { createStream } from "@neglab/random";
import { createSampler } from "../dist/index.js";

const SIZES = [1e3, 1e5, 1e6];
const REPEATS = 3;
const ROUNDS = 3;
const K = 5;
const DIM = 100;

/** name → spec; `adaptive` also gets a random model of dimension DIM. */
const CONFIGS = {
  "rng.nextInt (ceiling)": null,
  uniform: { type: "uniform" },
  "unigram alias": { type: "unigram", alpha: 0.75, method: "alias" },
  "unigram alias, counts cut at 5": { type: "unigram", alpha: 0.75, method: "alias" },
  "unigram word2vec-table (1e8)": { type: "unigram", alpha: 0.75, method: "word2vec-table" },
  "unigram cumulative (gensim)": { type: "unigram", alpha: 0.75, method: "cumulative" },
  "unigram fasttext-table (1e7)": { type: "unigram", alpha: 0.75, method: "fasttext-table" },
  "fasttext preset (α 0.5, redraw)": { type: "fasttext" },
  "domain mixture": { type: "domain", weights: { w3: 5, w50: 20, w900: 40 }, combine: "mixture", lambda: 0.2 },
  "domain product": { type: "domain", weights: { w3: 5, w50: 20, w900: 40 }, combine: "product" },
  "annealed linear (alias)": { type: "annealed", alphaStart: 1, alphaEnd: 0.5 },
  "annealed cosine, t = 0.5": { type: "annealed", alphaStart: 1, alphaEnd: 0.5, schedule: "cosine" },
  [`adaptive top, M=32, dim=${DIM}`]: { type: "adaptive", candidates: 32 },
  [`adaptive softmax, M=32, dim=${DIM}`]: { type: "adaptive", candidates: 32, select: "softmax" },
};

/** Training progress set before measuring (schedules then draw from their mid-training table). */
const PROGRESS = 0.5;

/**
 * Zipfian counts ⌊10^9 / rank^1.05⌋ + 1: many distinct counts (48,606 at V = 10^6). The row named "counts cut at 5"
 * instead gets ⌊5 · V^1.05 / rank^1.05⌋, a corpus vocabulary cut at min_count 5, whose tail shares few counts
 * (5183 distinct at V = 10^6): from V = 2^18 the alias sampler then draws from its run table.
 */
function zipfVocabulary(size, name) {
  const cut = name.includes("cut at 5");
  const top = cut ? 5 * size ** 1.05 : 1e9;
  const counts = Array.from({ length: size }, (_, rank) => Math.floor(top / (rank + 1) ** 1.05) + (cut ? 0 : 1));
  return { words: counts.map((_, id) => `w${id}`), counts };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Child: measures one configuration, prints { rate } as JSON. */
async function measure(name, size) {
  const spec = CONFIGS[name];
  const rng = createStream(7, "bench");
  let step;
  if (spec === null) {
    const ids = new Int32Array(K);
    step = () => {
      for (let i = 0; i < K; i++) ids[i] = rng.nextInt(size);
      return K;
    };
  } else {
    const vocabulary = zipfVocabulary(size, name);
    const sampler = await createSampler(spec, { vocabulary });
    sampler.setProgress?.(PROGRESS);
    if (sampler.modelAware) {
      const init = createStream(7, "model");
      const output = Float32Array.from({ length: size * DIM }, () => init.nextFloat() - 0.5);
      const hidden = Float32Array.from({ length: DIM }, () => init.nextFloat() - 0.5);
      sampler.attachModel({ dim: DIM, input: output, output, hidden });
    }
    const out = { ids: new Int32Array(K), weights: null, probs: null };
    let positive = 0;
    step = () => {
      positive = (positive + 7919) % size;
      return sampler.draw(out, K, positive, -1, rng);
    };
  }
  // Warm up for 1 s first: at V = 10^6 the first ~0.5 s run at half speed (the JIT's tiers and the collection of
  // the vocabulary's garbage share the two cores), which a short calibration alone would measure.
  for (const t0 = performance.now(); performance.now() - t0 < 1000; ) for (let c = 0; c < 10_000; c++) step();
  // Calibrate the number of calls to ~0.25 s per repeat.
  let calls = 10_000;
  for (;;) {
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < calls; c++) step();
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (seconds > 0.1) {
      calls = Math.ceil((calls * 0.25) / seconds);
      break;
    }
    calls *= 4;
  }
  const rates = [];
  for (let r = 0; r < REPEATS; r++) {
    let samples = 0;
    const t0 = process.hrtime.bigint();
    for (let c = 0; c < calls; c++) samples += step();
    rates.push(samples / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  return median(rates);
}

async function main() {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const { name, size } = JSON.parse(process.argv[childAt + 1]);
    console.log(JSON.stringify({ rate: await measure(name, size) }));
    return;
  }
  const onlyAt = process.argv.indexOf("--only");
  const names = Object.keys(CONFIGS).filter((n) => onlyAt < 0 || n.includes(process.argv[onlyAt + 1]));
  const self = fileURLToPath(import.meta.url);
  const loadBefore = loadavg()[0];
  // rates[name][size] = one rate per round. Rounds sweep every configuration in turn, so a burst of load from other
  // jobs on the machine hits all of them alike instead of one row; the table shows the median over rounds.
  const rates = Object.fromEntries(names.map((name) => [name, Object.fromEntries(SIZES.map((size) => [size, []]))]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of names) {
      for (const size of SIZES) {
        const output = execFileSync(
          process.execPath,
          ["--max-old-space-size=4096", self, "--child", JSON.stringify({ name, size })],
          {
            encoding: "utf8",
          },
        );
        const { rate } = JSON.parse(output.trim().split("\n").pop());
        rates[name][size].push(rate);
        process.stderr.write(
          `round ${round + 1}/${ROUNDS} ${name} V=${size}: ${(rate / 1e6).toFixed(1)} M samples/s\n`,
        );
      }
    }
  }
  const label = (size) => `V=${size.toExponential(0).replace("+", "")}`;
  const table = {};
  for (const name of names) {
    table[name] = Object.fromEntries(
      SIZES.map((size) => [label(size), `${(median(rates[name][size]) / 1e6).toFixed(1)} M/s`]),
    );
  }
  console.log(
    `\nSamples per second (k = ${K} per draw call; median over ${ROUNDS} rounds of the median of ${REPEATS} repeats; node ${process.version})`,
  );
  console.log(
    `1-minute load average: ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after (other jobs slow every row alike)`,
  );
  console.table(table);
  // Ratios within each round (same load), then the median over rounds.
  const ratio = (a, b, size) => median(rates[a][size].map((rate, round) => rate / rates[b][size][round]));
  const alias = "unigram alias";
  for (const size of SIZES) {
    const parts = [
      ["word2vec-table", "unigram word2vec-table (1e8)"],
      ["cumulative", "unigram cumulative (gensim)"],
      ["fasttext-table", "unigram fasttext-table (1e7)"],
      ["rng.nextInt", "rng.nextInt (ceiling)"],
    ].filter(([, other]) => rates[alias] && rates[other]);
    if (parts.length > 0) {
      console.log(
        `${label(size)}: alias / ${parts.map(([short, other]) => `${short} = ${ratio(alias, other, size).toFixed(2)}×`).join(", alias / ")}`,
      );
    }
  }
}

await main();
