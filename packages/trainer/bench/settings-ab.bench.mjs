// Paired comparison of trainer settings in one process: each rep trains every
// configuration once, in order, on the same prepared corpus, so a slow spell of
// the host hits all of them alike. Prints, per configuration, the median total
// training time and the median steady-state epoch (epochs 2..n, which leaves out
// worker start-up and the first epoch's JIT warm-up), each as a speed-up over the
// first configuration, with the median of the per-rep ratios to the first
// ("paired"); and the same for the process's CPU time (all threads), which a host
// shared with other jobs disturbs far less than wall-clock time when the
// configurations use the same number of workers. The configuration "independent"
// trains two 1-worker models at once (the machine's ceiling for 2 workers:
// nothing shared but the hardware); its times are halved to compare with one
// model. A configuration's "build" key names another build's dist/ directory
// (inside this package, e.g. .bench-work/base, so that its imports resolve): it
// trains with that build, to compare two versions of the code. With --quality
// every model is also evaluated as gensim does (analogy on the 30,000 most
// frequent words, case-insensitive; Spearman on WordSim-353 and SimLex-999) and
// the means printed.
//
//   pnpm --filter @neglab/trainer bench:ab -- [--corpus brown|prose] [--arch cbow|skipgram] [--reps 7] [--quality]
//     [--configs '[{"workers":1},{"workers":2,"hotRows":0},{"workers":2},"independent"]']
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { buildVocabulary, encodeCorpus, openCorpus } from "@neglab/corpus";
import { Embeddings } from "@neglab/vectors";
import { train } from "../dist/index.js";
import { evaluateQuality } from "./evaluate.mjs";
import { benchArgs, benchCorpus, dataDir, median } from "./reference-tools.mjs";

const { values: flags } = parseArgs({
  args: benchArgs(),
  options: {
    corpus: { type: "string", default: "brown" },
    arch: { type: "string", default: "cbow" },
    reps: { type: "string", default: "7" },
    quality: { type: "boolean", default: false },
    configs: { type: "string", default: '[{"workers":1},{"workers":2,"hotRows":0},{"workers":2},"independent"]' },
  },
});
const configs = parseConfigs(flags.configs);
const reps = Number(flags.reps);
if (!Number.isInteger(reps) || reps < 1)
  throw new Error(`--reps must be a whole number ≥ 1, got ${JSON.stringify(flags.reps)}`);
const data = dataDir();
const prepared = await benchCorpus(flags.corpus, data);
const corpus = await openCorpus(prepared.path);
const { vocabulary } = await buildVocabulary(corpus, { minCount: 5 });
const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
console.log(`corpus ${flags.corpus}: ${prepared.tokens} tokens, ${vocabulary.size} words; ${flags.arch}; ${reps} reps`);

/** The --configs array: trainer settings objects, or "independent". */
function parseConfigs(text) {
  let configs;
  try {
    configs = JSON.parse(text);
  } catch (error) {
    throw new Error(`--configs is not JSON (${error.message}): ${text}`);
  }
  const valid =
    Array.isArray(configs) &&
    configs.length > 0 &&
    configs.every((c) => c === "independent" || (typeof c === "object" && c !== null && !Array.isArray(c)));
  if (!valid)
    throw new Error(`--configs must be a non-empty JSON array of settings objects or "independent", got ${text}`);
  return configs;
}

/** Mean seconds of epochs 2..n. */
const steadyEpoch = (model) =>
  model.epochs.slice(1).reduce((sum, e) => sum + e.seconds, 0) / Math.max(1, model.epochs.length - 1);
const base = { vocabulary, encoded, architecture: flags.arch };
/** Each configuration's `train`, from its "build" directory or this build, and its settings without "build". */
const runs = await Promise.all(
  configs.map(async (config) => {
    if (config === "independent" || config.build === undefined) return { train, settings: config };
    const { build, ...settings } = config;
    const other = await import(pathToFileURL(resolve(build, "index.js")).href);
    return { train: other.train, settings };
  }),
);
const results = configs.map(() => ({ total: [], steady: [], cpu: [], quality: [] }));
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};
for (let rep = 0; rep < reps; rep++) {
  for (const [i, { train: run, settings: config }] of runs.entries()) {
    const seed = rep + 1;
    const cpuBefore = cpuSeconds();
    const models =
      config === "independent"
        ? await Promise.all([seed, seed + 1000].map((s) => run({ ...base, workers: 1, seed: s })))
        : [await run({ ...base, seed, ...config })];
    const share = config === "independent" ? 2 : 1; // two models' work in the time of one
    results[i].cpu.push((cpuSeconds() - cpuBefore) / share);
    results[i].total.push(Math.max(...models.map((m) => m.stats.trainSeconds)) / share);
    results[i].steady.push(models.reduce((sum, m) => sum + steadyEpoch(m), 0) / models.length / share);
    if (flags.quality)
      results[i].quality.push(
        await evaluateQuality(new Embeddings(models[0].vocabulary.words, models[0].vectors, models[0].dim), data),
      );
  }
  process.stderr.write(`rep ${rep + 1} done\n`);
}
const [first] = results;
for (const [i, config] of configs.entries()) {
  const { total, steady, cpu, quality } = results[i];
  const paired = (key) => median(results[i][key].map((value, rep) => first[key][rep] / value)).toFixed(3);
  let line =
    `${JSON.stringify(config).padEnd(48)} total ${median(total).toFixed(3)} s (×${(median(first.total) / median(total)).toFixed(2)}, paired ×${paired("total")})` +
    `  steady epoch ${median(steady).toFixed(3)} s (×${(median(first.steady) / median(steady)).toFixed(2)})` +
    `  cpu ${median(cpu).toFixed(3)} s (×${(median(first.cpu) / median(cpu)).toFixed(2)}, paired ×${paired("cpu")})`;
  if (quality.length > 0) {
    const mean = (key) => quality.reduce((sum, q) => sum + q[key], 0) / quality.length;
    line += `  analogy ${(100 * mean("analogy")).toFixed(2)}% WS-353 ${mean("ws353").toFixed(3)} SimLex-999 ${mean("simlex").toFixed(3)}`;
  }
  console.log(line);
}
