// Property-based fuzzing of every vectors reader (issue #19): word2vec text, binary (plain and gzipped), word2vec.c
// vocabulary files and the NegLab model file. Arbitrary and mutated bytes end in vectors (all finite, consistent
// shapes) or a VectorsError naming the file, never any other error; each case finishes within a time bound; and no
// header, however large its claims, makes a reader allocate far beyond the file's bytes. Fixed seeds keep CI
// reproducible.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { byteMutations, mutate } from "@neglab/testkit";
import { beforeAll, describe, expect, it } from "vitest";
import {
  Embeddings,
  readEmbeddings,
  readModelFile,
  readWord2Vec,
  VectorsError,
  writeModelFile,
  writeWord2Vec,
} from "../src/index.js";
import { randomVectors } from "./python.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-fuzz-vectors-"));
/** A case that takes longer than this has hung (files are at most a few kB). */
const CASE_MS = 2_000;
/** What any case may add to `arrayBuffers`: the readers' 1 MiB read chunks and a few kB of data, with room to spare. */
const MEMORY_BOUND = 64 << 20;

const words = ["the", "king", "queen", "naïve", "東京"];
const emb = new Embeddings(words, randomVectors(words.length, 4, 11), 4);
const valid: Record<"text" | "binary" | "model" | "modelV1", Buffer> = {
  text: Buffer.alloc(0),
  binary: Buffer.alloc(0),
  model: Buffer.alloc(0),
  modelV1: Buffer.alloc(0),
};

beforeAll(async () => {
  await writeWord2Vec(join(dir, "valid.txt"), emb);
  await writeWord2Vec(join(dir, "valid.bin"), emb, { binary: true });
  await writeModelFile(join(dir, "valid.neglab"), {
    words,
    counts: [5, 4, 3, 2, 1],
    dim: 4,
    meta: { seed: 1 },
    matrices: {
      input: emb.vectors,
      output: randomVectors(words.length, 4, 12),
      outputHs: { rows: 4, cols: 4, data: randomVectors(4, 4, 13) },
    },
  });
  valid.text = readFileSync(join(dir, "valid.txt"));
  valid.binary = readFileSync(join(dir, "valid.bin"));
  valid.model = readFileSync(join(dir, "valid.neglab"));
  // A version-1 file: no checksum trailer.
  valid.modelV1 = Buffer.from(valid.model.subarray(0, valid.model.length - 32));
  valid.modelV1.writeUInt32LE(1, 8);
});

/** Strings of the vectors formats that mutations insert besides random bytes. */
const mutations = byteMutations(" |\n|\r\n|nan|-inf|1e39|0|999999999|\u00e9|\u0000".split("|"));

/** A header with small, huge (10^9) or arbitrary claims, so that arbitrary bodies reach the record parsing. */
const header = fc
  .tuple(
    fc.oneof(fc.nat(6), fc.constant(1e9), fc.nat()),
    fc.oneof(fc.integer({ min: 1, max: 6 }), fc.constant(1e9), fc.nat()),
  )
  .map(([count, dim]) => Buffer.from(`${count} ${dim}\n`));
/** Text made of the format's own tokens, so that most cases get past UTF-8 decoding into the line parsing. */
const tokenText = fc
  .array(fc.constantFrom("a", "b", "é", " ", "  ", "\n", "\r\n", "0", "1", "-2.5", "1e-3", "nan", "inf", "1e39", "x"), {
    maxLength: 80,
  })
  .map((parts) => Buffer.from(parts.join("")));
const body = fc.oneof(fc.uint8Array({ maxLength: 2048 }), tokenText);
const withHeader = fc.tuple(header, body).map(([h, b]) => Buffer.concat([h, b]));

let caseNo = 0;
function fileOf(content: Uint8Array, extension: string): string {
  const path = join(dir, `case-${caseNo++}${extension}`);
  writeFileSync(path, content);
  return path;
}

/**
 * Runs `read`; it must resolve or reject with a VectorsError naming `path`,
 * within CASE_MS and growing `arrayBuffers` by less than MEMORY_BOUND. Returns the result or null.
 */
async function bounded<T>(path: string, read: () => Promise<T>): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`reading ${path} took over ${CASE_MS} ms`)), CASE_MS);
  });
  let result: T | null = null;
  const growth = await peakArrayBufferGrowth(async () => {
    try {
      result = await Promise.race([read(), hung]);
    } catch (error) {
      if (!(error instanceof VectorsError)) throw error;
      expect(error.file).toBe(path);
      expect(error.message.startsWith(path)).toBe(true);
    } finally {
      clearTimeout(timer);
    }
  });
  expect(growth, `${path}: arrayBuffers grew by ${growth} bytes`).toBeLessThan(MEMORY_BOUND);
  return result;
}

/** Whether the bytes are UTF-8 with no control characters but tab, CR and LF. */
function isPrintableText(bytes: Uint8Array): boolean {
  if (bytes.some((b) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What a successful read must satisfy: a consistent shape and only finite values. */
function checkVectors(result: Embeddings | null): void {
  if (result === null) return;
  expect(result).toBeInstanceOf(Embeddings);
  expect(result.vectors.length).toBe(result.words.length * result.dim);
  expect(result.vectors.every(Number.isFinite)).toBe(true);
}

/** Samples `arrayBuffers` while `run` runs (the readers await I/O, so the sampler gets turns) and returns the peak growth. */
async function peakArrayBufferGrowth(run: () => Promise<void>): Promise<number> {
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  };
  const sampler = setInterval(sample, 1);
  try {
    await run();
  } finally {
    clearInterval(sampler);
    sample();
  }
  return peak - base;
}

const runs = { seed: 1, numRuns: 120 };

describe("fuzz: word2vec and model file readers", () => {
  it("word2vec text: arbitrary and mutated bytes, format detected and forced", async () => {
    const bytes = fc.oneof(
      withHeader,
      mutations.map((m) => mutate(valid.text, m)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = fileOf(content, ".txt");
        const detected = await bounded(path, () => readEmbeddings(path));
        const asText = await bounded(path, () => readWord2Vec(path, { binary: false }));
        checkVectors(detected);
        checkVectors(asText);
        // A file that is all printable text is read as text, whatever its header says: never as binary garbage.
        if (isPrintableText(content)) expect(detected?.words ?? null).toEqual(asText?.words ?? null);
      }),
      runs,
    );
  });

  it("word2vec binary: arbitrary and mutated bytes, format detected and forced", async () => {
    const bytes = fc.oneof(
      withHeader,
      mutations.map((m) => mutate(valid.binary, m)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = fileOf(content, ".bin");
        checkVectors(await bounded(path, () => readEmbeddings(path)));
        checkVectors(await bounded(path, () => readWord2Vec(path, { binary: true })));
      }),
      runs,
    );
  });

  it("gzipped word2vec: damaged gzip streams and gzipped arbitrary or mutated contents", async () => {
    const gzipped = fc.oneof(
      fc
        .oneof(
          withHeader,
          mutations.map((m) => mutate(valid.text, m)),
          mutations.map((m) => mutate(valid.binary, m)),
        )
        .map((b) => gzipSync(b)),
      mutations.map((m) => mutate(gzipSync(valid.text), m)),
      mutations.map((m) => mutate(gzipSync(valid.binary), m)),
      fc.uint8Array({ maxLength: 512 }),
    );
    await fc.assert(
      fc.asyncProperty(gzipped, fc.boolean(), async (content, binary) => {
        const path = fileOf(content, ".vec.gz");
        checkVectors(await bounded(path, () => readEmbeddings(path)));
        checkVectors(await bounded(path, () => readWord2Vec(path, { binary })));
      }),
      runs,
    );
  });

  it("word2vec.c vocabulary files (`vocabFile`): arbitrary and mutated bytes", async () => {
    const validVocab = Buffer.from(words.map((w, i) => `${w} ${10 - i}\n`).join(""));
    const bytes = fc.oneof(
      body,
      mutations.map((m) => mutate(validVocab, m)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = fileOf(content, ".vocab");
        const result = await bounded(path, () => readWord2Vec(join(dir, "valid.txt"), { vocabFile: path }));
        checkVectors(result);
        if (result !== null) expect(result.counts!.every((c) => Number.isSafeInteger(c) && c >= 0)).toBe(true);
      }),
      runs,
    );
  });

  it("NegLab model files (versions 2 and 1): arbitrary and mutated bytes", async () => {
    const prefixed = fc.tuple(fc.constantFrom(1, 2, 3), fc.nat(), body).map(([version, length, rest]) => {
      const prefix = Buffer.alloc(16);
      prefix.write("NEGLABMD", 0, "latin1");
      prefix.writeUInt32LE(version, 8);
      prefix.writeUInt32LE(length % (rest.length + 64), 12);
      return Buffer.concat([prefix, rest]);
    });
    const bytes = fc.oneof(
      prefixed,
      mutations.map((m) => mutate(valid.model, m)),
      mutations.map((m) => mutate(valid.modelV1, m)),
    );
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = fileOf(content, ".neglab");
        const model = await bounded(path, () => readModelFile(path));
        if (model !== null) {
          for (const m of Object.values(model.matrices)) {
            expect(m.data.length).toBe(m.rows * m.cols);
            expect(m.data.every(Number.isFinite)).toBe(true);
          }
        }
        checkVectors(await bounded(path, () => readEmbeddings(path)));
      }),
      runs,
    );
  });

  it("a flipped bit anywhere after the magic and version of a version-2 model file is a checksum mismatch", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const damaged = Buffer.from(valid.model);
        damaged[12 + (at % (damaged.length - 12))] ^= 1 << bit;
        const path = fileOf(damaged, ".neglab");
        await expect(readModelFile(path)).rejects.toThrow(`${path}: checksum mismatch: the file is damaged`);
      }),
      runs,
    );
  });

  it("headers claiming 10^9 words are refused without allocating for them, in every format", async () => {
    const huge = 1e9;
    const record = (word: string, dim: number) =>
      Buffer.concat([Buffer.from(`${word} `), Buffer.from(new Float32Array(dim).fill(0.5).buffer), Buffer.from("\n")]);
    const model = Buffer.from(valid.model);
    const headerLength = model.readUInt32LE(12);
    const json = model
      .subarray(16, 16 + headerLength)
      .toString("utf8")
      .replace('"rows":4,"cols":4', `"rows":${huge},"cols":4`);
    const lyingModel = Buffer.concat([
      model.subarray(0, 12),
      Buffer.alloc(4),
      Buffer.from(json),
      model.subarray(16 + headerLength),
    ]);
    lyingModel.writeUInt32LE(Buffer.byteLength(json), 12);
    // Each would need ≥ 4 · 10^9 · dim bytes if sized from the header; the gzipped ones cannot be checked by size up front.
    const cases: [string, Buffer][] = [
      [".txt", Buffer.from(`${huge} 3\nking 0.5 0.5 0.5\n`)],
      [".bin", Buffer.concat([Buffer.from(`${huge} 3\n`), record("king", 3)])],
      [".txt.gz", gzipSync(`${huge} 20000\nking 0.5 0.5 0.5\n`)],
      [".bin.gz", gzipSync(Buffer.concat([Buffer.from(`${huge} 20000\n`), record("king", 20000)]))],
      [".bin.gz", gzipSync(Buffer.concat([Buffer.from(`3 ${huge}\n`), record("king", 3)]))],
      [".neglab", lyingModel],
    ];
    for (const [extension, content] of cases) {
      const path = fileOf(content, extension);
      const growth = await peakArrayBufferGrowth(async () => {
        await expect(readEmbeddings(path)).rejects.toThrow(VectorsError);
      });
      expect(growth, `${extension}: arrayBuffers grew by ${growth} bytes`).toBeLessThan(MEMORY_BOUND);
    }
  });
});
