/**
 * An error in corpus input, naming where it happened: the file and, when known,
 * the 1-based line. Raised before any partial result is handed out.
 */
export class CorpusError extends Error {
  /** The file (or corpus name) the problem is in, when known. */
  readonly file: string | undefined;
  /** The 1-based line of `file` the problem is on, when known. */
  readonly line: number | undefined;

  /**
   * @param message what is wrong, without the place (it is prefixed as `file:line: `)
   * @param where the file and line, each optional
   */
  constructor(message: string, where: { file?: string; line?: number } = {}) {
    const place =
      where.file === undefined ? "" : where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
    super(`${place}${message}`);
    this.name = "CorpusError";
    this.file = where.file;
    this.line = where.line;
  }
}

/** Plain words for the file-system error codes a corpus path commonly meets. */
const FILE_SYSTEM_PROBLEMS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOTDIR: "a component of the path is not a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  EISDIR: "is a directory",
  EMFILE: "too many open files",
  ENOSPC: "no space left on the device",
  EROFS: "read-only file system",
};

/**
 * The problem a failed file-system call reports, in words plus its code
 * (`permission denied (EACCES)`), for a {@link CorpusError} message; the path
 * is left out because the error names the file already.
 */
export function fileSystemProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== undefined && code in FILE_SYSTEM_PROBLEMS) {
    return code === "ENOENT" ? FILE_SYSTEM_PROBLEMS[code] : `${FILE_SYSTEM_PROBLEMS[code]} (${code})`;
  }
  return (error as Error).message;
}

/** The {@link CorpusError} for a corpus that yields no token at all. */
export function emptyCorpusError(corpusName: string): CorpusError {
  return new CorpusError("the corpus is empty (no tokens)", { file: corpusName });
}
