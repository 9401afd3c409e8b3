/**
 * An error in a benchmark file or an evaluation request, naming where it
 * happened: the file and, when known, the 1-based line.
 */
export class BenchmarkError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, where: { file?: string; line?: number } = {}) {
    const place =
      where.file === undefined ? "" : where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
    super(`${place}${message}`);
    this.name = "BenchmarkError";
    this.file = where.file;
    this.line = where.line;
  }
}
