import { closeSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { mutated } from "@neglab/testkit";
import { describe, expect, it } from "vitest";
import { CorpusError } from "../src/index.js";
import {
  blockBufferLength,
  createEncodedFileWriter,
  openEncodedCorpus,
  openEncodedFd,
  readEncodedBlock,
} from "../src/encoded-file.js";
import { tempDir } from "./helpers.js";

// Property-based fuzzing of the encoded corpus reader (issue #19's rule for every reader): arbitrary and mutated
// bytes end in a CorpusError or in blocks whose every id is inside the vocabulary, never in another error, in
// bounded time (a case is a few reads) and memory (nothing is allocated beyond the file's size).

const dir = tempDir();
const VOCABULARY = 13;
let counter = 0;

/** A valid file of three blocks: 70 sentences of 300 words and one of 7 (blocks of 34, 34 and 3 sentences). */
async function validFile(): Promise<Buffer> {
  const path = join(dir, "valid.enc");
  const writer = await createEncodedFileWriter(path, { vocabularySize: VOCABULARY });
  let next = 0;
  for (const length of [...Array<number>(70).fill(300), 7]) {
    const ids = Int32Array.from({ length }, () => next++ % VOCABULARY);
    writer.addSentence(ids, length);
  }
  await writer.finish({ rawTokens: 30_000, rawSentences: 80 });
  return readFileSync(path);
}

/** Opens the file at `path` and reads every block: "ok", or "CorpusError"; any other error fails the property. */
async function readAll(path: string): Promise<string> {
  try {
    const file = await openEncodedCorpus(path);
    const fd = openEncodedFd(file);
    try {
      const buffer = new Int32Array(blockBufferLength(file));
      for (let b = 0; b < file.blocks.words.length; b++) {
        const { ids } = readEncodedBlock(fd, file, b, buffer);
        for (const id of ids) if (!(id >= 0 && id < file.vocabularySize)) throw new Error(`id ${id} passed the check`);
      }
    } finally {
      closeSync(fd);
    }
    return "ok";
  } catch (error) {
    if (error instanceof CorpusError) return "CorpusError";
    throw error;
  }
}

function write(content: Uint8Array): string {
  const path = join(dir, `${counter++}.enc`);
  writeFileSync(path, content);
  return path;
}

describe("fuzz: encoded corpus files", () => {
  it("mutated valid files", async () => {
    const valid = await validFile();
    expect(await readAll(write(valid))).toBe("ok");
    await fc.assert(
      fc.asyncProperty(mutated(valid, [], 6), async (content) => {
        expect(["ok", "CorpusError"]).toContain(await readAll(write(content)));
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("the magic followed by arbitrary bytes", async () => {
    const magic = Buffer.from("NEGLABEC\x01\x00\x00\x00", "latin1");
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (rest) => {
        expect(await readAll(write(Buffer.concat([magic, rest])))).toBe("CorpusError");
      }),
      { seed: 2, numRuns: 200 },
    );
  });
});
