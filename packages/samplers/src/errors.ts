/**
 * A bad sampler spec, vocabulary, weights file or custom module, raised when the
 * sampler is built (never in the middle of training). The message names the
 * sampler type and option, or the file and 1-based line, that is at fault.
 */
export class SamplerError extends Error {
  /** The spec option at fault, e.g. `alpha` or `base.alpha`, when known. */
  readonly field: string | undefined;
  /** The file at fault (a weights file or a custom module), when known. */
  readonly file: string | undefined;
  /** 1-based line in `file`, when known. */
  readonly line: number | undefined;

  constructor(message: string, where: { field?: string; file?: string; line?: number; cause?: unknown } = {}) {
    const place =
      where.file === undefined ? "" : where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
    super(`${place}${message}`, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = "SamplerError";
    this.field = where.field;
    this.file = where.file;
    this.line = where.line;
  }
}
