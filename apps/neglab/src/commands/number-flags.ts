import type { Options } from "yargs";
import { FlagValueError } from "../errors.js";

/**
 * A decimal number as people write one on a command line: an optional minus,
 * digits with an optional fraction, an optional exponent (`5`, `-1`, `0.025`,
 * `.5`, `1e-3`). Not JavaScript's wider `Number()` grammar, which also takes
 * `0x2`, `0b1`, `0o7`, `+1`, `Infinity` and the empty string (as 0): a flag
 * given one of those is far more likely a mistake than a wish.
 */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Whether `text` is a finite decimal number in the grammar above (as NegLab writes numbers into its own files too). */
export function isDecimalNumber(text: string): boolean {
  return DECIMAL.test(text) && Number.isFinite(Number(text));
}

/**
 * The number `raw` (the text given for `--<flag>`) stands for, or a
 * {@link FlagValueError} naming the flag and quoting the text. A number
 * (a yargs default) passes as it is; a flag given twice is refused rather than
 * one of its values silently winning.
 */
export function parseNumberFlag(flag: string, raw: unknown): number {
  if (typeof raw === "number") return raw;
  if (Array.isArray(raw))
    throw new FlagValueError(
      `--${flag}: given ${raw.length} times (${raw.map((v) => JSON.stringify(String(v))).join(", ")}); give it once`,
    );
  const text = String(raw);
  const value = Number(text);
  if (!isDecimalNumber(text))
    throw new FlagValueError(`--${flag}: expected a decimal number, got ${JSON.stringify(text)}`);
  return value;
}

/**
 * A yargs option for a numeric flag: read as the text the user typed (yargs'
 * own `type: "number"` converts with `Number()`, so `0x2` became 2 and `abc`
 * NaN before any check could quote it) and converted by {@link parseNumberFlag}
 * while the arguments are parsed, before the command runs. The CLI prints the
 * error as one line and exits 1. Range checks (integer, positive) stay with the
 * command, which knows them.
 */
export function numberFlag<O extends Omit<Options, "type" | "coerce">>(
  flag: string,
  option: O,
): O & { type: "string"; coerce: (raw: unknown) => number } {
  return { ...option, type: "string", coerce: (raw: unknown) => parseNumberFlag(flag, raw) };
}
