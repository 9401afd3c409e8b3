import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/**
 * A hidden name beside `path` for what is being made before it is renamed onto
 * `path` (or removed): `.name.<pid>-<random>.<suffix>`, unique per call, so two
 * processes — or two calls in one — never write the same temporary file.
 */
export function temporaryNameBeside(path: string, suffix = "tmp"): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.${suffix}`);
}
