import { constants } from "node:fs";
import { access, open } from "node:fs/promises";
import { dirname, isAbsolute, resolve, sep } from "node:path";
import { preflightSamplerSpec, SamplerError, samplerSpecSchema } from "@neglab/samplers";
import {
  checkModelFits,
  DEFAULT_SAMPLER_TIMEOUT,
  defaultSettings,
  ModelTooLargeError,
  resolveSamplerTimeout,
  resolveSettings,
  TrainOptionError,
  TRAIN_SETTINGS_SCHEMA,
  type SettingText,
  type TrainSettings,
} from "@neglab/trainer";
import type { Options } from "yargs";
import { z } from "zod";
import { PUNCTUATION_MODES } from "@neglab/corpus";
import { describeFileKind } from "@neglab/files";
import { samplerFiles } from "../experiment/sampler-files.js";
import { expecting, firstProblem, unknownKeyError } from "../schema-issues.js";
import { checkOutputs, namesDirectory, type InputRequest } from "../output-paths.js";
import { CORPUS_FLAGS, PUNCTUATION_CHOICES, type Punctuation } from "./corpus-flags.js";
import { numberFlag } from "./number-flags.js";
import { samplerFlagOptions, samplerSpecFromFlags } from "./sampler-flags.js";

/**
 * The trainer settings `neglab train` takes as flags: setting name (gensim's,
 * as in a config file) → flag. The learning rates are `--learning-rate` and
 * `--min-learning-rate` because `--alpha` is the sampler's exponent. Settings
 * without a flag (tuning knobs) can still be given in a config file.
 */
const SETTING_FLAGS: Partial<Record<keyof TrainSettings, [flag: string, option: Options]>> = {
  architecture: [
    "architecture",
    { choices: ["skipgram", "cbow"], describe: "skipgram (gensim sg=1) or cbow [default: cbow]" },
  ],
  vectorSize: ["vector-size", { type: "number", describe: "Dimensionality of the vectors [default: 100]" }],
  window: ["window", { type: "number", describe: "Maximum distance of a context word [default: 5]" }],
  shrinkWindows: [
    "shrink-windows",
    {
      type: "boolean",
      describe: "Draw each effective window from 1..window (--no-shrink-windows: always window) [default: true]",
    },
  ],
  minCount: ["min-count", { type: "number", describe: "Drop words seen fewer times [default: 5]" }],
  maxVocabSize: [
    "max-vocab-size",
    {
      type: "number",
      describe:
        "Bound memory while counting: whenever more types are held, prune the rarest (gensim max_vocab_size; pruned counts are lower bounds) [default: none]",
    },
  ],
  maxFinalVocab: [
    "max-final-vocab",
    {
      type: "number",
      describe:
        "Keep at most this many most frequent words by raising --min-count (gensim max_final_vocab); bounds the model, which must fit WebAssembly's 4 GiB [default: none]",
    },
  ],
  sample: [
    "sample",
    { type: "number", describe: "Subsampling threshold of frequent words, 0 disables [default: 1e-3]" },
  ],
  alpha: ["learning-rate", { type: "number", describe: "Initial learning rate (config: alpha) [default: 0.025]" }],
  minAlpha: [
    "min-learning-rate",
    { type: "number", describe: "Final learning rate (config: minAlpha) [default: 1e-4]" },
  ],
  epochs: ["epochs", { type: "number", describe: "Passes over the corpus [default: 5]" }],
  negative: [
    "negative",
    { type: "number", describe: "Negatives per positive, 0 disables negative sampling [default: 5]" },
  ],
  hs: ["hs", { type: "boolean", describe: "Hierarchical softmax [default: false]" }],
  cbowMean: [
    "cbow-mean",
    { type: "boolean", describe: "CBOW: mean (true) or sum (--no-cbow-mean) of the context [default: true]" },
  ],
  saturation: [
    "saturation",
    {
      choices: ["skip", "clip"],
      describe: "At |score| ≥ 6: skip the update (gensim) or clip σ (word2vec.c) [default: skip]",
    },
  ],
  workers: ["workers", { type: "number", describe: "Worker threads [default: min(3, cores)]" }],
  seed: ["seed", { type: "number", describe: "Seed of every random choice [default: 1]" }],
  kernel: [
    "kernel",
    { choices: ["wasm", "js"], describe: "Inner loop: WebAssembly SIMD or the TypeScript reference [default: wasm]" },
  ],
  inputInit: [
    "input-init",
    {
      choices: ["gensim", "word2vec"],
      describe: "Input vectors start uniform in ±1/dim (gensim 4) or ±0.5/dim (word2vec.c) [default: gensim]",
    },
  ],
  decayBy: [
    "decay-by",
    {
      choices: ["words", "sentences"],
      describe:
        "Learning-rate decay counts words (word2vec.c) or sentences (gensim's Word2Vec(sentences)) [default: words]",
    },
  ],
};

/** A path field of a `--config` file (relative paths resolve against the file's directory). */
const configPath = (description: string) =>
  z
    .string({ error: expecting("a path") })
    .min(1, { error: expecting("a path") })
    .meta({ description })
    .optional();

/** The fields of a `--config` file: every trainer setting (the trainer's schema and messages), the corpus, the sampler and the outputs. */
const CONFIG_SHAPE = {
  ...Object.fromEntries(Object.entries(TRAIN_SETTINGS_SCHEMA.shape).map(([key, schema]) => [key, z.optional(schema)])),
  // Checked in full by the sampler preflight (validateSamplerSpec), whose messages name the strategy and option.
  sampler: z.optional(samplerSpecSchema()),
  corpus: configPath("brown, or a text file, .gz or directory"),
  lowercase: z.boolean({ error: expecting("true or false") }).optional(),
  punctuation: z.enum(PUNCTUATION_MODES, { error: expecting(PUNCTUATION_CHOICES) }).optional(),
  out: configPath("The word2vec vectors file to write (.gz compresses)"),
  binary: z.boolean({ error: expecting("true or false") }).optional(),
  model: configPath("A NegLab model file to write"),
};

/**
 * The schema of a `neglab train --config` file: a JSON object of known fields
 * (an unknown one suggests the closest), each value of its type. Flags
 * override the file's values; relations between settings are checked once
 * flags and file are merged (`resolveSettings`).
 */
const CONFIG_SCHEMA = z.strictObject(CONFIG_SHAPE, { error: unknownKeyError("field", Object.keys(CONFIG_SHAPE)) });

/** Every yargs option of `neglab train`: config, corpus, settings, sampler, outputs. */
export const TRAIN_FLAGS: Record<string, Options> = {
  config: {
    type: "string",
    describe:
      "A JSON file of these settings (gensim names, e.g. vectorSize, plus corpus, sampler, out, …); flags override it",
  },
  ...CORPUS_FLAGS,
  ...Object.fromEntries(
    Object.values(SETTING_FLAGS).map(([flag, { type, ...option }]) => [
      flag,
      type === "number" ? numberFlag(flag, { ...option, group: "Training:" }) : { type, ...option, group: "Training:" },
    ]),
  ),
  ...samplerFlagOptions(),
  "sampler-timeout": numberFlag("sampler-timeout", {
    group: "Training:",
    describe: `Milliseconds a custom sampler module may take to load or in one call before the command stops with an error naming it [default: ${DEFAULT_SAMPLER_TIMEOUT}]`,
  }),
  // nargs 1 (output paths): yargs would otherwise read "-" as a positional argument and leave the flag empty.
  out: {
    type: "string",
    nargs: 1,
    group: "Output:",
    describe: "word2vec vectors file to write (.gz compresses; - for standard output, text format)",
  },
  binary: {
    type: "boolean",
    group: "Output:",
    describe: "Write --out in word2vec's binary format instead of text [default: false]",
  },
  model: {
    type: "string",
    nargs: 1,
    group: "Output:",
    describe: "Also write a NegLab model file (vocabulary, counts, input and output vectors, settings)",
  },
};

/**
 * A mistake in `neglab train`'s flags or `--config` file; the message names
 * the flag, or the config file and field. (Output paths that cannot be
 * written are `OutputPathError`s from output-paths.ts.)
 */
export class TrainConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TrainConfigError";
  }
}

/** A fully resolved, validated `neglab train` job. */
export interface TrainJob {
  corpus: string;
  normalize: { lowercase: boolean; punctuation: Punctuation };
  settings: TrainSettings;
  /** Directory that relative sampler paths (weights files, modules) resolve against. */
  samplerBaseDir: string;
  /** The word2vec vectors file, `-` for standard output. */
  out: string | undefined;
  binary: boolean;
  model: string | undefined;
  /** How long a custom sampler may take in one call (ms): the trainer's `samplerTimeout` and the preflight's limit. */
  samplerTimeout: number;
}

/** Where a value came from, for error messages: a flag or a field of the config file. */
type Origin = (field: string) => string;

/**
 * Builds the job from the flags and the optional `--config` file (flags win),
 * and validates everything before any work: unknown config fields (with the
 * closest name), every trainer setting (`resolveSettings`), the sampler spec
 * (`validateSamplerSpec`, which suggests the closest sampler type), and that
 * the outputs (`checkOutputs`: writable, not an input, not each other), all
 * before the corpus is read. Errors name the flag or the config file and field.
 */
export async function resolveTrainJob(args: Record<string, unknown>): Promise<TrainJob> {
  // 1. The config file, if any: a JSON object of known fields; its relative paths resolve against its directory.
  const configPath = typeof args.config === "string" ? resolve(args.config) : undefined;
  const config = configPath === undefined ? {} : await readConfig(configPath);
  const configDir = configPath === undefined ? process.cwd() : dirname(configPath);
  const fromFlag = new Set<string>();
  const origin: Origin = (field) => (fromFlag.has(field) ? `--${flagOf(field)}` : `${configPath}: ${field}`);
  const pick = (field: string, flag: string): unknown => {
    if (args[flag] !== undefined) {
      fromFlag.add(field);
      return args[flag];
    }
    return config[field];
  };
  const path = (field: string, flag: string): string | undefined => {
    const value = pick(field, flag);
    if (value === undefined) return undefined;
    if (typeof value !== "string" || value === "")
      throw new TrainConfigError(`${origin(field)}: expected a path, got ${JSON.stringify(value)}`);
    if (value === "-") return value;
    const absolute = fromFlag.has(field) || isAbsolute(value) ? resolve(value) : resolve(configDir, value);
    // resolve() drops a trailing separator, which says the path names a directory: keep it for checkOutputs to refuse.
    return namesDirectory(value) ? `${absolute}${sep}` : absolute;
  };

  // 2. Trainer settings: flags (numbers already checked as decimal text by numberFlag) over config fields.
  const given: Record<string, unknown> = {};
  for (const field of SETTING_NAMES) {
    const value = pick(field, flagOf(field));
    if (value !== undefined) given[field] = value;
  }
  let flagSampler;
  try {
    flagSampler = samplerSpecFromFlags(args, config.sampler);
  } catch (error) {
    throw new TrainConfigError((error as Error).message);
  }
  if (flagSampler !== undefined) fromFlag.add("sampler");
  given.sampler = flagSampler ?? config.sampler;
  let settings: TrainSettings;
  try {
    settings = resolveSettings(given as Partial<TrainSettings>);
  } catch (error) {
    if (error instanceof TrainOptionError) throw new TrainConfigError(`${origin(error.field)}: ${error.reason}`);
    throw error;
  }

  // A model that cannot fit WebAssembly's 4 GiB with the words --max-final-vocab allows is refused before the corpus is read.
  if (settings.maxFinalVocab !== null) {
    try {
      checkModelFits(settings, { source: "maxFinalVocab", size: settings.maxFinalVocab });
    } catch (error) {
      throw error instanceof ModelTooLargeError ? modelTooLargeInCliTerms(error, origin(error.field)) : error;
    }
  }

  const samplerTimeout = samplerTimeoutFlag(args["sampler-timeout"]);

  // 3. The sampler built before the corpus is read (preflightSamplerSpec): its options, its weights files parsed, a
  //    custom module loaded, run and drawn from in a worker thread under a time limit, on a stand-in vocabulary.
  const samplerBaseDir = fromFlag.has("sampler") ? process.cwd() : configDir;
  try {
    await preflightSamplerSpec(settings.sampler, {
      baseDir: samplerBaseDir,
      ...(args["sampler-timeout"] === undefined ? {} : { timeoutMs: samplerTimeout }),
    });
  } catch (error) {
    if (!(error instanceof SamplerError)) throw error;
    throw new TrainConfigError(`${origin("sampler")}: ${error.message}`);
  }

  // 4. Corpus and outputs.
  const corpusValue = pick("corpus", "corpus");
  const corpus = corpusValue === "brown" || corpusValue === undefined ? "brown" : path("corpus", "corpus")!;
  if (corpus === "-")
    fail(`${origin("corpus")}: "-" (standard input) is not supported: the corpus is read once per epoch; name a file`);
  if (corpus !== "brown")
    await access(corpus).catch(() => fail(`${origin("corpus")}: ${corpus}: no such file or directory`));
  // Flags are typed by yargs (a boolean, one of the choices), config values by CONFIG_SCHEMA.
  const lowercase = (pick("lowercase", "lowercase") ?? false) as boolean;
  const punctuation = (pick("punctuation", "punctuation") ?? "keep") as Punctuation;
  const out = path("out", "out");
  const model = path("model", "model");
  if (out === undefined && model === undefined)
    fail("nothing to write: give --out <vectors file> and/or --model <model file>");
  const binary = (pick("binary", "binary") ?? false) as boolean;
  if (model === "-") fail(`${origin("model")}: "-" (standard output) is not possible for a model file: name a file`);
  // The model writer refuses this only after training (writeModelFile in @neglab/vectors): say it before.
  if (model?.endsWith(".gz")) fail(`${origin("model")}: ${model}: model files are not gzipped; drop the .gz extension`);
  if (out === "-" && binary)
    fail(`${origin("out")}: "-" (standard output) takes the text format only: drop --binary or name a file`);

  // 5. Outputs last, once everything else is known good (the check creates and removes a probe file beside each).
  const inputs: InputRequest[] = [
    ...(corpus === "brown" ? [] : [{ label: origin("corpus"), path: corpus }]),
    ...(configPath === undefined ? [] : [{ label: "--config", path: configPath }]),
    ...samplerFiles(settings.sampler, samplerBaseDir).map((file) => ({
      label: `${origin("sampler")} ${file.field}`,
      path: file.path,
    })),
  ];
  const outputs = [
    ...(out === undefined ? [] : [{ label: origin("out"), path: out }]),
    ...(model === undefined ? [] : [{ label: origin("model"), path: model }]),
  ];
  await checkOutputs(outputs, inputs, { stdout: true });
  return {
    corpus,
    normalize: { lowercase, punctuation },
    settings,
    samplerBaseDir,
    out,
    binary,
    model,
    samplerTimeout,
  };
}

/** `--sampler-timeout` (ms, of `train` and `run`) checked as the trainer's `samplerTimeout`; its default when absent. */
export function samplerTimeoutFlag(value: unknown): number {
  try {
    return resolveSamplerTimeout(value);
  } catch (error) {
    if (error instanceof TrainOptionError) throw new TrainConfigError(`--sampler-timeout: ${error.reason}`);
    throw error;
  }
}

/** Settings as `neglab train` takes them: flags (`--vector-size 280`, `--no-hs`); hotRows, which has none, as a config field. */
const flagText: SettingText = (setting, value) => {
  if (SETTING_FLAGS[setting] === undefined) return `${setting}: ${String(value)} in a --config file`;
  if (typeof value === "boolean") return `--${value ? "" : "no-"}${flagOf(setting)}`;
  return `--${flagOf(setting)} ${value}`;
};

/**
 * The trainer's refusal of a model too large for WebAssembly's 4 GiB (before
 * the corpus is read, or after counting) in `neglab train`'s flag names:
 * `--max-final-vocab: up to 2,000,000 words … It fits with --vector-size 268, …`.
 * `where` names the setting that bounded the vocabulary when it came from the
 * config file (`train.json: maxFinalVocab`); the suggestions are flags, which override the file.
 */
export function modelTooLargeInCliTerms(
  error: ModelTooLargeError,
  where = `--${flagOf(error.field)}`,
): TrainConfigError {
  return new TrainConfigError(`${where}: ${error.explain(flagText)}`);
}

/** Every trainer setting but the sampler, which has flags of its own. */
const SETTING_NAMES = Object.keys(defaultSettings()).filter((name) => name !== "sampler");

/** The flag that sets config field `field` (`vectorSize` → `vector-size`, `alpha` → `learning-rate`). */
function flagOf(field: string): string {
  return SETTING_FLAGS[field as keyof TrainSettings]?.[0] ?? field;
}

/**
 * Reads and checks a `--config` file: a regular file holding a JSON object
 * that {@link CONFIG_SCHEMA} accepts (the sampler spec is checked later, by
 * the preflight). The file is opened
 * non-blocking and refused unless regular: opening a FIFO that no process
 * writes to would otherwise block a thread forever, and with it the exit on
 * Ctrl-C (see process-guards.ts); a device could be read without end.
 */
async function readConfig(file: string): Promise<Record<string, unknown>> {
  const cannot = (error: NodeJS.ErrnoException): never =>
    fail(
      `--config ${file}: ${error.code === "EISDIR" ? "is a directory" : error.code === "ENOENT" ? "no such file" : `cannot read (${error.code ?? error.message})`}`,
    );
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK).catch(cannot);
  let text: string;
  try {
    const info = await handle.stat().catch(cannot);
    if (info.isDirectory()) fail(`--config ${file}: is a directory`);
    if (!info.isFile()) fail(`--config: ${file}: not a regular file (${describeFileKind(info)})`);
    text = await handle.readFile("utf8").catch(cannot);
  } finally {
    await handle.close();
  }
  let json: unknown;
  try {
    // A byte-order mark (editors on Windows add one) is not JSON: skip it.
    json = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    return fail(`${file}: not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    return fail(`${file}: expected a JSON object of settings`);
  const parsed = CONFIG_SCHEMA.safeParse(json);
  const problem = parsed.success ? null : firstProblem(parsed.error.issues, (path) => path[0] === "sampler");
  if (problem !== null) fail(`${file}: ${problem.field}: ${problem.message}`);
  return json as Record<string, unknown>;
}

function fail(message: string): never {
  throw new TrainConfigError(message);
}
