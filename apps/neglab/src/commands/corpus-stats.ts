import {
  buildVocabulary,
  openCorpus,
  keepProbabilities,
  expectedRetainedTokens,
  PUNCTUATION_MODES,
} from "@neglab/corpus";
import { createTable } from "../terminal.js";
import type { CommandModule } from "yargs";
import { progressLine } from "../progress.js";
import { numberFlag } from "./number-flags.js";

interface CorpusStatsArgs {
  source: string;
  "min-count": number;
  sample: number;
  lowercase: boolean;
  punctuation: "keep" | "drop" | "strip";
  top: number;
  json: boolean;
}

/** `neglab corpus stats [source]`: tokens, types, sentences and the vocabulary a corpus gives. */
export const corpusStatsCommand: CommandModule<object, CorpusStatsArgs> = {
  command: "stats [source]",
  describe: "Statistics of a corpus: tokens, types, sentences, vocabulary after minCount, subsampling",
  builder: (y) =>
    y
      .positional("source", {
        type: "string",
        default: "brown",
        describe: "A text file (one sentence per line), a .gz file, a directory, or `brown` (embedded)",
      })
      .option("min-count", numberFlag("min-count", { default: 5, describe: "Drop words seen fewer times" }))
      .option("sample", numberFlag("sample", { default: 1e-3, describe: "Subsampling threshold of frequent words" }))
      .option("lowercase", { type: "boolean", default: false, describe: "Lowercase tokens" })
      .option("punctuation", {
        choices: PUNCTUATION_MODES,
        default: "keep" as const,
        describe: "Keep, drop punctuation-only tokens, or also strip edge punctuation",
      })
      .option("top", numberFlag("top", { default: 10, describe: "How many of the most frequent words to list" }))
      .option("json", { type: "boolean", default: false, describe: "Print JSON instead of tables" }),
  handler: async (args) => {
    const progress = progressLine();
    const corpus = await openCorpus(args.source, {
      normalize: { lowercase: args.lowercase, punctuation: args.punctuation },
    });
    const started = performance.now();
    const { vocabulary, stats } = await buildVocabulary(corpus, {
      minCount: args["min-count"],
      onProgress: (p) =>
        progress.update(`counting ${corpus.name}: ${p.sentences} sentences, ${p.tokens} tokens, ${p.types} types`),
    });
    const seconds = (performance.now() - started) / 1000;
    progress.done(
      `counted ${stats.tokens} tokens in ${seconds.toFixed(1)} s (${(stats.tokens / seconds / 1e6).toFixed(2)}M tokens/s)`,
    );
    const keep = keepProbabilities(vocabulary, args.sample);
    const afterSampling = Math.round(expectedRetainedTokens(vocabulary, keep));
    const top = vocabulary.words.slice(0, args.top).map((word, i) => ({ word, count: vocabulary.counts[i] }));
    if (args.json) {
      console.log(
        JSON.stringify({ corpus: corpus.name, ...stats, expectedTokensAfterSubsampling: afterSampling, top }, null, 2),
      );
      return;
    }
    const table = createTable({ head: ["corpus", corpus.name] });
    table.push(
      ["sentences", stats.sentences.toLocaleString("en")],
      ["tokens", stats.tokens.toLocaleString("en")],
      ["types", stats.types.toLocaleString("en")],
      [`vocabulary (minCount ${stats.effectiveMinCount})`, stats.retainedTypes.toLocaleString("en")],
      [
        "tokens of vocabulary words",
        `${stats.retainedTokens.toLocaleString("en")} (${pct(stats.retainedTokens, stats.tokens)})`,
      ],
      [
        `expected after subsampling (sample ${args.sample})`,
        `${afterSampling.toLocaleString("en")} (${pct(afterSampling, stats.tokens)})`,
      ],
    );
    console.log(table.toString());
    const words = createTable({ head: ["rank", "word", "count", "keep probability"] });
    top.forEach(({ word, count }, i) => words.push([i + 1, word, count.toLocaleString("en"), keep[i].toFixed(4)]));
    console.log(words.toString());
  },
};

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1)}%`;
}
