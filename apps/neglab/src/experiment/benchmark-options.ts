import { closestName } from "@neglab/suggest";

/** How one evaluation option is checked: the expected value, in words, and its test. */
interface OptionRule {
  expected: string;
  accepts: (value: unknown) => boolean;
}

const nonNegativeInteger: OptionRule = { expected: "a non-negative integer", accepts: (v) => Number.isSafeInteger(v) && (v as number) >= 0 };
const positiveInteger: OptionRule = { expected: "a positive integer", accepts: (v) => Number.isSafeInteger(v) && (v as number) >= 1 };
const boolean: OptionRule = { expected: "true or false", accepts: (v) => typeof v === "boolean" };

/** The options of @neglab/eval's `evaluateAnalogies` and `evaluateWordPairs` an experiment may set (progress callbacks excluded). */
const RULES: Record<"analogy" | "similarity", Record<string, OptionRule>> = {
  analogy: {
    restrictVocab: nonNegativeInteger,
    caseInsensitive: boolean,
    dummy4unknown: boolean,
    method: { expected: '"3CosAdd" or "3CosMul"', accepts: (v) => v === "3CosAdd" || v === "3CosMul" },
    semanticSections: nonNegativeInteger,
    threads: positiveInteger,
    strict: boolean,
  },
  similarity: {
    restrictVocab: nonNegativeInteger,
    caseInsensitive: boolean,
    dummy4unknown: boolean,
    delimiter: { expected: '"\\t", "whitespace" or "auto"', accepts: (v) => v === "\t" || v === "whitespace" || v === "auto" },
    strict: boolean,
  },
};

/**
 * Checks a benchmark's `options` against what its evaluator accepts; returns
 * null when they are valid, else `[option, problem]` (an unknown option with the
 * closest known name, or a value of the wrong type).
 */
export function benchmarkOptionProblem(type: "analogy" | "similarity", options: Record<string, unknown>): [string, string] | null {
  const rules = RULES[type];
  for (const [key, value] of Object.entries(options)) {
    const rule = rules[key] as OptionRule | undefined;
    if (rule === undefined) {
      const near = closestName(key, Object.keys(rules));
      return [key, `unknown ${type} option${near ? ` (did you mean "${near}"?)` : ""}; expected one of ${Object.keys(rules).join(", ")}`];
    }
    if (!rule.accepts(value)) return [key, `expected ${rule.expected}, got ${JSON.stringify(value)}`];
  }
  return null;
}
