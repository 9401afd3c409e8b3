import { listSamplers, type SamplerSpec } from "@neglab/samplers";
import type { Options } from "yargs";

/** `tableSize` → `table-size`: the flag spelling of a camelCase sampler option. */
function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every option name of every registered sampler type (`alpha`, `method`, `collision`, …), once each. */
const SAMPLER_OPTIONS = [...new Set(listSamplers().flatMap((s) => s.options.map((o) => o.name)))];

/**
 * yargs options for `--sampler <name|JSON>` and one flag per sampler option
 * (`--alpha 0.75`, `--table-size 1e6`, `--collision redraw`, …), grouped under
 * "Sampler:".
 */
export function samplerFlagOptions(): Record<string, Options> {
  const options: Record<string, Options> = {
    sampler: {
      type: "string",
      group: "Sampler:",
      describe: 'A sampler type (see neglab samplers list) or a JSON spec, e.g. \'{"type":"unigram","alpha":0.75}\'',
    },
  };
  for (const name of SAMPLER_OPTIONS) {
    const owners = listSamplers().filter((s) => s.options.some((o) => o.name === name));
    const info = owners[0].options.find((o) => o.name === name)!;
    options[`${kebab(name)}`] = {
      type: "string",
      group: "Sampler:",
      describe: `${name} (${owners.map((s) => s.name).join(", ")}): ${info.description}`,
    };
  }
  return options;
}

/**
 * The sampler spec the flags describe, or undefined when none is given:
 * `--sampler` is a JSON object or a sampler type (else `base`, e.g. a config
 * file's spec, when option flags are given), and each sampler option flag
 * adds (or overrides) one option. Values are parsed as JSON when they are
 * (numbers, true/false, objects) and kept as strings otherwise (paths, names).
 * The spec itself is checked later by `validateSamplerSpec`, which names the bad option.
 */
export function samplerSpecFromFlags(args: Record<string, unknown>, base?: unknown): SamplerSpec | undefined {
  const raw = args.sampler;
  let spec: Record<string, unknown> | undefined;
  if (typeof raw === "string" && raw.trim().startsWith("{")) {
    try {
      spec = JSON.parse(raw) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`--sampler: not valid JSON: ${(error as Error).message}`);
    }
  } else if (typeof raw === "string") {
    spec = { type: raw };
  }
  for (const name of SAMPLER_OPTIONS) {
    const value = args[kebab(name)];
    if (value === undefined) continue;
    if (spec === undefined && typeof base === "object" && base !== null)
      spec = { ...(base as Record<string, unknown>) };
    if (spec === undefined) throw new Error(`--${kebab(name)}: give --sampler <name> with it`);
    spec[name] = parseFlagValue(String(value));
  }
  return spec as SamplerSpec | undefined;
}

/** `0.75` → 0.75, `true` → true, `{"type":"uniform"}` → an object; anything else stays a string. */
function parseFlagValue(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
