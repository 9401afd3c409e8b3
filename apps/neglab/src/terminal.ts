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
  return new Table({
    ...options,
    style: { ...options.style, head: colour ? ["red"] : [], border: colour ? ["grey"] : [] },
  });
}

/** The width assumed when standard output is not a terminal and `COLUMNS` is unset or not a positive integer. */
const DEFAULT_COLUMNS = 100;

/**
 * The columns the terminal summary must fit in: the terminal's width when
 * `stream` is one, else `COLUMNS` when it is a positive integer, else
 * {@link DEFAULT_COLUMNS}.
 */
export function terminalColumns(
  stream: MaybeTerminal & { readonly columns?: number } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): number {
  if (stream.isTTY && stream.columns !== undefined && stream.columns > 0) return stream.columns;
  const columns = env.COLUMNS?.trim() ?? "";
  return /^\d+$/.test(columns) && Number(columns) > 0 ? Number(columns) : DEFAULT_COLUMNS;
}
