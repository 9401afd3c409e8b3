import { suggestion } from "@neglab/suggest";
import * as z from "zod/mini";
import { SamplerError } from "./errors.js";
import { NEGATIVE_SHARING, type CollisionPolicy, type SamplerSpec } from "./types.js";

/** One option of a sampler type, as listed by `listSamplers()`. */
export interface OptionInfo {
  readonly name: string;
  /** The accepted values, e.g. `number`, `integer ≥ 1`, `"linear" | "cosine"`. */
  readonly type: string;
  /** The default (a JSON value); `undefined` when it depends on other options (see `defaultLabel`). */
  readonly default: unknown;
  /** How the default is shown when it depends on other options. */
  readonly defaultLabel?: string;
  /** What the option does and its effect. */
  readonly description: string;
}

/**
 * An option as a sampler type declares it: its listing and the schema of its value.
 * The schema is the one check of the value (type, range, allowed words, each
 * with its error message) and the option's JSON Schema in
 * `samplerSpecJsonSchema()`; checks that depend on other options stay in the
 * sampler type's `parse`.
 */
export interface OptionDefinition extends OptionInfo {
  readonly schema: z.ZodMiniType;
}

/** The collision policies, in the order they are documented. */
export const COLLISION_POLICIES: readonly CollisionPolicy[] = ["skip", "redraw", "keep"];

/** The `collision` option every sampler type accepts. */
export function collisionOption(defaultPolicy: CollisionPolicy = "skip"): OptionDefinition {
  return {
    name: "collision",
    type: COLLISION_POLICIES.map((p) => `"${p}"`).join(" | "),
    default: defaultPolicy,
    description:
      "When a drawn negative equals the positive word: skip it (word2vec.c, gensim: fewer than k negatives), " +
      "redraw it (fastText: exactly k) or keep it. Changes the effective number of negatives.",
    schema: choiceSchema(COLLISION_POLICIES),
  };
}

/**
 * The `share` option of every sampler spec: which skip-gram predictions share a
 * draw of negatives (see `NegativeSharing`). The trainer reads it and the
 * registry takes it off a spec before the sampler type's own options are read,
 * so it is listed and published with every sampler type but never parsed by one.
 */
export const SHARE_OPTION: OptionDefinition = {
  name: "share",
  type: NEGATIVE_SHARING.map((v) => `"${v}"`).join(" | "),
  default: "pair",
  description:
    "Skip-gram: draw k negatives per (context, center) pair (word2vec.c, gensim) or once per center word, shared by " +
    "all its context words and trained as one minibatch (Ji et al. 2016): faster, fewer distinct negatives per pair.",
  schema: choiceSchema(NEGATIVE_SHARING),
};

/**
 * A finite number within [min, max] (bounds inclusive unless `exclusiveMin`).
 * JSON has no NaN or Infinity, and the schema refuses them from code too.
 */
export function numberSchema(range: { min?: number; max?: number; exclusiveMin?: boolean } = {}): z.ZodMiniNumber {
  const { min, max, exclusiveMin = false } = range;
  const low = min === undefined ? "" : `${exclusiveMin ? ">" : "≥"} ${min}`;
  const high = max === undefined ? "" : `≤ ${max}`;
  const outOfRange = (issue: { input: unknown }) =>
    `must be ${[low, high].filter(Boolean).join(" and ")}, got ${show(issue.input)}`;
  const checks = [
    ...(min === undefined ? [] : [exclusiveMin ? z.gt(min, { error: outOfRange }) : z.gte(min, { error: outOfRange })]),
    ...(max === undefined ? [] : [z.lte(max, { error: outOfRange })]),
  ];
  return z.number({ error: (issue) => `must be a finite number, got ${show(issue.input)}` }).check(...checks);
}

/** An integer within [min, max]. */
export function integerSchema(min: number, max = Number.MAX_SAFE_INTEGER): z.ZodMiniNumber {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
  const error = (issue: { input: unknown }) => `must be an integer ${range}, got ${show(issue.input)}`;
  return z
    .int({ error })
    .check(z.gte(min, { error }), ...(max === Number.MAX_SAFE_INTEGER ? [] : [z.lte(max, { error })]));
}

/** One of `values`; a near miss suggests the closest. */
export function choiceSchema<T extends string>(values: readonly T[]): z.ZodMiniType<T> {
  return z.enum(values as [T, ...T[]], {
    error: (issue) => {
      const value = issue.input;
      const hint = typeof value === "string" ? suggestion(value, values) : ` (expected one of: ${values.join(", ")})`;
      return `unknown value ${show(value)}${hint}`;
    },
  }) as unknown as z.ZodMiniType<T>;
}

/** true or false. */
export function booleanSchema(): z.ZodMiniBoolean {
  return z.boolean({ error: (issue) => `must be true or false, got ${show(issue.input)}` });
}

/**
 * The schema of one sampler type's specs: `type` is the sampler type's name, every
 * option optional (absent means its default) except a required one
 * (`defaultLabel: "required"`), and no other key. Descriptions and defaults go
 * into the JSON Schema, where editors show them.
 */
export function samplerTypeSchema(
  name: string,
  description: string,
  options: readonly OptionDefinition[],
): z.ZodMiniObject {
  const shape: Record<string, z.ZodMiniType> = { type: z.literal(name) };
  for (const option of options) {
    const meta =
      option.default === undefined
        ? { description: option.description }
        : { description: option.description, default: option.default };
    const required = option.default === undefined && option.defaultLabel === "required";
    shape[option.name] = (required ? option.schema : z.optional(option.schema)).check(z.meta(meta));
  }
  return z.strictObject(shape).check(z.meta({ title: name, description }));
}

/**
 * Reads the options of one spec: checks it against the sampler type's schema once
 * (an unknown option suggests the closest name; a value of the wrong type or
 * out of range is named with the schema's message), then hands out each value
 * or its default. `path` prefixes option names for nested specs (e.g. `base.`
 * inside `adaptive`). Nested specs are checked by the registry, not here.
 */
export class SpecReader {
  constructor(
    readonly spec: SamplerSpec,
    private readonly options: readonly OptionDefinition[],
    schema: z.ZodMiniType,
    readonly path = "",
  ) {
    const result = schema.safeParse(spec);
    if (result.success) return;
    const known = options.map((o) => o.name);
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys")
        throw this.error(issue.keys[0], `unknown option${suggestion(issue.keys[0], known)}`);
    }
    // What lies inside an option (a nested spec, domain's weights map) is checked by the sampler type's parse, which names its parts.
    const issue = result.error.issues.find((i) => i.code !== "invalid_union" && i.path.length === 1);
    if (issue !== undefined) throw this.error(issue.path.join("."), issue.message);
  }

  /** A SamplerError naming the sampler type and `option`. */
  error(option: string, message: string): SamplerError {
    return new SamplerError(`sampler "${this.spec.type}": option "${this.path}${option}": ${message}`, {
      field: `${this.path}${option}`,
    });
  }

  /** The value of `option` (checked by the schema), or its default when absent. */
  value<T>(option: string): T {
    const value = this.spec[option];
    if (value !== undefined) return value as T;
    const info = this.options.find((o) => o.name === option);
    if (info === undefined) throw new Error(`SpecReader: option "${option}" is not declared`);
    return info.default as T;
  }

  /** The collision policy (option `collision`). */
  collision(): CollisionPolicy {
    return this.value("collision");
  }
}

/** A short rendering of a bad value for error messages. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined)
    return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
