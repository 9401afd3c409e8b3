import { SamplerError } from "../errors.js";
import {
  booleanSchema,
  choiceSchema,
  collisionOption,
  integerSchema,
  numberSchema,
  type OptionDefinition,
  type SpecReader,
} from "../options.js";
import { AliasSampler } from "../samplers/alias-sampler.js";
import { CumulativeSampler } from "../samplers/cumulative-sampler.js";
import { TableSampler } from "../samplers/table-sampler.js";
import { buildFasttextTable, FASTTEXT_TABLE_SIZE } from "../tables/fasttext-table.js";
import { buildCumulativeTable, GENSIM_DOMAIN } from "../tables/gensim-cum-table.js";
import { buildWord2vecTable, WORD2VEC_TABLE_SIZE } from "../tables/word2vec-table.js";
import type { CollisionPolicy, NegativeSampler, SamplerSpec, SamplerVocabulary } from "../types.js";
import { normalise, unigramWeights } from "../weights.js";
import { defineSamplerType } from "./sampler-type.js";

/** How a unigram sampler draws. */
type UnigramMethod = "alias" | "word2vec-table" | "cumulative" | "fasttext-table";

/** Every {@link UnigramMethod}, in the order `listSamplers()` documents them (the values of option `method`). */
const UNIGRAM_METHODS: readonly UnigramMethod[] = ["alias", "word2vec-table", "cumulative", "fasttext-table"];

/** Default `tableSize` of each table method, and its largest allowed value. */
const TABLE_SIZES: Readonly<Record<Exclude<UnigramMethod, "alias">, { default: number; max: number }>> = {
  "word2vec-table": { default: WORD2VEC_TABLE_SIZE, max: 2 ** 31 - 1 },
  cumulative: { default: GENSIM_DOMAIN, max: 2 ** 32 - 1 },
  "fasttext-table": { default: FASTTEXT_TABLE_SIZE, max: 2 ** 24 },
};

/** Parsed options of a unigram sampler. */
export interface UnigramOptions {
  readonly alpha: number;
  readonly method: UnigramMethod;
  /** Table length (word2vec / fastText) or cumulative domain (gensim); 0 for `alias`. */
  readonly tableSize: number;
  readonly integerSum: boolean;
  readonly collision: CollisionPolicy;
}

const ALPHA: OptionDefinition = {
  name: "alpha",
  type: "number (any real)",
  default: 0.75,
  description:
    "Exponent α of P(w) ∝ count(w)^α. 0.75 (Mikolov et al. 2013) flattens the unigram distribution; 1 is the raw " +
    "unigram, 0 uniform, negative values favour rare words (Caselles-Dupré et al. 2018).",
  schema: numberSchema(),
};

const METHOD: OptionDefinition = {
  name: "method",
  type: UNIGRAM_METHODS.map((m) => `"${m}"`).join(" | "),
  default: "alias",
  description:
    "How to draw: alias (Walker/Vose alias table, O(1), exact to 2^-32); word2vec-table (word2vec.c's " +
    "InitUnigramTable, quirks included); cumulative (gensim's cum_table + bisect, O(log V)); fasttext-table " +
    "(fastText's negatives table, ⌈c·size/z⌉ entries per word).",
  schema: choiceSchema(UNIGRAM_METHODS),
};

const TABLE_SIZE: OptionDefinition = {
  name: "tableSize",
  type: "integer ≥ 1",
  default: undefined,
  defaultLabel: "1e8 (word2vec-table: 400 MB), 2^31−1 (cumulative domain), 1e7 (fasttext-table: ~40 MB)",
  description:
    "Entries of the word2vec.c / fastText table, or gensim's cumulative domain. Smaller tables save memory and " +
    "build time but quantise probabilities more coarsely (a word gets a whole number of entries). Table methods only.",
  // The largest table of any method; `parseUnigram` checks the chosen method's own limit.
  schema: integerSchema(1, Math.max(...Object.values(TABLE_SIZES).map((s) => s.max))),
};

const INTEGER_SUM: OptionDefinition = {
  name: "integerSum",
  type: "boolean",
  default: true,
  description:
    "word2vec-table only: accumulate Σ count^α in an integer as word2vec.c does (each term truncated), which " +
    "starves the rarest words of table entries; false uses the exact sum. Must be false for α < 0.",
  schema: booleanSchema(),
};

/** Reads alpha / method / tableSize / integerSum; shared with the `fasttext` preset. */
function parseUnigram(reader: SpecReader): UnigramOptions {
  const alpha = reader.value<number>("alpha");
  const method = reader.value<UnigramMethod>("method");
  if (method === "alias" && reader.spec.tableSize !== undefined) {
    throw reader.error("tableSize", `applies only to the table methods, not to method "alias"`);
  }
  if (method !== "word2vec-table" && reader.spec.integerSum !== undefined) {
    throw reader.error("integerSum", `applies only to method "word2vec-table"`);
  }
  const limits = method === "alias" ? undefined : TABLE_SIZES[method];
  const tableSize =
    limits === undefined ? 0 : reader.spec.tableSize === undefined ? limits.default : reader.value<number>("tableSize");
  if (limits !== undefined && tableSize > limits.max) {
    throw reader.error(
      "tableSize",
      `must be an integer in [1, ${limits.max}] for method "${method}", got ${tableSize}`,
    );
  }
  const integerSum = reader.value<boolean>("integerSum");
  if (method === "word2vec-table" && integerSum && alpha < 0) {
    throw reader.error(
      "integerSum",
      `with alpha = ${alpha} < 0 every count^α is below 1, so word2vec.c's integer sum truncates to 0; set integerSum: false`,
    );
  }
  return { alpha, method, tableSize, integerSum, collision: reader.collision() };
}

/** The normalised spec of a unigram sampler: only the options its method uses. */
function unigramSpec(type: string, options: UnigramOptions): SamplerSpec {
  const { alpha, method, tableSize, integerSum, collision } = options;
  if (method === "alias") return { type, alpha, method, collision };
  if (method === "word2vec-table") return { type, alpha, method, tableSize, integerSum, collision };
  return { type, alpha, method, tableSize, collision };
}

/** Builds a unigram^α sampler with the chosen method. */
function buildUnigram(options: UnigramOptions, spec: SamplerSpec, vocabulary: SamplerVocabulary): NegativeSampler {
  const { alpha, method, tableSize, integerSum, collision } = options;
  // The exact distribution: the alias method's, and a check (finite, not all zero) for every method.
  const exact = normalise(unigramWeights(vocabulary, alpha), `sampler "${spec.type}": count^${alpha}`);
  const size = vocabulary.words.length;
  switch (method) {
    case "alias":
      return new AliasSampler(spec, collision, exact, `unigram α=${alpha} (alias)`);
    case "word2vec-table": {
      const table = allocating(tableSize, () => buildWord2vecTable(vocabulary, alpha, tableSize, integerSum));
      const sum = integerSum ? "integer Σ as word2vec.c" : "exact Σ";
      return new TableSampler(spec, collision, table, size, `unigram α=${alpha} (word2vec.c table, ${sum})`);
    }
    case "cumulative":
      return new CumulativeSampler(
        spec,
        collision,
        buildCumulativeTable(vocabulary, alpha, tableSize),
        `unigram α=${alpha} (gensim cumulative table, domain ${tableSize}, bisect)`,
      );
    case "fasttext-table":
      return new TableSampler(
        spec,
        collision,
        buildFasttextTable(vocabulary, alpha, tableSize),
        size,
        `unigram α=${alpha} (fastText table)`,
      );
  }
}

/** Runs a table builder, turning a failed allocation of its `entries` int32s into an error naming `tableSize`. */
function allocating<T>(entries: number, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const gib = ((entries * 4) / 2 ** 30).toFixed(1);
    throw new SamplerError(
      `method "word2vec-table": cannot allocate ${entries} entries (${gib} GiB): ${error.message}; lower tableSize`,
      {
        field: "tableSize",
        cause: error,
      },
    );
  }
}

/** `unigram`: P(w) ∝ count(w)^α by one of four methods. */
export const unigram = defineSamplerType<UnigramOptions>({
  name: "unigram",
  description: "P(w) ∝ count(w)^α, by alias table (O(1)) or the word2vec.c / gensim / fastText tables",
  reference: "Mikolov et al. 2013 (α = 0.75); Caselles-Dupré et al. 2018 (other α); word2vec.c, gensim, fastText",
  options: [ALPHA, METHOD, TABLE_SIZE, INTEGER_SUM, collisionOption()],
  parse: parseUnigram,
  toSpec: (options) => unigramSpec("unigram", options),
  build: (options, spec, context) => buildUnigram(options, spec, context.vocabulary),
});

/** `fasttext`: fastText's sampler, i.e. unigram with α = 0.5, method fasttext-table, collision redraw. */
export const fasttext = defineSamplerType<UnigramOptions>({
  name: "fasttext",
  description: "fastText's sampler: count^0.5 from a 10^7-entry table, collisions redrawn (exactly k)",
  reference: "Bojanowski et al. 2017; fastText src/loss.cc (NegativeSamplingLoss)",
  options: [
    { ...ALPHA, default: 0.5, description: "Exponent α of count^α; fastText fixes 0.5." },
    {
      ...TABLE_SIZE,
      default: FASTTEXT_TABLE_SIZE,
      defaultLabel: undefined,
      type: `integer in [1, 2^24]`,
      schema: integerSchema(1, TABLE_SIZES["fasttext-table"].max),
    },
    collisionOption("redraw"),
  ],
  parse: (reader) => {
    const tableSize = reader.value<number>("tableSize");
    return {
      alpha: reader.value<number>("alpha"),
      method: "fasttext-table",
      tableSize,
      integerSum: false,
      collision: reader.collision(),
    };
  },
  toSpec: ({ alpha, tableSize, collision }) => ({ type: "fasttext", alpha, tableSize, collision }),
  build: (options, spec, context) => buildUnigram(options, spec, context.vocabulary),
});
