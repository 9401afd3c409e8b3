import { z } from "zod";
import { expecting, unknownKeyError } from "../schema-issues.js";

const nonNegativeInteger = () =>
  z.int({ error: expecting("a non-negative integer") }).min(0, { error: expecting("a non-negative integer") });
const boolean = () => z.boolean({ error: expecting("true or false") });

/** The options both evaluators take (@neglab/eval's `evaluateAnalogies` and `evaluateWordPairs`; their docs give the defaults). */
const COMMON = {
  restrictVocab: nonNegativeInteger()
    .meta({ description: "Only the first N words (the most frequent) count as known. Default 300000." })
    .optional(),
  caseInsensitive: boolean().meta({ description: "Compare words upper-cased. Default true." }).optional(),
  dummy4unknown: boolean()
    .meta({
      description:
        "Count questions with an unknown word as wrong / give pairs with one similarity 0, instead of skipping them. Default false.",
    })
    .optional(),
  strict: boolean()
    .meta({
      description: "Refuse a file with unparsable lines instead of skipping them as gensim does. Default false.",
    })
    .optional(),
};

const ANALOGY = {
  ...COMMON,
  method: z
    .enum(["3CosAdd", "3CosMul"], { error: expecting('"3CosAdd" or "3CosMul"') })
    .meta({ description: "3CosAdd (gensim most_similar, the default) or 3CosMul (Levy & Goldberg 2014)." })
    .optional(),
  semanticSections: nonNegativeInteger()
    .meta({ description: "How many leading sections are semantic (the rest syntactic). Default 5." })
    .optional(),
  threads: z
    .int({ error: expecting("a positive integer") })
    .min(1, { error: expecting("a positive integer") })
    .meta({ description: "Worker threads for the scan; results do not depend on it." })
    .optional(),
};

const SIMILARITY = {
  ...COMMON,
  delimiter: z
    .enum(["\t", "whitespace", "auto"], { error: expecting('"\\t", "whitespace" or "auto"') })
    .meta({ description: 'Field separator of the pairs file. Default "auto".' })
    .optional(),
};

/** The options of `evaluateAnalogies` an experiment may set (progress callbacks excluded); an unknown one suggests the closest. */
export const ANALOGY_OPTIONS_SCHEMA = z.strictObject(ANALOGY, {
  error: unknownKeyError("analogy option", Object.keys(ANALOGY)),
});

/** The options of `evaluateWordPairs` an experiment may set. */
export const SIMILARITY_OPTIONS_SCHEMA = z.strictObject(SIMILARITY, {
  error: unknownKeyError("similarity option", Object.keys(SIMILARITY)),
});
