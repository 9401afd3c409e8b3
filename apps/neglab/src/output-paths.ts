import { constants, type Stats } from "node:fs";
import { access, readdir, realpath, stat, unlink, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { resolveWriteTarget } from "@neglab/files";
import { errnoProblem, isSystemError } from "./errors.js";

/**
 * A file a command was asked to write that it must not or cannot write: it is
 * an input, another output, a directory, or its directory is missing or not
 * writable. The message names the flag (or config field) and the path.
 */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** A file a command will write. */
export interface OutputRequest {
  /** How the user named it, for messages: a flag (`--out`) or a config file and field. */
  readonly label: string;
  /** The path as given; `-` means standard output where the command allows it. */
  readonly path: string;
}

/** A file or directory a command reads. */
export interface InputRequest {
  /** How the user named it, for messages (`--corpus`, `--config`, `sampler weights`). */
  readonly label: string;
  /** The path; a directory stands for every file in it (a corpus directory is read file by file). */
  readonly path: string;
}

/** Options of {@link checkOutputs}. */
export interface CheckOutputsOptions {
  /** Whether `-` (standard output) is accepted as an output path (at most one output may use it). */
  readonly stdout?: boolean;
}

/** Where an output ends up: the real file it replaces, and its device and inode when it exists. */
interface Resolved {
  readonly request: OutputRequest;
  readonly target: string;
  readonly info: Stats | null;
}

/**
 * Checks, before any work, every output a command will write, so that no
 * training is lost to an output problem and no input is destroyed:
 *
 * - an output path ending in a separator names a directory and is refused;
 * - an output is resolved to the file a write replaces (symbolic links
 *   followed, see `resolveWriteTarget`); it must not be a directory, a socket or
 *   a block device; a FIFO or a terminal is accepted (it is written in place);
 * - its directory must exist, be a directory and be writable — checked with
 *   `access(W_OK)` and by creating and removing a probe file, since permission
 *   bits do not stop root and a read-only mount only shows on a real write;
 * - it must not be any input: the same path, the same file through a link, or
 *   a hard link to it (same device and inode); a directory input covers its
 *   files, and an output inside a corpus directory is refused too (it would
 *   join the corpus on the next read);
 * - no two outputs may be the same file (the second write would replace the first).
 *
 * Errors are {@link OutputPathError}s naming both flags and paths.
 */
export async function checkOutputs(
  outputs: readonly OutputRequest[],
  inputs: readonly InputRequest[],
  options: CheckOutputsOptions = {},
): Promise<void> {
  const resolved: Resolved[] = [];
  let stdoutLabel: string | undefined;
  for (const request of outputs) {
    if (request.path === "-") {
      if (options.stdout !== true)
        throw new OutputPathError(`${request.label}: "-" (standard output) is not possible here: name a file`);
      if (stdoutLabel !== undefined)
        throw new OutputPathError(
          `${stdoutLabel} and ${request.label} both name standard output ("-"): only one output can go there`,
        );
      stdoutLabel = request.label;
      continue;
    }
    resolved.push(await resolveOutput(request));
  }
  const inputFiles = await expandInputs(inputs);
  for (const output of resolved) {
    for (const input of inputFiles) {
      if (input.directory) {
        if (dirname(output.target) === input.real) {
          throw new OutputPathError(
            `${output.request.label} ${output.request.path} is inside the directory of ${input.label} ${input.path}: it would become part of that input`,
          );
        }
      } else if (sameFile(output, input.real, input.info)) {
        throw new OutputPathError(
          `${output.request.label} ${output.request.path} is the same file as ${input.label} ${input.path}: writing it would destroy the input`,
        );
      }
    }
  }
  for (let i = 0; i < resolved.length; i++) {
    for (let j = i + 1; j < resolved.length; j++) {
      const [a, b] = [resolved[i], resolved[j]];
      if (sameFile(a, b.target, b.info)) {
        throw new OutputPathError(
          `${a.request.label} ${a.request.path} and ${b.request.label} ${b.request.path} are the same file: one output would overwrite the other`,
        );
      }
    }
  }
}

/**
 * Checks that `directory` can hold a command's outputs: it is a directory
 * that is writable (probe file), or it does not exist yet and its nearest
 * existing ancestor is such a directory (it will be created). Errors are
 * {@link OutputPathError}s naming `label` and the path.
 */
export async function checkOutputDirectory(label: string, directory: string): Promise<void> {
  let current = resolve(directory);
  for (;;) {
    const info = await statOrNull(label, current);
    if (info !== null) {
      if (!info.isDirectory()) {
        throw new OutputPathError(
          current === resolve(directory)
            ? `${label}: ${current} is not a directory`
            : `${label}: cannot create ${resolve(directory)}: ${current} is not a directory`,
        );
      }
      return assertWritable(label, current);
    }
    const parent = dirname(current);
    if (parent === current) throw new OutputPathError(`${label}: ${directory}: no existing directory to create it in`);
    current = parent;
  }
}

/** Whether `path` ends in a path separator, which makes it name a directory whatever exists there. */
export function namesDirectory(path: string): boolean {
  return path.endsWith("/") || path.endsWith(sep);
}

/** Resolves one output, checking its kind and that its directory exists and is writable. */
async function resolveOutput(request: OutputRequest): Promise<Resolved> {
  // resolve() would drop the separator and the write would create a file named like the directory.
  if (namesDirectory(request.path))
    throw new OutputPathError(`${request.label}: ${request.path} names a directory (it ends in "${sep}"): name a file`);
  const absolute = resolve(request.path);
  const info = await statOrNull(request.label, absolute);
  if (info !== null && !info.isFile()) {
    if (info.isFIFO() || info.isCharacterDevice()) return { request, target: await realpath(absolute), info };
    const kind = info.isDirectory()
      ? "is a directory: name a file (inside it, for example)"
      : info.isSocket()
        ? "is a socket"
        : "is a device: refusing to overwrite it";
    throw new OutputPathError(`${request.label}: ${absolute} ${kind}`);
  }
  let target: string;
  try {
    target = await resolveWriteTarget(absolute);
  } catch (error) {
    throw new OutputPathError(`${request.label}: ${(error as Error).message}`);
  }
  const parent = dirname(target);
  const parentInfo = await statOrNull(request.label, parent);
  if (parentInfo === null) throw new OutputPathError(`${request.label}: ${parent}: no such directory`);
  if (!parentInfo.isDirectory()) throw new OutputPathError(`${request.label}: ${parent}: is a file, not a directory`);
  await assertWritable(request.label, parent);
  return { request, target, info };
}

/** Every input as a real path with its status, directories listed as such and their files added; missing inputs are skipped (their readers report them). */
async function expandInputs(
  inputs: readonly InputRequest[],
): Promise<{ label: string; path: string; real: string; info: Stats; directory: boolean }[]> {
  const expanded = [];
  for (const input of inputs) {
    const info = await stat(input.path).catch(() => null);
    if (info === null) continue;
    const real = await realpath(input.path);
    expanded.push({ label: input.label, path: input.path, real, info, directory: info.isDirectory() });
    if (!info.isDirectory()) continue;
    for (const entry of await readdir(real).catch(() => [])) {
      const file = join(real, entry);
      const fileInfo = await stat(file).catch(() => null);
      if (fileInfo?.isFile())
        expanded.push({ label: input.label, path: file, real: file, info: fileInfo, directory: false });
    }
  }
  return expanded;
}

/** Whether an output is the file at real path `real` (status `info`): the same path, or the same device and inode. */
function sameFile(output: Resolved, real: string, info: Stats | null): boolean {
  if (output.target === real) return true;
  return output.info !== null && info !== null && output.info.dev === info.dev && output.info.ino === info.ino;
}

/** `stat` of a path, `null` when it does not exist; other failures name the label and the path. */
async function statOrNull(label: string, path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ENOTDIR")
      throw new OutputPathError(`${label}: ${await fileOnPath(path)}: is a file, not a directory`);
    throw new OutputPathError(`${label}: ${path}: ${problem(error)}`);
  }
}

/** The nearest ancestor of `path` that exists (stat'ing it on ENOTDIR: the file that stands where a directory should). */
async function fileOnPath(path: string): Promise<string> {
  let ancestor = dirname(path);
  while (dirname(ancestor) !== ancestor && (await stat(ancestor).catch(() => null)) === null)
    ancestor = dirname(ancestor);
  return ancestor;
}

/**
 * Throws unless files can be created in `directory`: `access(W_OK)` first,
 * then a probe file created exclusively and removed at once (root passes
 * `access` on a read-only mount, and only a real write shows it).
 */
async function assertWritable(label: string, directory: string): Promise<void> {
  const probe = join(directory, `.neglab-write-probe-${process.pid}-${Math.random().toString(36).slice(2)}`);
  try {
    await access(directory, constants.W_OK);
    await writeFile(probe, "", { flag: "wx" });
    await unlink(probe);
  } catch (error) {
    await unlink(probe).catch(() => undefined);
    throw new OutputPathError(`${label}: cannot write in ${directory}: ${problem(error)}`);
  }
}

/** A failed file-system call in plain words (errors.ts's sentences), the error's message for anything else. */
function problem(error: unknown): string {
  return isSystemError(error) ? errnoProblem(error) : (error as Error).message;
}
