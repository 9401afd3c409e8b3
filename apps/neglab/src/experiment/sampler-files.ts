import { isAbsolute, resolve } from "node:path";

/** A file a sampler spec reads: its field path in the spec (e.g. `base.weights`) and its absolute path. */
export interface SamplerFile {
  field: string;
  path: string;
}

/**
 * The files a sampler spec names: every string under a `weights` key (the
 * `domain` strategy's weights file), nested specs such as `base` included,
 * resolved against `baseDir` (the experiment file's directory).
 */
export function samplerFiles(spec: unknown, baseDir: string, prefix = ""): SamplerFile[] {
  if (typeof spec !== "object" || spec === null) return [];
  return Object.entries(spec).flatMap(([key, value]) =>
    key === "weights" && typeof value === "string"
      ? [{ field: `${prefix}${key}`, path: isAbsolute(value) ? value : resolve(baseDir, value) }]
      : samplerFiles(value, baseDir, `${prefix}${key}.`),
  );
}
