import { basename, dirname, join } from "node:path";
import { temporaryNameTarget } from "@neglab/files";

/**
 * The exit codes of `neglab` (the README's "Exit codes" paragraph): 0 success,
 * 1 bad input (a user error, printed as one line naming the file, line or
 * field), 2 a usage error (nothing was run), 70 an internal error (a bug; the
 * sysexits.h EX_SOFTWARE code, so scripts can tell it from bad input), and
 * 128 + the signal number when interrupted (130 on SIGINT, 143 on SIGTERM; see process-guards.ts).
 */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

/**
 * A mistake in the command line itself: an unknown command, subcommand or
 * option, a missing argument, a value outside a flag's choices. The CLI prints
 * it (with the usage hint) and exits 2 before any command handler runs, so a
 * mistyped flag can never train with defaults or overwrite an output.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/**
 * A flag's value that is not what the flag takes (e.g. `--epochs 0x2`): the
 * message names the flag and quotes the text given. A user error (exit 1),
 * raised while the arguments are parsed, so nothing has run yet.
 */
export class FlagValueError extends Error {
  override readonly name = "FlagValueError";
}

/** How the CLI reports an error that ended a command. */
export interface ErrorReport {
  /** One line, without the `neglab: ` prefix. */
  readonly message: string;
  /**
   * True for a bug in neglab rather than a problem with the user's input: a
   * TypeError, ReferenceError, RangeError from the engine's own limits, or an
   * assertion. The CLI then adds how to get the stack.
   */
  readonly internal: boolean;
}

/**
 * Built-in error classes that only our own code can cause. SyntaxError is not
 * among them: compiled code has none, so one always comes from user input
 * (a damaged JSON file, a custom sampler module). RangeError is not either:
 * the packages throw it for out-of-range arguments a user can supply.
 */
const PROGRAMMING_ERRORS: readonly string[] = ["TypeError", "ReferenceError", "EvalError", "AssertionError"];

/** Messages of RangeErrors the JavaScript engine raises on its own limits, which validation should have prevented. */
const ENGINE_LIMITS =
  /^(Invalid (typed )?array length|Array buffer allocation failed|Maximum call stack size exceeded|Invalid string length)/;

/**
 * What to print for `error`, one line: a Node system error in plain words
 * with the user's path (see {@link systemErrorMessage}), any other error by
 * its message with stack frames and line breaks removed (errors re-raised from
 * worker threads may carry the worker's stack in their message).
 */
export function describeError(error: unknown): ErrorReport {
  if (!(error instanceof Error)) return { message: oneLine(text(error)), internal: false };
  if (isSystemError(error)) return { message: systemErrorMessage(error), internal: false };
  // Network failures reach us as `TypeError: fetch failed` with the system error as the cause.
  if (isSystemError(error.cause))
    return { message: `${oneLine(error.message)}: ${systemErrorMessage(error.cause)}`, internal: false };
  const internal =
    PROGRAMMING_ERRORS.includes(error.name) || (error.name === "RangeError" && ENGINE_LIMITS.test(error.message));
  return { message: oneLine(internal ? `${error.name}: ${error.message}` : error.message), internal };
}

/** `value` as text; a value without a usable toString (e.g. a null-prototype object) by its type. */
function text(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** A stack frame line (`    at f (file:1:2)`), as V8 formats them. */
const STACK_FRAME = /^\s+at .*$/;

/** `text` as one line: stack frames dropped, the remaining lines joined with "; ". */
export function oneLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((line) => !STACK_FRAME.test(line))
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return lines.join("; ");
}

/** A Node system error: a code like `ENOENT` plus, usually, the syscall and path. */
export interface SystemError extends Error {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
  readonly hostname?: string;
  readonly address?: string;
  readonly port?: number;
}

/** Whether `error` is a Node system error (libuv errno code such as `ENOENT`, `EACCES`, `ECONNREFUSED`). */
export function isSystemError(error: unknown): error is SystemError {
  return (
    error instanceof Error &&
    typeof (error as SystemError).code === "string" &&
    /^E[A-Z0-9_]+$/.test((error as SystemError).code)
  );
}

/**
 * Plain words for the errno codes file and network calls meet (the POSIX
 * strerror texts, reworded where they say too little, e.g. EISDIR).
 */
const ERRNO_SENTENCES: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory, not a file",
  ENOTDIR: "a component of the path is a file, not a directory",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "already exists",
  EROFS: "read-only file system",
  ENOTEMPTY: "directory not empty",
  EBUSY: "busy (in use by another process)",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EXDEV: "cannot be moved to another file system",
  EIO: "input/output error",
  EFBIG: "file too large",
  EPIPE: "the reading end of the pipe was closed",
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset by the server",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed (temporary failure; check the network)",
};

/**
 * What went wrong in a system error, in plain words without any path: the
 * sentence for its code, with the code in parentheses (except the familiar
 * ENOENT) so it can still be searched for; the error's own message, on one
 * line, for a code without a sentence.
 */
export function errnoProblem(error: SystemError): string {
  const words = ERRNO_SENTENCES[error.code] ?? oneLine(error.message.replace(new RegExp(`^${error.code}: `), ""));
  return error.code === "ENOENT" ? words : `${words} (${error.code})`;
}

/**
 * A system error in plain words, naming the user's path: `out/v.txt: no space
 * left on the device (ENOSPC)`. A temporary file that an atomic write or a
 * download created beside the user's file is named by the user's file instead,
 * since that is the only name the user gave. The code stays in parentheses
 * (except for the familiar ENOENT) so it can still be searched for.
 */
function systemErrorMessage(error: SystemError): string {
  const problem = errnoProblem(error);
  // A rename names the destination as the file the user asked for.
  const path = error.dest ?? error.path;
  if (path !== undefined) return `${userPath(path)}: ${problem}`;
  const host = error.hostname ?? error.address;
  if (host !== undefined) return `${host}${error.port === undefined ? "" : `:${error.port}`}: ${problem}`;
  return error.syscall === undefined ? problem : `${error.syscall} failed: ${problem}`;
}

/**
 * The path the user gave for `path`: itself, or the final file a temporary
 * file of this process stands in for (`temporaryNameTarget` of @neglab/files:
 * every atomic write and download goes through its temporary names, which name
 * this host and process, so a user's own `x.5.tmp` is never renamed).
 */
export function userPath(path: string): string {
  const target = temporaryNameTarget(basename(path));
  return target === null ? path : join(dirname(path), target);
}
