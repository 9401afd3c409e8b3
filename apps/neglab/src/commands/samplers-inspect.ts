import { buildVocabulary, openCorpus } from "@neglab/corpus";
import {
  COLLISION_EFFECT,
  entropy,
  expectedNegatives,
  frequencyBuckets,
  perplexity,
} from "@neglab/samplers/diagnostics";
import { createSampler, preflightSamplerSpec } from "@neglab/samplers";
import { createTable } from "../terminal.js";
import type { CommandModule } from "yargs";
import { progressLine } from "../progress.js";
import { CORPUS_FLAGS } from "./corpus-flags.js";
import { numberFlag } from "./number-flags.js";
import { samplerFlagOptions, samplerSpecFromFlags } from "./sampler-flags.js";

/**
 * `neglab samplers inspect <spec>`: the distribution a sampler draws negatives
 * from on a corpus — entropy H = −Σ p log₂ p, perplexity 2^H, the shares of the
 * top 10/100/1000 words and the rest, the collision policy with the expected
 * negatives per positive (k under `redraw`/`keep`, k·(1 − p(w)) averaged over
 * positives under `skip`), and the most probable words.
 */
export const samplersInspectCommand: CommandModule = {
  command: "inspect <spec>",
  describe:
    "A sampler's negative distribution on a corpus: entropy, perplexity, frequency-bucket shares, collisions, top words",
  builder: (y) =>
    y
      .positional("spec", {
        type: "string",
        demandOption: true,
        describe: 'A sampler type (e.g. unigram) or a JSON spec (e.g. \'{"type":"unigram","alpha":1}\')',
      })
      .options(CORPUS_FLAGS)
      .options(samplerFlagOptions())
      .option("sampler", { hidden: true })
      .option("min-count", numberFlag("min-count", { default: 5, describe: "Drop words seen fewer times" }))
      .option(
        "negative",
        numberFlag("negative", {
          default: 5,
          describe: "k, negatives per positive, for the expected negatives under the collision policy",
        }),
      )
      .option("top", numberFlag("top", { default: 10, describe: "How many of the most probable words to list" }))
      .option("json", { type: "boolean", default: false, describe: "Print JSON instead of tables" })
      .example("$0 samplers inspect unigram --alpha 0.75 --corpus brown --lowercase --punctuation drop", ""),
  handler: async (args) => {
    // 1. The spec (name or JSON, plus option flags), built before the corpus is read (preflightSamplerSpec: weights
    //    files parsed, a custom module run in a worker thread under a time limit), so its problems come first.
    const spec = samplerSpecFromFlags({ ...args, sampler: args.spec });
    for (const flag of ["min-count", "negative", "top"]) {
      const value = args[flag] as number;
      if (!(Number.isInteger(value) && value >= (flag === "min-count" ? 1 : 0)))
        throw new Error(`--${flag}: expected a non-negative integer, got ${value}`);
    }
    const { spec: checked } = await preflightSamplerSpec(spec);

    // 2. The corpus vocabulary, then the sampler built on it.
    const progress = progressLine();
    const corpus = await openCorpus((args.corpus as string | undefined) ?? "brown", {
      normalize: {
        lowercase: (args.lowercase as boolean | undefined) ?? false,
        punctuation: (args.punctuation as "keep" | "drop" | "strip" | undefined) ?? "keep",
      },
    });
    const { vocabulary } = await buildVocabulary(corpus, {
      minCount: args["min-count"] as number,
      onProgress: (p) => progress.update(`counting ${corpus.name}: ${p.tokens} tokens, ${p.types} types`),
    });
    progress.done(
      `${corpus.name}: ${vocabulary.size.toLocaleString("en")} words (minCount ${String(args["min-count"])})`,
    );
    const sampler = await createSampler(checked, { vocabulary });
    const p = sampler.probabilities();

    // 3. The diagnostics of @neglab/samplers on that distribution.
    const k = args.negative as number;
    const order = Array.from(p.keys()).sort((a, b) => p[b] - p[a] || a - b);
    const report = {
      spec: sampler.spec,
      description: sampler.describe?.() ?? JSON.stringify(sampler.spec),
      corpus: corpus.name,
      vocabulary: vocabulary.size,
      entropyBits: entropy(p),
      perplexity: perplexity(p),
      buckets: frequencyBuckets(p, vocabulary.counts),
      collision: sampler.collision,
      collisionEffect: COLLISION_EFFECT[sampler.collision],
      negative: k,
      expectedNegatives: expectedNegatives(
        p,
        vocabulary.counts,
        k,
        sampler.collision,
        typeof sampler.spec.candidates === "number" ? sampler.spec.candidates : k,
      ),
      top: order
        .slice(0, args.top as number)
        .map((id) => ({ word: vocabulary.words[id], count: vocabulary.counts[id], probability: p[id] })),
      warnings: sampler.warnings ?? [],
    };
    if (args.json) {
      console.log(JSON.stringify(report, null, 2));
      return;
    }
    const summary = createTable({ head: ["sampler", report.description], colWidths: [28, 80], wordWrap: true });
    summary.push(
      ["corpus", `${report.corpus} (${report.vocabulary.toLocaleString("en")} words)`],
      ["entropy", `${report.entropyBits.toFixed(4)} bits`],
      ["perplexity", report.perplexity.toFixed(2)],
      ...report.buckets.map((b): [string, string] => [
        `share of ${b.label}`,
        `${(100 * b.share).toFixed(2)}% (${b.words} words)`,
      ]),
      ["collision policy", report.collisionEffect],
      [`negatives per positive (k=${k})`, report.expectedNegatives.toFixed(4)],
    );
    console.log(summary.toString());
    const words = createTable({ head: ["rank", "word", "count", "probability"] });
    report.top.forEach((t, i) => words.push([i + 1, t.word, t.count.toLocaleString("en"), t.probability.toFixed(6)]));
    console.log(words.toString());
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
  },
};
