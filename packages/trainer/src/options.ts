import { availableParallelism } from "node:os";
import { NEGATIVE_SHARING, type SamplerSpec } from "@neglab/samplers";
import * as z from "zod/mini";
import { TrainOptionError } from "./errors.js";

/** Which word2vec architecture to train (gensim's `sg=1` / `sg=0`). */
export type Architecture = TrainSettings["architecture"];

/**
 * What to do with a negative-sampling score |w·c| ≥ 6, outside the sigmoid table:
 * - `skip`: no update for that target (gensim).
 * - `clip`: update with σ clipped to 0 or 1 (word2vec.c).
 * Hierarchical softmax always skips, as in both references.
 */
export type Saturation = TrainSettings["saturation"];

/**
 * How the input vectors start (the output vectors always start at zero):
 * - `gensim`: uniform in [−1, 1) / vectorSize (gensim 4's `prep_vectors`);
 * - `word2vec`: uniform in [−0.5, 0.5) / vectorSize (word2vec.c's `InitNet`, gensim 3), half the range.
 */
export type InputInit = TrainSettings["inputInit"];

/**
 * What counts as progress for the linear learning-rate decay:
 * - `words`: the share of the corpus's words trained so far (word2vec.c; gensim with
 *   `corpus_file`, or `train()` given `total_words` only);
 * - `sentences`: the share of its sentences (gensim's `Word2Vec(sentences)` and
 *   `train(total_examples=…)`, whose `_job_producer` prefers sentences when given both).
 * The two schedules differ where sentence lengths change along the corpus.
 */
export type DecayBy = TrainSettings["decayBy"];

/** Which implementation of the inner loop runs (same updates, bit-identical results). */
export type KernelKind = TrainSettings["kernel"];

/** What a schema's message is made from: the value at fault. */
type Issue = { readonly input: unknown };

/** An integer in [min, max], with the message `must be an integer in [min, max], got …`. */
function integerSchema(min: number, max: number) {
  const error = (issue: Issue) => `must be an integer in [${min}, ${max}], got ${shown(issue.input)}`;
  return z.int({ error }).check(z.gte(min, { error }), z.lte(max, { error }));
}

/** A finite number ≥ min (or > 0 when `positive`), with the message `must be a finite number ≥ min, got …`. */
function finiteSchema(min: number, positive = false) {
  const error = (issue: Issue) => `must be a finite number ${positive ? "> 0" : `≥ ${min}`}, got ${shown(issue.input)}`;
  return z.number({ error }).check(positive ? z.gt(0, { error }) : z.gte(min, { error }));
}

/** true or false. */
function booleanSchema() {
  return z.boolean({ error: (issue) => `must be true or false, got ${shown(issue.input)}` });
}

/** One of `allowed`, with the message `must be one of "a", "b", got …`. */
function oneOf<const T extends readonly [string, ...string[]]>(allowed: T) {
  return z.enum(allowed, {
    error: (issue) => `must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, got ${shown(issue.input)}`,
  });
}

/**
 * The schema of every training setting: its type, range, default and
 * description (gensim's names and defaults where gensim has them,
 * `Word2Vec.__init__`, gensim 4.2). {@link TrainSettings} is its type,
 * {@link resolveSettings} checks with it, and the neglab CLI embeds it (less
 * `seed` and `sampler`) in the experiment definition's published JSON Schema.
 * Checks that relate settings (minAlpha ≤ alpha, something to train) are made
 * by {@link resolveSettings}, not by the schema. `sampler` is checked only for
 * its `type` here; `validateSamplerSpec` of @neglab/samplers checks the rest.
 */
export const TRAIN_SETTINGS_SCHEMA = z.strictObject({
  /** Skip-gram or CBOW. Default `"cbow"` (gensim `sg=0`). */
  architecture: oneOf(["skipgram", "cbow"]).check(
    z.meta({ description: "Skip-gram or CBOW (gensim sg=1 / sg=0).", default: "cbow" }),
  ),
  /** Dimensionality of the vectors. Default 100. */
  vectorSize: integerSchema(1, 1 << 16).check(z.meta({ description: "Dimensionality of the vectors.", default: 100 })),
  /** Maximum distance between the center word and a context word. Default 5. */
  window: integerSchema(1, 10_000).check(
    z.meta({ description: "Maximum distance between the center word and a context word.", default: 5 }),
  ),
  /** Draw the effective window uniformly in 1..window per center word (word2vec.c's `b`; gensim `shrink_windows`). Default true. */
  shrinkWindows: booleanSchema().check(
    z.meta({
      description: "Draw each effective window uniformly in 1..window (gensim shrink_windows).",
      default: true,
    }),
  ),
  /** Words rarer than this are dropped from the vocabulary. Default 5. */
  minCount: integerSchema(1, Number.MAX_SAFE_INTEGER).check(
    z.meta({ description: "Words rarer than this are dropped from the vocabulary.", default: 5 }),
  ),
  /** Cap on distinct words while counting (gensim `max_vocab_size`); `null` = none. */
  maxVocabSize: z.nullable(integerSchema(1, Number.MAX_SAFE_INTEGER)).check(
    z.meta({
      description: "Cap on distinct words while counting, pruning the rarest (gensim max_vocab_size); null: none.",
      default: null,
    }),
  ),
  /** Keep at most this many most frequent words (gensim `max_final_vocab`); `null` = none. */
  maxFinalVocab: z.nullable(integerSchema(1, Number.MAX_SAFE_INTEGER)).check(
    z.meta({
      description: "Keep at most this many most frequent words (gensim max_final_vocab); null: none.",
      default: null,
    }),
  ),
  /** Frequent-word subsampling threshold t (Mikolov et al. 2013); 0 disables. Default 1e-3. */
  sample: finiteSchema(0).check(
    z.meta({ description: "Frequent-word subsampling threshold t (Mikolov et al. 2013); 0 disables.", default: 1e-3 }),
  ),
  /** Initial learning rate. Default 0.025 for both architectures (gensim; word2vec.c uses 0.05 for CBOW). */
  alpha: finiteSchema(0, true).check(z.meta({ description: "Initial learning rate.", default: 0.025 })),
  /** Final learning rate, reached linearly at the end of the last epoch. Default 1e-4. */
  minAlpha: finiteSchema(0).check(
    z.meta({
      description: "Final learning rate, reached linearly at the end of the last epoch; at most alpha.",
      default: 1e-4,
    }),
  ),
  /**
   * What the learning-rate decay counts as progress; see {@link DecayBy}. Default `"words"`
   * (word2vec.c); `"sentences"` reproduces gensim's usual call on corpora whose sentence lengths
   * change along the file (measured in BENCHMARKS.md, "Parity with gensim").
   */
  decayBy: oneOf(["words", "sentences"]).check(
    z.meta({
      description:
        "What the learning-rate decay counts as progress: words (word2vec.c) or sentences (gensim's Word2Vec(sentences)).",
      default: "words",
    }),
  ),
  /** Passes over the corpus. Default 5. */
  epochs: integerSchema(1, 1_000_000).check(z.meta({ description: "Passes over the corpus.", default: 5 })),
  /** Negatives per positive (k); 0 disables negative sampling. Default 5. */
  negative: integerSchema(0, 1_000).check(
    z.meta({ description: "Negatives per positive (k); 0 disables negative sampling.", default: 5 }),
  ),
  /** Hierarchical softmax over a Huffman tree (Mikolov et al. 2013). Default false. */
  hs: booleanSchema().check(
    z.meta({ description: "Hierarchical softmax over a Huffman tree (Mikolov et al. 2013).", default: false }),
  ),
  /** CBOW: average the context vectors (true) or sum them (false). Default true. */
  cbowMean: booleanSchema().check(
    z.meta({ description: "CBOW: average the context vectors (true) or sum them (false).", default: true }),
  ),
  /** Behaviour at |score| ≥ 6; see {@link Saturation}. Default `"skip"` (gensim). */
  saturation: oneOf(["skip", "clip"]).check(
    z.meta({ description: "At |score| ≥ 6: skip the update (gensim) or clip σ (word2vec.c).", default: "skip" }),
  ),
  /**
   * The range of the random input vectors; see {@link InputInit}. Default `"gensim"`, the
   * reference whose quality the trainer is held to (the README gives the measured effect of
   * `"word2vec"`).
   */
  inputInit: oneOf(["gensim", "word2vec"]).check(
    z.meta({
      description: "Input vectors start uniform in ±1/dim (gensim 4) or ±0.5/dim (word2vec.c).",
      default: "gensim",
    }),
  ),
  /** Worker threads (Hogwild). Default min(3, cores): gensim's 3, capped. */
  workers: integerSchema(1, 256).check(z.meta({ description: "Worker threads (Hogwild); default min(3, cores)." })),
  /** Seed of every random choice (initialisation, subsampling, windows, negatives). Default 1 (gensim). */
  seed: integerSchema(0, 2 ** 32 - 1).check(z.meta({ description: "Seed of every random choice.", default: 1 })),
  /** Inner-loop implementation. Default `"wasm"`. */
  kernel: oneOf(["wasm", "js"]).check(
    z.meta({
      description: "Inner loop: WebAssembly SIMD or the TypeScript reference (bit-identical).",
      default: "wasm",
    }),
  ),
  /** The negative sampler, rebuilt in every worker. Default `{ type: "unigram", alpha: 0.75 }`. */
  sampler: z
    .custom<SamplerSpec>(
      (value) => typeof value === "object" && value !== null && typeof (value as { type?: unknown }).type === "string",
      {
        error: (issue) =>
          `must be a sampler spec like { type: "unigram", alpha: 0.75 }, got ${JSON.stringify(issue.input)}`,
      },
    )
    .check(z.meta({ description: "The negative sampler.", default: { type: "unigram", alpha: 0.75 } })),
  /**
   * With several workers, how many of the most frequent words every worker but
   * the first trains in private replicas of their input and output rows, merged
   * into the shared vectors every `syncWords` words (the most frequent at every
   * merge, rarer words less often: see `mergeRows`); worker 0 trains the
   * shared rows in place. The cores then trade a row's cache lines at merges
   * only, not at every update. `"auto"`: every word, or as many of the most
   * frequent as fit in 1 GiB of replicas and beside the model under
   * WebAssembly's 4 GiB (each replicated row costs 8 × `vectorSize` bytes per matrix and
   * replicating worker; see `hotRowCount`). One worker never uses replicas.
   * With hierarchical softmax, as many of the Huffman tree's inner nodes
   * nearest the root are replicated too (their syn1 rows).
   * Default `0`: pure Hogwild on every row, as word2vec.c and gensim train —
   * the replicas' delayed merges are faster with several workers but move the
   * similarity scores away from gensim's (`bench:parity`, BENCHMARKS.md), so
   * they are an explicit choice, not the default. With hierarchical softmax
   * alone (`negative: 0`) the default is `256` (see {@link HS_ALONE_DEFAULTS}).
   */
  hotRows: z
    .union([z.literal("auto"), integerSchema(0, 2 ** 31 - 1)], {
      error: (issue) => `must be an integer in [0, ${2 ** 31 - 1}], got ${shown(issue.input)}`,
    })
    .check(
      z.meta({
        description:
          'Most frequent words (and Huffman nodes nearest the root) each worker but the first trains in private replicas, merged every syncWords words; "auto" sizes them; 0: pure Hogwild. Default 0; with hs alone (negative 0), 256.',
        default: 0,
      }),
    ),
  /**
   * Words a worker trains between merges of its replicas into the shared
   * vectors (at most 1/64 of its share of an epoch, for small corpora): the
   * other workers see its updates of the most frequent words (256 for CBOW,
   * 4096 for skip-gram) up to this many words late, rarer words' up to 8ⁿ times
   * later for the n-th tier beyond them (see `mergeRows`), and every row at the
   * end of each epoch.
   * Default 16384 (longer delays cost accuracy: CBOW on the prose corpora lost
   * 0.5 analogy points at 65,536 and 1.3 at 262,144); with hierarchical
   * softmax alone, 64 for skip-gram and 512 for CBOW (see {@link HS_ALONE_DEFAULTS}).
   */
  syncWords: integerSchema(1, 2 ** 31 - 1).check(
    z.meta({
      description:
        "Words a worker trains between merges of its replicas (hotRows). Default 16384; with hs alone, 64 (skip-gram) or 512 (CBOW).",
      default: 16_384,
    }),
  ),
});

/**
 * The defaults that differ for hierarchical softmax alone (`hs: true`,
 * `negative: 0`): replicas of the 256 most frequent words and of the 256
 * Huffman nodes nearest the root, all merged every 64 words in skip-gram and
 * every 512 in CBOW, which makes one prediction per word where skip-gram makes
 * one per context word. Every path starts at the root, so under pure Hogwild
 * both cores write the same few node rows at every prediction and two workers
 * train slower than one. Merged this often, the replicas keep the similarity
 * scores of pure Hogwild, where replicas of thousands of rows merged every few
 * hundred words raise skip-gram's (`bench:parity`, BENCHMARKS.md). A setting
 * the caller gives wins.
 */
const HS_ALONE_DEFAULTS: Readonly<Record<Architecture, Pick<TrainSettings, "hotRows" | "syncWords">>> = {
  skipgram: { hotRows: 256, syncWords: 64 },
  cbow: { hotRows: 256, syncWords: 512 },
};

/**
 * The training settings, every one present (defaults filled by
 * {@link resolveSettings}). JSON-serialisable: it is stored in model files and
 * posted to worker threads. Its type is the schema's ({@link TRAIN_SETTINGS_SCHEMA}).
 */
export type TrainSettings = Readonly<z.output<typeof TRAIN_SETTINGS_SCHEMA>>;

/** Defaults of {@link TrainSettings} (hierarchical softmax alone changes two: {@link HS_ALONE_DEFAULTS}). */
export function defaultSettings(): TrainSettings {
  return {
    architecture: "cbow",
    vectorSize: 100,
    window: 5,
    shrinkWindows: true,
    minCount: 5,
    maxVocabSize: null,
    maxFinalVocab: null,
    sample: 1e-3,
    alpha: 0.025,
    minAlpha: 1e-4,
    decayBy: "words",
    epochs: 5,
    negative: 5,
    hs: false,
    cbowMean: true,
    saturation: "skip",
    inputInit: "gensim",
    workers: Math.max(1, Math.min(3, availableParallelism())),
    seed: 1,
    kernel: "wasm",
    sampler: { type: "unigram", alpha: 0.75 },
    hotRows: 0,
    syncWords: 16_384,
  };
}

/** The order settings are checked in: the first bad one is named (choices, then counts, then rates, then switches). */
const CHECK_ORDER: readonly (keyof TrainSettings)[] = [
  "architecture",
  "saturation",
  "inputInit",
  "decayBy",
  "kernel",
  "vectorSize",
  "window",
  "minCount",
  "epochs",
  "negative",
  "workers",
  "seed",
  "hotRows",
  "syncWords",
  "maxVocabSize",
  "maxFinalVocab",
  "sample",
  "alpha",
  "minAlpha",
];

/**
 * Fills defaults and rejects invalid values and combinations before any work,
 * with a {@link TrainOptionError} naming the field: each value against its
 * schema in {@link TRAIN_SETTINGS_SCHEMA}, then the relations between them.
 * Unknown keys are not refused here (callers pass wider option objects); the
 * CLI refuses them in config files and experiment definitions.
 */
export function resolveSettings(given: Partial<TrainSettings>): TrainSettings {
  // settings may come from a parsed config file: anything but an object is refused by name, not by a TypeError
  if (typeof given !== "object" || given === null || Array.isArray(given)) {
    throw new TrainOptionError("settings", `must be an object of trainer settings, got ${JSON.stringify(given)}`);
  }
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const withDefaults = { ...defaultSettings(), ...defined } as TrainSettings;
  const hsAlone = withDefaults.hs === true && withDefaults.negative === 0;
  // an unknown architecture picks no defaults here and is refused by name below
  const hsDefaults = hsAlone ? HS_ALONE_DEFAULTS[withDefaults.architecture] : undefined;
  const s = { ...withDefaults, ...hsDefaults, ...defined } as TrainSettings;
  const check = (field: keyof TrainSettings) => {
    const result = TRAIN_SETTINGS_SCHEMA.shape[field].safeParse(s[field]);
    if (!result.success) throw new TrainOptionError(field, result.error.issues[0].message);
  };
  CHECK_ORDER.forEach(check);
  if (s.minAlpha > s.alpha)
    throw new TrainOptionError("minAlpha", `must not exceed alpha (${s.alpha}), got ${s.minAlpha}`);
  (["shrinkWindows", "hs", "cbowMean"] as const).forEach(check);
  if (s.negative === 0 && !s.hs) {
    throw new TrainOptionError(
      "negative",
      "negative: 0 with hs: false leaves nothing to train; set negative ≥ 1 or hs: true",
    );
  }
  check("sampler");
  const share = s.sampler.share;
  if (share !== undefined && !NEGATIVE_SHARING.includes(share)) {
    throw new TrainOptionError(
      "sampler.share",
      `must be one of ${NEGATIVE_SHARING.map((v) => `"${v}"`).join(", ")}, got ${JSON.stringify(share)}`,
    );
  }
  if (sharesWindowNegatives(s) && s.hs) {
    throw new TrainOptionError(
      "sampler.share",
      `"window" shares negatives, which hierarchical softmax has none of: use it with hs: false`,
    );
  }
  return s;
}

/**
 * Whether skip-gram draws one set of negatives per window, shared by all its
 * context words (the sampler spec's `share: "window"`; Ji et al. 2016,
 * "Parallelizing Word2Vec in Shared and Distributed Memory"), and trains the
 * window as one minibatch (`Kernel.skipGramWindow`). CBOW draws one set per
 * window in any case, so `share` does not change it.
 */
export function sharesWindowNegatives(settings: TrainSettings): boolean {
  return settings.architecture === "skipgram" && settings.negative > 0 && settings.sampler.share === "window";
}

/**
 * A value as an error message shows it: numbers as JavaScript writes them
 * (`Infinity`, `NaN`, which JSON would turn into `null`), anything else as JSON.
 */
function shown(value: unknown): string {
  return typeof value === "number" || value === undefined ? String(value) : JSON.stringify(value);
}

/**
 * The vectors a fresh training starts from, instead of the random
 * initialisation (input vectors uniform, see {@link InputInit}; output vectors
 * zero). Row i of each matrix is word i
 * of the vocabulary (ids in descending count order), `vectorSize` values per row.
 *
 * Its use is to start two implementations from the same point: gensim trains
 * deterministically with `hs=1, negative=0, sample=0, shrink_windows=False`
 * once its `wv.vectors` and `syn1` are overwritten after `build_vocab`, so our
 * vectors after an epoch can be compared with gensim's to float32 rounding
 * (`test/differential-gensim.test.ts`).
 */
export interface InitialVectors {
  /** Input vectors (`syn0`, gensim `wv.vectors`): vocabulary size × vectorSize values. */
  readonly input: Float32Array;
  /** Negative-sampling output vectors (`syn1neg`); only with `negative` ≥ 1. Default zeros. */
  readonly output?: Float32Array;
  /** Hierarchical-softmax output vectors (`syn1`); only with `hs: true`. Default zeros. */
  readonly hsOutput?: Float32Array;
}

/**
 * Checks `initialVectors` against the settings and a vocabulary of `words`
 * (every matrix must hold exactly words × vectorSize finite values, and only the
 * matrices the settings train may be given), throwing a {@link TrainOptionError}
 * whose field names the matrix, e.g. `initialVectors.input`.
 */
export function checkInitialVectors(
  initial: unknown,
  settings: TrainSettings,
  words: readonly string[],
): InitialVectors {
  if (typeof initial !== "object" || initial === null) {
    throw new TrainOptionError(
      "initialVectors",
      `must be { input: Float32Array, output?: Float32Array, hsOutput?: Float32Array }, got ${JSON.stringify(initial)}`,
    );
  }
  const given = initial as Record<string, unknown>;
  const unknownKey = Object.keys(given).find((key) => !["input", "output", "hsOutput"].includes(key));
  if (unknownKey !== undefined)
    throw new TrainOptionError(
      `initialVectors.${unknownKey}`,
      `is not a matrix of the model; use input, output or hsOutput`,
    );
  if (given.input === undefined) throw new TrainOptionError("initialVectors.input", "is required (the input vectors)");
  if (given.output !== undefined && settings.negative === 0) {
    throw new TrainOptionError(
      "initialVectors.output",
      "is given but negative sampling is off (negative: 0), so there is no output matrix to start from",
    );
  }
  if (given.hsOutput !== undefined && !settings.hs) {
    throw new TrainOptionError("initialVectors.hsOutput", "is given but hierarchical softmax is off (hs: false)");
  }
  for (const key of ["input", "output", "hsOutput"] as const) {
    if (given[key] !== undefined) checkMatrix(`initialVectors.${key}`, given[key], settings.vectorSize, words);
  }
  return given as unknown as InitialVectors;
}

function checkMatrix(field: string, matrix: unknown, dim: number, words: readonly string[]): void {
  if (!(matrix instanceof Float32Array)) {
    throw new TrainOptionError(
      field,
      `must be a Float32Array, got ${matrix === null ? "null" : typeof matrix === "object" ? matrix.constructor.name : typeof matrix}`,
    );
  }
  const expected = words.length * dim;
  if (matrix.length !== expected) {
    throw new TrainOptionError(
      field,
      `has ${matrix.length} values; the vocabulary's ${words.length} words × vectorSize ${dim} need ${expected}`,
    );
  }
  for (let i = 0; i < matrix.length; i++) {
    if (!Number.isFinite(matrix[i])) {
      throw new TrainOptionError(
        field,
        `value ${i} (word ${JSON.stringify(words[Math.floor(i / dim)])}, component ${i % dim}) is ${matrix[i]}; every value must be finite`,
      );
    }
  }
}

/**
 * Default of the `samplerTimeout` training option, in milliseconds: how long a
 * worker may go without finishing a sampler call (a `draw`, or building the
 * sampler when the worker starts) before training stops. A draw takes
 * microseconds and building a sampler over millions of words about a second, so
 * 30 s flags only a sampler that hangs, even on a loaded machine.
 */
export const DEFAULT_SAMPLER_TIMEOUT = 30_000;

/**
 * Validates the `samplerTimeout` option (milliseconds, an integer from 1 to
 * 2³¹ − 1, the range of Node's timers) and fills its default,
 * {@link DEFAULT_SAMPLER_TIMEOUT}. Not a {@link TrainSettings} field: it does
 * not change what is trained, so it is neither stored in model files nor part
 * of any cache key.
 */
export function resolveSamplerTimeout(value: unknown): number {
  if (value === undefined) return DEFAULT_SAMPLER_TIMEOUT;
  const result = integerSchema(1, 2 ** 31 - 1).safeParse(value);
  if (!result.success) throw new TrainOptionError("samplerTimeout", result.error.issues[0].message);
  return result.data;
}
