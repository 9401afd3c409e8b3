import { access } from "node:fs/promises";
import {
  evaluateAnalogies,
  evaluateWordPairs,
  locateDataset,
  type AnalogyResult,
  type SkippedLines,
  type WordPairResult,
} from "@neglab/eval";
import { readEmbeddings } from "@neglab/vectors";
import type { CommandModule } from "yargs";
import { resolveBenchmarkFile, type BenchmarkFile } from "./benchmark-file.js";
import { DATA_LOCATION_FLAGS, dataLocation } from "./data-directory.js";
import { analogyTable, similarityTable } from "./eval-tables.js";
import { numberFlag } from "./number-flags.js";

interface EvalArgs {
  vectors: string;
  analogy: string[] | undefined;
  similarity: string[] | undefined;
  "restrict-vocab": number;
  "case-insensitive": boolean;
  dummy4unknown: boolean;
  method: Method;
  strict: boolean;
  json: boolean;
  "data-dir": string | undefined;
  "cache-dir": string | undefined;
}

const METHODS = ["3cosadd", "3cosmul"] as const;
type Method = (typeof METHODS)[number];

/**
 * `--method` in any case (the API spells them `3CosAdd` / `3CosMul`): a known method lower-cased; anything else is
 * returned as given, for yargs' `choices` (which validates after coercion) to refuse as a usage error — so the
 * handler only ever sees a {@link Method}.
 */
function methodInAnyCase(value: string): Method {
  return (METHODS.find((m) => m === value.toLowerCase()) ?? value) as Method;
}

/**
 * The benchmarks scored when neither `--analogy` nor `--similarity` is given: the two gensim ships as its own test
 * data and evaluates in its documentation (`datapath('questions-words.txt')`, `datapath('wordsim353.tsv')`).
 */
const DEFAULT_BENCHMARKS = { analogy: "questions-words", similarity: "wordsim353" } as const;

/** The warning for a benchmark file whose unparsable lines were skipped, or null when none was. */
function skippedLinesWarning(source: string, skipped: SkippedLines): string | null {
  if (skipped.firstLine === null) return null;
  const lines = skipped.count === 1 ? "1 unparsable line" : `${skipped.count} unparsable lines`;
  return `warning: ${source}: ${lines} skipped (first: line ${skipped.firstLine}); --strict refuses such files`;
}

/** `neglab eval <vectors>`: analogy and word-similarity benchmarks on any word2vec or NegLab model file. */
export const evalCommand: CommandModule<object, EvalArgs> = {
  command: "eval <vectors>",
  describe:
    "Score word vectors (word2vec text/binary, .gz, or a NegLab model file) on analogy and similarity benchmarks",
  builder: (y) =>
    y
      .positional("vectors", {
        type: "string",
        demandOption: true,
        describe: "A word2vec text or binary file (.gz too) or a NegLab model file",
      })
      .option("analogy", {
        type: "string",
        array: true,
        describe: "An analogy questions file (word2vec's questions-words format) or a dataset name; repeatable",
      })
      .option("similarity", {
        type: "string",
        array: true,
        describe: "A word-pair similarity file (word1 word2 score) or a dataset name; repeatable",
      })
      .option(
        "restrict-vocab",
        numberFlag("restrict-vocab", {
          default: 300_000,
          describe: "Only the N most frequent words count as known (and as analogy answers)",
        }),
      )
      .option("case-insensitive", {
        type: "boolean",
        default: true,
        describe: "Compare words upper-cased, the most frequent case variant winning (--no-case-insensitive: exact)",
      })
      .option("dummy4unknown", {
        type: "boolean",
        default: false,
        describe: "Count questions with unknown words as wrong / pairs as similarity 0 instead of skipping them",
      })
      .option("method", {
        choices: METHODS,
        coerce: methodInAnyCase,
        default: "3cosadd" as const,
        describe: "Analogy answer: 3CosAdd (gensim most_similar) or 3CosMul (Levy & Goldberg 2014)",
      })
      .option("strict", {
        type: "boolean",
        default: false,
        describe:
          "Refuse benchmark files with unparsable lines instead of skipping them (as gensim does) with a warning",
      })
      .option("json", { type: "boolean", default: false, describe: "Print the results as JSON" })
      .options(DATA_LOCATION_FLAGS)
      .example(
        "$0 eval vectors.txt",
        `Score on ${DEFAULT_BENCHMARKS.analogy} and ${DEFAULT_BENCHMARKS.similarity} (the default benchmarks)`,
      )
      .example("$0 eval vectors.txt --analogy questions-words --similarity wordsim353 --similarity simlex999", ""),
  handler: async (args) => {
    // 1. Resolve every benchmark and the vectors file before loading anything.
    if (!(Number.isInteger(args["restrict-vocab"]) && args["restrict-vocab"] > 0))
      throw new Error(`--restrict-vocab: expected a positive integer, got ${args["restrict-vocab"]}`);
    // yargs hands a positional "-" over as "": both mean no file.
    if (args.vectors === "-" || args.vectors === "")
      throw new Error('vectors: reading vectors from standard input ("-") is not supported: name a vectors file');
    await access(args.vectors).catch(() => {
      throw new Error(`${args.vectors}: no such vectors file`);
    });
    const location = dataLocation(args);
    const named = (args.analogy?.length ?? 0) + (args.similarity?.length ?? 0) > 0;
    const defaulted = (name: string): BenchmarkFile => {
      try {
        return { name, path: locateDataset(name, location) };
      } catch (error) {
        throw new Error(
          `no benchmark named (--analogy, --similarity), so the default ${name} is scored, but ${(error as Error).message}`,
        );
      }
    };
    const analogyFiles = named
      ? await Promise.all((args.analogy ?? []).map((v) => resolveBenchmarkFile(v, "analogy", location)))
      : [defaulted(DEFAULT_BENCHMARKS.analogy)];
    const similarityFiles = named
      ? await Promise.all((args.similarity ?? []).map((v) => resolveBenchmarkFile(v, "similarity", location)))
      : [defaulted(DEFAULT_BENCHMARKS.similarity)];
    const options = {
      restrictVocab: args["restrict-vocab"],
      caseInsensitive: args["case-insensitive"],
      dummy4unknown: args.dummy4unknown,
      strict: args.strict,
    };

    // 2. Load the vectors once and score each benchmark with gensim's semantics.
    const embeddings = await readEmbeddings(args.vectors);
    const method = args.method === "3cosmul" ? "3CosMul" : "3CosAdd";
    const analogies: { name: string; result: AnalogyResult }[] = [];
    for (const file of analogyFiles)
      analogies.push({
        name: file.name,
        result: await evaluateAnalogies(embeddings, file.path, { ...options, method }),
      });
    const similarities: { name: string; result: WordPairResult }[] = [];
    for (const file of similarityFiles)
      similarities.push({ name: file.name, result: await evaluateWordPairs(embeddings, file.path, options) });
    for (const { result } of [...analogies, ...similarities]) {
      const warning = skippedLinesWarning(result.source, result.skippedLines);
      if (warning !== null) process.stderr.write(`neglab: ${warning}\n`);
    }

    // 3. Print: tables for people, JSON (without the per-question lists) for machines.
    if (args.json) {
      console.log(
        JSON.stringify(
          {
            vectors: args.vectors,
            words: embeddings.words.length,
            dim: embeddings.dim,
            analogy: analogies.map(({ name, result: r }) => ({
              name,
              source: r.source,
              method: r.method,
              sections: r.sections,
              total: r.total,
              semantic: r.semantic,
              syntactic: r.syntactic,
              questions: r.questions,
              oov: r.oov,
              oovPercent: r.oovPercent,
              skippedLines: r.skippedLines,
            })),
            similarity: similarities.map(({ name, result: r }) => ({
              name,
              source: r.source,
              pearson: r.pearson,
              spearman: r.spearman,
              oov: r.oov,
              oovPercent: r.oovPercent,
              skippedLines: r.skippedLines,
            })),
          },
          null,
          2,
        ),
      );
      return;
    }
    console.log(`${args.vectors}: ${embeddings.words.length.toLocaleString("en")} words × ${embeddings.dim}`);
    for (const { name, result } of analogies) console.log(`\n${name} (${result.method})\n${analogyTable(result)}`);
    if (similarities.length > 0) console.log(`\nword similarity\n${similarityTable(similarities)}`);
  },
};
