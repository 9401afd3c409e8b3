import Table from "cli-table3";

/** A stream that may be a terminal (stdout, stderr, or a test's fake). */
export interface MaybeTerminal {
  readonly isTTY?: boolean;
}

/**
 * Whether output to `stream` may carry ANSI codes (colours, cursor moves): only
 * on a terminal, with `NO_COLOR` unset or empty (https://no-color.org) and
 * `TERM` not `dumb`. Piped or redirected output, logs and CI files get plain text.
 */
export function ansiAllowed(stream: MaybeTerminal): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

/**
 * A cli-table3 table for standard output: its default red headings and grey
 * borders on a terminal ({@link ansiAllowed}), no colour codes otherwise
 * (cli-table3 colours unconditionally unless its styles are empty).
 */
export function createTable(options: Table.TableConstructorOptions = {}): Table.Table {
  const colour = ansiAllowed(process.stdout);
  return new Table({ ...options, style: { ...options.style, head: colour ? ["red"] : [], border: colour ? ["grey"] : [] } });
}
