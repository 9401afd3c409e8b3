// Issue #19, defect 10: damaged model files and NaN/Inf in any vectors format loaded with exit 0.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  readEmbeddings,
  MODEL_VERSION,
  readModelFile,
  VectorsError,
  writeModelFile,
  type NegLabModel,
} from "../src/index.js";
import { randomVectors } from "./python.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-checksum-"));
const model: NegLabModel = {
  words: ["king", "queen", "man", "woman"],
  counts: [40, 30, 20, 10],
  dim: 3,
  meta: { note: "checksum test" },
  matrices: {
    input: randomVectors(4, 3, 1),
    output: randomVectors(4, 3, 2),
    outputHs: { rows: 3, cols: 3, data: randomVectors(3, 3, 3) },
  },
};

async function written(name: string, m: NegLabModel = model): Promise<{ path: string; bytes: Buffer }> {
  const path = join(dir, name);
  await writeModelFile(path, m);
  return { path, bytes: readFileSync(path) };
}

/** The same model as a version-1 file (no checksum trailer), as written before version 2 existed. */
function asVersion1(bytes: Buffer): Buffer {
  const v1 = Buffer.from(bytes.subarray(0, bytes.length - 32));
  v1.writeUInt32LE(1, 8);
  const headerEnd = 16 + v1.readUInt32LE(12);
  const header = v1.subarray(16, headerEnd).toString("latin1").replace('"version":2', '"version":1');
  v1.write(header, 16, "latin1");
  return v1;
}

describe("model file checksum (version 2)", () => {
  it("ends with the SHA-256 of every byte before it, and the version is 2", async () => {
    const { bytes } = await written("layout.neglab");
    expect(MODEL_VERSION).toBe(2);
    expect(bytes.readUInt32LE(8)).toBe(2);
    const digest = createHash("sha256")
      .update(bytes.subarray(0, bytes.length - 32))
      .digest();
    expect(bytes.subarray(bytes.length - 32).equals(digest)).toBe(true);
  });

  it("a flipped bit in a matrix is 'checksum mismatch: the file is damaged', naming the file", async () => {
    const { path, bytes } = await written("flip.neglab");
    const damaged = Buffer.from(bytes);
    damaged[bytes.length - 32 - 5] ^= 0x01; // the low mantissa bit of a value in the last matrix: still a finite float
    writeFileSync(path, damaged);
    await expect(readModelFile(path)).rejects.toThrow(`${path}: checksum mismatch: the file is damaged`);
    await expect(readEmbeddings(path)).rejects.toBeInstanceOf(VectorsError);
  });

  it("a changed byte in the header (still valid JSON) is a checksum mismatch", async () => {
    const { path, bytes } = await written("header.neglab");
    const at = bytes.indexOf("queen");
    const damaged = Buffer.from(bytes);
    damaged.write("queer", at, "latin1");
    writeFileSync(path, damaged);
    await expect(readModelFile(path)).rejects.toThrow(`${path}: checksum mismatch: the file is damaged`);
  });

  it("a damaged trailer is a checksum mismatch; a damaged header length names both problems", async () => {
    const { path, bytes } = await written("trailer.neglab");
    const damaged = Buffer.from(bytes);
    damaged[bytes.length - 1] ^= 0xff;
    writeFileSync(path, damaged);
    await expect(readModelFile(path)).rejects.toThrow(`${path}: checksum mismatch: the file is damaged`);
    const length = Buffer.from(bytes);
    length.writeUInt32LE(length.readUInt32LE(12) + 8, 12);
    writeFileSync(path, length);
    await expect(readModelFile(path)).rejects.toThrow(
      new RegExp(`^${path}: checksum mismatch: the file is damaged \\(.+\\)$`),
    );
  });
});

describe("NaN and ±Infinity are refused in model files", () => {
  it("names the file, the matrix, the word and the value", async () => {
    const input = randomVectors(4, 3, 1);
    input[4] = Number.NaN; // "queen", value 2
    const { path } = await written("nan.neglab", { ...model, matrices: { ...model.matrices, input } });
    await expect(readModelFile(path)).rejects.toThrow(`${path}: matrix "input": value 2 of word "queen" is NaN`);
    await expect(readEmbeddings(path)).rejects.toThrow(`${path}: matrix "input": value 2 of word "queen" is NaN`);
  });

  it("in any matrix; rows that are not words are named by number", async () => {
    const data = randomVectors(3, 3, 3);
    data[8] = -Infinity;
    const { path } = await written("inf.neglab", {
      ...model,
      matrices: { ...model.matrices, outputHs: { rows: 3, cols: 3, data } },
    });
    await expect(readModelFile(path)).rejects.toThrow(`${path}: matrix "outputHs": value 3 of row 3 is -Infinity`);
  });
});

describe("version-1 files (no checksum) still load", () => {
  it("with the same contents, and the NaN/Inf check", async () => {
    const { bytes } = await written("v2.neglab");
    const path = join(dir, "v1.neglab");
    writeFileSync(path, asVersion1(bytes));
    const back = await readModelFile(path);
    expect(back.words).toEqual(model.words);
    expect(Array.from(back.matrices.input.data)).toEqual(Array.from(randomVectors(4, 3, 1)));
    const input = randomVectors(4, 3, 1);
    input[0] = Number.POSITIVE_INFINITY;
    const { bytes: infBytes } = await written("v2-inf.neglab", { ...model, matrices: { ...model.matrices, input } });
    writeFileSync(path, asVersion1(infBytes));
    await expect(readModelFile(path)).rejects.toThrow(`${path}: matrix "input": value 1 of word "king" is Infinity`);
  });
});

describe("NaN and ±Infinity are refused in word2vec files, naming file, word and line", () => {
  it("text (with the line) and binary (with the vector number)", async () => {
    const text = join(dir, "inf.txt");
    writeFileSync(text, "2 2\nking 0.5 1\nqueen inf 2\n");
    await expect(readEmbeddings(text)).rejects.toThrow(`${text}:3: vector #2: value 1 of "queen" is Infinity`);
    const bin = join(dir, "nan.bin");
    writeFileSync(
      bin,
      Buffer.concat([
        Buffer.from("1 2\nking "),
        Buffer.from(new Float32Array([Number.NaN, 1]).buffer),
        Buffer.from("\n"),
      ]),
    );
    await expect(readEmbeddings(bin)).rejects.toThrow(`${bin}: vector #1: value 1 of "king" is NaN`);
  });
});
