import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { mutated } from "@neglab/testkit";
import { describe, expect, it } from "vitest";
import { CorpusError, openCorpus } from "../src/index.js";
import { splitWhitespace } from "../src/tokenize.js";
import { tempDir } from "./helpers.js";

// Property-based fuzzing of the corpus readers (issue #19): arbitrary and mutated bytes in a plain file, a .gz
// file or the files of a directory end in sentences or a CorpusError, never in another error, and never hang.

const dir = tempDir();
/** Upper bound on one case; a case that takes longer is a hang. */
const CASE_MS = 2000;
let counter = 0;

/** Byte fragments that stress the reader: BOMs, NULs, CR, invalid and truncated UTF-8, Unicode whitespace. */
const tricky = fc.constantFrom(
  [0xef, 0xbb, 0xbf],
  [0xef, 0xbb],
  [0x00],
  [0x0d],
  [0x0d, 0x0a],
  [0x0a],
  [0x20],
  [0xff],
  [0xc3],
  [0xe2, 0x80, 0xa8],
  [0xc2, 0xa0],
  [0xf0, 0x9f, 0x98, 0x80],
  [0xed, 0xa0, 0x80],
  [0x1f, 0x8b],
);
/** Bytes made of arbitrary bytes, tricky fragments and plain words. */
const bytes = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((a) => [...a]),
      tricky,
      fc.constantFrom("the", "cat ", "sat\n", "ünï ").map((w) => [...Buffer.from(w)]),
    ),
    { maxLength: 60 },
  )
  .map((parts) => Uint8Array.from(parts.flat()));

const valid = Buffer.from("The cat sat on the mat\nthe dog ate the bone\n\nünïcödé wörds\ta\u00a0b\n");

/** Reads the whole corpus at `source`; resolves to "ok" or "CorpusError", rejects on any other error or a hang. */
async function readAll(source: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${source} took more than ${CASE_MS} ms`)), CASE_MS);
  });
  const read = (async () => {
    try {
      const corpus = await openCorpus(source);
      for await (const sentence of corpus.sentences()) {
        for (const token of sentence)
          if (token.length === 0 || splitWhitespace(token).join(" ") !== token)
            throw new Error(`bad token ${JSON.stringify(token)}`);
      }
      return "ok";
    } catch (error) {
      if (error instanceof CorpusError) return "CorpusError";
      throw error;
    }
  })();
  try {
    return await Promise.race([read, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** Writes a fresh file and returns its path. */
function file(name: string, content: Uint8Array): string {
  const path = join(dir, `${counter++}-${name}`);
  writeFileSync(path, content);
  return path;
}

describe("fuzz: corpus readers", () => {
  it("plain text files: arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        expect(["ok", "CorpusError"]).toContain(await readAll(file("plain.txt", content)));
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("plain text files: mutated valid files", async () => {
    await fc.assert(
      fc.asyncProperty(mutated(valid, [], 8), async (content) => {
        expect(["ok", "CorpusError"]).toContain(await readAll(file("mutated.txt", content)));
      }),
      { seed: 2, numRuns: 200 },
    );
  });

  it(".gz files: arbitrary bytes, gzipped arbitrary bytes and mutated gzip files", async () => {
    const gz = fc.oneof(
      bytes,
      bytes.map((b) => new Uint8Array(gzipSync(b))),
      mutated(gzipSync(valid), [], 8),
    );
    await fc.assert(
      fc.asyncProperty(gz, async (content) => {
        expect(["ok", "CorpusError"]).toContain(await readAll(file("corpus.gz", content)));
      }),
      { seed: 3, numRuns: 120 },
    );
  });

  it("directories: several files of arbitrary or mutated bytes", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(bytes, mutated(valid, [], 8)), { minLength: 1, maxLength: 3 }),
        async (contents) => {
          const sub = join(dir, `${counter++}-dir`);
          mkdirSync(sub);
          contents.forEach((content, i) => writeFileSync(join(sub, `part-${i}.txt`), content));
          expect(["ok", "CorpusError"]).toContain(await readAll(sub));
          rmSync(sub, { recursive: true });
        },
      ),
      { seed: 4, numRuns: 60 },
    );
  });

  it("very long lines, with and without whitespace, end in sentences or a CorpusError", async () => {
    const long = fc.record({
      fill: fc.constantFrom(0x61, 0x00, 0xff, 0x20),
      every: fc.constantFrom(0, 4096, 700_000),
      size: fc.integer({ min: 1 << 20, max: 3 << 20 }),
    });
    await fc.assert(
      fc.asyncProperty(long, async ({ fill, every, size }) => {
        const content = new Uint8Array(size).fill(fill);
        if (every > 0) for (let i = every; i < size; i += every) content[i] = 0x20;
        expect(["ok", "CorpusError"]).toContain(await readAll(file("long.txt", content)));
      }),
      { seed: 5, numRuns: 8 },
    );
  });
});
