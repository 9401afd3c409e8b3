/**
 * An error in a vectors or model file, naming where it happened: the file and,
 * when known, the 1-based line (text formats) or the vector's 1-based ordinal
 * (binary formats). Raised before any partial result is handed out.
 */
export class VectorsError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  /** The message without the file and line in front, for wrapping it in another message about the same file. */
  readonly reason: string;

  constructor(message: string, where: { file?: string; line?: number } = {}) {
    const place =
      where.file === undefined ? "" : where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
    super(`${place}${message}`);
    this.name = "VectorsError";
    this.file = where.file;
    this.line = where.line;
    this.reason = message;
  }
}
