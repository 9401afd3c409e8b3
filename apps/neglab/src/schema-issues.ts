import { closestName } from "@neglab/suggest";
import { z } from "zod";

/**
 * The one formatter of schema issues: every JSON input the CLI reads (the
 * experiment definition, a `--config` file, the run files it reads back) is
 * checked by a zod schema whose leaves carry the message for their field
 * (`expected an integer, got string "two"`), and this turns the first issue
 * into the field path and that message, the two halves of the one-line error
 * the command prints (`experiment.json: seeds[1]: expected an integer, …`).
 */

/** A problem with one field: its path (`strategies[2].sampler.alpha`, `(root)` for the whole value) and what is wrong. */
interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The path of a field as messages write it: `a.b[2].c`; `(root)` for the value itself. */
function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const step of path)
    text += typeof step === "number" ? `[${step}]` : text === "" ? String(step) : `.${String(step)}`;
  return text === "" ? "(root)" : text;
}

/**
 * The problem of the first issue that `skip` does not leave to a later check
 * (e.g. a sampler spec, which `validateSamplerSpec` explains better), or null.
 * An unknown key is named by its own path (`corpus.lowercse`) with the message
 * of its object's schema (see {@link unknownKeyError}). An unknown key is
 * reported before other issues, as a
 * misspelt name is the likeliest cause of the rest.
 */
export function firstProblem(
  issues: readonly z.core.$ZodIssue[],
  skip: (path: readonly PropertyKey[]) => boolean = () => false,
): FieldProblem | null {
  const kept = issues.filter((issue) => !skip(issue.path));
  const issue = kept.find((i) => i.code === "unrecognized_keys") ?? kept[0];
  if (issue === undefined) return null;
  if (issue.code === "unrecognized_keys")
    return { field: fieldPath([...issue.path, issue.keys[0]]), message: issue.message };
  return { field: fieldPath(issue.path), message: issue.message };
}

/** A short description of a JSON value for messages (never the whole value: a damaged file may be large). */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/** An issue as an error function of a schema sees it. */
type RawIssue = z.core.$ZodRawIssue;

/**
 * The error function of a strict object with keys `known`: an unknown key gets
 * `unknown <what> (did you mean "<closest>"?); expected one of <known>`, or the
 * message `special` gives for that key (e.g. a key that belongs elsewhere);
 * anything else `expected an object, got …`.
 */
export function unknownKeyError(what: string, known: readonly string[], special?: (key: string) => string | undefined) {
  return (issue: RawIssue): string => {
    if (issue.code !== "unrecognized_keys") return expected("an object", issue.input);
    const key = issue.keys[0];
    const near = closestName(key, known);
    return (
      special?.(key) ??
      `unknown ${what}${near ? ` (did you mean "${near}"?)` : ""}; expected one of ${known.join(", ")}`
    );
  };
}

/** `expected <what>, got <value>`. */
export function expected(what: string, value: unknown): string {
  return `expected ${what}, got ${describeValue(value)}`;
}

/** The error function of a schema whose every issue reads `expected <what>, got <value>`. */
export function expecting(what: string): (issue: { readonly input?: unknown }) => string {
  return (issue) => expected(what, issue.input);
}

/** A string, with the message `expected a string, got …`. */
export const TEXT = z.string({ error: expecting("a string") });

/** An array of `item`, with the message `expected an array, got …`. */
export function arrayOf<T extends z.ZodType>(item: T): z.ZodArray<T> {
  return z.array(item, { error: expecting("an array") });
}
