/**
 * Checks of parsed JSON against an expected shape, for files neglab wrote and
 * reads back (cell files, config.json): a damaged or hand-edited file is named
 * with the path of its first wrong field instead of failing later with a
 * TypeError deep in the report code.
 */

/** Returns null when `value` (at field path `path`) has the shape, else the problem: `<path>: expected …, got …`. */
export type Shape = (value: unknown, path: string) => string | null;

/** The field path of `key` under `path` ("" is the root). */
const field = (path: string, key: string) => (path === "" ? key : `${path}.${key}`);

/** A short description of a JSON value for messages (never the whole value: a damaged file may be large). */
function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  const text = JSON.stringify(value);
  return `${typeof value} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

const expected = (what: string, value: unknown, path: string) => `${path === "" ? "(root)" : path}: expected ${what}, got ${describe(value)}`;

/** A string. */
export const string: Shape = (v, p) => (typeof v === "string" ? null : expected("a string", v, p));
/** A number (JSON has no NaN or Infinity; see `nullable` for values written as null). */
export const number: Shape = (v, p) => (typeof v === "number" ? null : expected("a number", v, p));
/** A safe integer. */
export const integer: Shape = (v, p) => (Number.isSafeInteger(v) ? null : expected("an integer", v, p));
/** true or false. */
export const boolean: Shape = (v, p) => (typeof v === "boolean" ? null : expected("true or false", v, p));

/** `shape`, or null. */
export const nullable =
  (shape: Shape): Shape =>
  (v, p) =>
    v === null ? null : shape(v, p);

/** `shape`, or absent. */
export const optional =
  (shape: Shape): Shape =>
  (v, p) =>
    v === undefined ? null : shape(v, p);

/** An array whose every item has `item`'s shape. */
export const array =
  (item: Shape): Shape =>
  (v, p) => {
    if (!Array.isArray(v)) return expected("an array", v, p);
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${p}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  };

/** A fixed-length array of `items`, with one more item of shape `last` allowed when given (e.g. a field added later). */
export const tuple =
  (items: Shape[], last?: Shape): Shape =>
  (v, p) => {
    const lengths = last === undefined ? [items.length] : [items.length, items.length + 1];
    if (!Array.isArray(v) || !lengths.includes(v.length)) return expected(`an array of ${lengths.join(" or ")} items`, v, p);
    const shapes = last === undefined ? items : [...items, last];
    for (let i = 0; i < v.length; i++) {
      const problem = shapes[i](v[i], `${p}[${i}]`);
      if (problem !== null) return problem;
    }
    return null;
  };

/** An object (not null, not an array) whose listed fields have their shapes; other fields are allowed and not checked. */
export const object =
  (fields: Record<string, Shape>): Shape =>
  (v, p) => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return expected("an object", v, p);
    for (const [key, shape] of Object.entries(fields)) {
      const problem = shape((v as Record<string, unknown>)[key], field(p, key));
      if (problem !== null) return problem;
    }
    return null;
  };
