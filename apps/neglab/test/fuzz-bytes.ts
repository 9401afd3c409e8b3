import fc from "fast-check";

/** One byte-level mutation of a file: overwrite a byte, insert bytes, delete a range, or truncate. */
export type Mutation =
  | { kind: "flip"; at: number; value: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number };

/** Up to four mutations; positions are taken modulo the current length. */
export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  ),
  { minLength: 1, maxLength: 4 },
);

/** `bytes` with `list` applied in order. */
export function mutate(bytes: Uint8Array, list: Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of list) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === "flip") {
      if (out.length > 0) out[at] = m.value;
    } else if (m.kind === "insert") out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
    else if (m.kind === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
    else out = out.subarray(0, at);
  }
  return out;
}
