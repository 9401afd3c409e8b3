import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * A hidden name beside `path` for what is being made before it is renamed onto
 * `path` (or removed): `.<name>.<host>.<pid>.<8 hex>.<suffix>`. In the target's
 * own directory, so that the rename is atomic (one file system); unique per
 * call, so two processes — or two calls in one — never write the same
 * temporary file; and naming the host and process that made it, so that a
 * later run can tell a leftover of a killed writer ({@link temporaryNameOwner})
 * and an error message can name the user's file instead ({@link temporaryNameTarget}).
 */
export function temporaryNameBeside(path: string, suffix = "tmp"): string {
  return join(
    dirname(path),
    `.${basename(path)}.${hostname()}.${process.pid}.${randomBytes(4).toString("hex")}.${suffix}`,
  );
}

/** The host and process that made `name`, a temporary name of {@link temporaryNameBeside}. */
export interface TemporaryNameOwner {
  /** null in names without a host (written by NegLab 0.1, on this host). */
  readonly host: string | null;
  readonly pid: number;
}

/**
 * Who made `name`, when it is a temporary name {@link temporaryNameBeside}
 * gave for a file named `target` (a base name) with `suffix`; null for any other name.
 */
export function temporaryNameOwner(name: string, target: string, suffix = "tmp"): TemporaryNameOwner | null {
  const pattern = new RegExp(`^\\.${escape(target)}\\.(?:(.+)\\.)?(\\d+)\\.[0-9a-f]{8}\\.${escape(suffix)}$`);
  const match = pattern.exec(name);
  return match === null ? null : { host: match[1] ?? null, pid: Number(match[2]) };
}

/**
 * The base name of the file that `name`, a temporary name this process made
 * with {@link temporaryNameBeside}, stands in for; null for any other name
 * (another process's, or a user's own `x.5.tmp`). For error messages, which
 * name the user's file, not the temporary one.
 */
export function temporaryNameTarget(name: string): string | null {
  const pattern = new RegExp(`^\\.(.+)\\.${escape(hostname())}\\.${process.pid}\\.[0-9a-f]{8}\\.[a-z]+(?:\\.[a-z]+)*$`);
  return pattern.exec(name)?.[1] ?? null;
}

/** `text` with the characters that mean something in a regular expression escaped. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
