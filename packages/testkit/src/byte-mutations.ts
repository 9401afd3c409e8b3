import fc from "fast-check";

/**
 * One byte-level edit of a file, as the fuzz tests of every reader apply them
 * to valid files: XOR a byte with `bits`, insert bytes, delete a range, or
 * truncate. Positions are taken modulo the current length (+1 where the end is
 * a valid place), so any natural number is a valid position.
 */
export type Mutation =
  | { kind: "flip"; at: number; bits: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "delete"; at: number; length: number }
  | { kind: "truncate"; at: number };

/**
 * Lists of 1..`maxLength` mutations. Insertions are random bytes or one of
 * `tokens`: strings of the format at hand (separators, `nan`, a BOM, …) that
 * random bytes would rarely hit, so that mutated files reach the parser's
 * deeper branches instead of failing at the first byte.
 */
export function byteMutations(tokens: readonly string[] = [], maxLength = 4): fc.Arbitrary<Mutation[]> {
  const inserts = [
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }),
    }),
  ];
  if (tokens.length > 0) {
    const encoded = tokens.map((token) => new Uint8Array(Buffer.from(token)));
    inserts.push(fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.constantFrom(...encoded) }));
  }
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
    ...inserts,
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
    fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  );
  return fc.array(mutation, { minLength: 1, maxLength });
}

/** A copy of `bytes` with `edits` applied in order. */
export function mutate(bytes: Uint8Array, edits: readonly Mutation[]): Buffer {
  let out = Buffer.from(bytes);
  for (const edit of edits) {
    const at = edit.at % (out.length + 1);
    if (edit.kind === "flip") {
      if (at < out.length) out[at] ^= edit.bits;
    } else if (edit.kind === "insert") out = Buffer.concat([out.subarray(0, at), edit.bytes, out.subarray(at)]);
    else if (edit.kind === "delete") out = Buffer.concat([out.subarray(0, at), out.subarray(at + edit.length)]);
    else out = out.subarray(0, at);
  }
  return out;
}

/** Mutated copies of `base` (see {@link byteMutations} for `tokens` and `maxLength`). */
export function mutated(base: Uint8Array, tokens: readonly string[] = [], maxLength = 4): fc.Arbitrary<Buffer> {
  return byteMutations(tokens, maxLength).map((edits) => mutate(base, edits));
}
