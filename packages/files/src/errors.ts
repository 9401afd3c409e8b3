/**
 * A write that failed or was refused, naming the user's path (never the
 * temporary file, an implementation detail): `<file>: cannot write: <reason>`.
 * Packages with a typed error of their own rebuild it from {@link file} and
 * {@link reason}, so their messages read the same.
 */
export class FileWriteError extends Error {
  /** The path the caller asked to write. */
  readonly file: string;
  /** Why, in plain words, with the errno code in parentheses when there is one: "its directory does not exist (ENOENT)". */
  readonly reason: string;

  constructor(file: string, reason: string, options?: { cause?: unknown }) {
    super(`${file}: cannot write: ${reason}`, options);
    this.name = "FileWriteError";
    this.file = file;
    this.reason = reason;
  }
}

/** Plain words for the errno codes a write commonly meets. */
const WRITE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOENT: "its directory does not exist",
  ENOTDIR: "a component of the path is not a directory",
  EISDIR: "it is a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EPIPE: "the reading process closed the pipe",
  EIO: "input/output error",
};

/**
 * A failed write as a {@link FileWriteError} naming `path`: an errno error in
 * words with its code; a {@link FileWriteError} as it is; any other error (one
 * the data source threw) unchanged, so the caller sees its own error.
 */
export function asWriteError(error: unknown, path: string): unknown {
  if (error instanceof FileWriteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string" || !/^E[A-Z0-9]+$/.test(code)) return error;
  return new FileWriteError(path, `${WRITE_PROBLEMS[code] ?? (error as Error).message} (${code})`, { cause: error });
}
