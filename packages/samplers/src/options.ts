import { suggestion } from "@neglab/suggest";
import { SamplerError } from "./errors.js";
import type { CollisionPolicy, SamplerSpec } from "./types.js";

/** One option of a sampler type, as listed by `listSamplers()` and checked by the spec reader. */
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

/** The collision policies, in the order they are documented. */
export const COLLISION_POLICIES: readonly CollisionPolicy[] = ["skip", "redraw", "keep"];

/** The `collision` option every sampler type accepts. */
export function collisionOption(defaultPolicy: CollisionPolicy = "skip"): OptionInfo {
  return {
    name: "collision",
    type: COLLISION_POLICIES.map((p) => `"${p}"`).join(" | "),
    default: defaultPolicy,
    description:
      "When a drawn negative equals the positive word: skip it (word2vec.c, gensim: fewer than k negatives), " +
      "redraw it (fastText: exactly k) or keep it. Changes the effective number of negatives.",
  };
}

/**
 * Reads the options of one spec against the sampler type's option list: rejects
 * unknown options (suggesting the closest name), fills defaults, and checks
 * each value's type and range, naming the sampler type and the option in errors.
 * `path` prefixes option names for nested specs (e.g. `base.` inside `adaptive`).
 */
export class SpecReader {
  constructor(
    readonly spec: SamplerSpec,
    private readonly options: readonly OptionInfo[],
    readonly path = "",
  ) {
    const known = options.map((o) => o.name);
    for (const key of Object.keys(spec)) {
      if (key !== "type" && !known.includes(key)) {
        throw this.error(key, `unknown option${suggestion(key, known)}`);
      }
    }
  }

  /** A SamplerError naming the sampler type and `option`. */
  error(option: string, message: string): SamplerError {
    return new SamplerError(`sampler "${this.spec.type}": option "${this.path}${option}": ${message}`, {
      field: `${this.path}${option}`,
    });
  }

  /** The raw value of `option`, or its default when absent. */
  raw(option: string): unknown {
    const value = this.spec[option];
    if (value !== undefined) return value;
    const info = this.options.find((o) => o.name === option);
    if (info === undefined) throw new Error(`SpecReader: option "${option}" is not declared`);
    return info.default;
  }

  /** A finite number within [min, max] (bounds inclusive unless `exclusiveMin`). */
  number(option: string, range: { min?: number; max?: number; exclusiveMin?: boolean } = {}): number {
    const value = this.raw(option);
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw this.error(option, `must be a finite number, got ${show(value)}`);
    }
    const { min = -Infinity, max = Infinity, exclusiveMin = false } = range;
    if (value < min || (exclusiveMin && value === min) || value > max) {
      const low = min === -Infinity ? "" : `${exclusiveMin ? ">" : "≥"} ${min}`;
      const high = max === Infinity ? "" : `≤ ${max}`;
      throw this.error(option, `must be ${[low, high].filter(Boolean).join(" and ")}, got ${value}`);
    }
    return value;
  }

  /** An integer within [min, max]. */
  integer(option: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.raw(option);
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `in [${min}, ${max}]`;
      throw this.error(option, `must be an integer ${range}, got ${show(value)}`);
    }
    return value;
  }

  /** One of `values`. */
  choice<T extends string>(option: string, values: readonly T[]): T {
    const value = this.raw(option);
    if (typeof value !== "string" || !values.includes(value as T)) {
      const hint = typeof value === "string" ? suggestion(value, values) : ` (expected one of: ${values.join(", ")})`;
      throw this.error(option, `unknown value ${show(value)}${hint}`);
    }
    return value as T;
  }

  /** A boolean. */
  boolean(option: string): boolean {
    const value = this.raw(option);
    if (typeof value !== "boolean") throw this.error(option, `must be true or false, got ${show(value)}`);
    return value;
  }

  /** The collision policy (option `collision`). */
  collision(): CollisionPolicy {
    return this.choice("collision", COLLISION_POLICIES);
  }
}

/** A short rendering of a bad value for error messages. */
export function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined) return String(value);
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
