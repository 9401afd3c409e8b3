import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { embeddingsFromModel, readEmbeddings, readModelFile, writeModelFile, type NegLabModel } from "../src/index.js";
import { randomVectors } from "./python.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-model-"));
const words = ["a", "b", "c", "d"];
const model: NegLabModel = {
  words,
  counts: [40, 30, 20, 10],
  dim: 3,
  meta: { config: { sg: 1, negative: 5 }, sampler: { name: "unigram", power: 0.75 } },
  matrices: {
    input: randomVectors(4, 3, 1),
    output: { rows: 4, cols: 3, data: randomVectors(4, 3, 2) },
    outputHs: { rows: 3, cols: 3, data: randomVectors(3, 3, 3) },
  },
};

describe("NegLab model file", () => {
  it("round-trips words, counts, meta and every matrix with its shape", async () => {
    const path = join(dir, "m.neglab");
    await writeModelFile(path, model);
    const back = await readModelFile(path);
    expect(back.words).toEqual(words);
    expect(Array.from(back.counts!)).toEqual([40, 30, 20, 10]);
    expect(back.meta).toEqual(model.meta);
    expect(Object.keys(back.matrices)).toEqual(["input", "output", "outputHs"]);
    expect(back.matrices.input).toEqual({ rows: 4, cols: 3, data: model.matrices.input });
    expect(back.matrices.outputHs.rows).toBe(3);
    expect(Array.from(back.matrices.output.data)).toEqual(Array.from(randomVectors(4, 3, 2)));
    const emb = embeddingsFromModel(back);
    expect(emb.vector("c")).toEqual(randomVectors(4, 3, 1).subarray(6, 9));
    expect(Array.from(emb.counts!)).toEqual([40, 30, 20, 10]);
    expect((await readEmbeddings(path)).words).toEqual(words);
    // No temp file is left beside it.
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("rejects truncated, padded and bogus files before allocating", async () => {
    const path = join(dir, "ok.neglab");
    await writeModelFile(path, model);
    const bytes = readFileSync(path);
    const write = (name: string, b: Buffer) => {
      const p = join(dir, name);
      writeFileSync(p, b);
      return p;
    };
    await expect(readModelFile(write("trunc", bytes.subarray(0, bytes.length - 4)))).rejects.toThrow(
      /trunc: checksum mismatch: the file is damaged \(file has \d+ bytes but its header describes \d+: truncated\)/,
    );
    await expect(readModelFile(write("pad", Buffer.concat([bytes, Buffer.alloc(4)])))).rejects.toThrow(
      /trailing garbage/,
    );
    await expect(readModelFile(write("tiny", bytes.subarray(0, 10)))).rejects.toThrow(
      /not a NegLab model file: only 10 bytes/,
    );
    await expect(
      readModelFile(write("magic", Buffer.concat([Buffer.from("XXXXXXXX"), bytes.subarray(8)]))),
    ).rejects.toThrow(/not a NegLab model file/);
    const hugeHeader = Buffer.from(bytes);
    hugeHeader.writeUInt32LE(0xfffffff0, 12);
    await expect(readModelFile(write("hugeheader", hugeHeader))).rejects.toThrow(
      /header length 4294967280 exceeds the file/,
    );
    const version = Buffer.from(bytes);
    version.writeUInt32LE(9, 8);
    await expect(readModelFile(write("version", version))).rejects.toThrow(/version 9 is not supported/);
    // A header that claims a giant matrix: caught by the size check, nothing allocated.
    const headerLength = bytes.readUInt32LE(12);
    const header = bytes
      .subarray(16, 16 + headerLength)
      .toString("utf8")
      .replace('"rows":3,"cols":3', '"rows":300000000,"cols":3');
    const giant = Buffer.concat([
      bytes.subarray(0, 12),
      Buffer.alloc(4),
      Buffer.from(header),
      bytes.subarray(16 + headerLength),
    ]);
    giant.writeUInt32LE(Buffer.byteLength(header), 12);
    await expect(readModelFile(write("giant", giant))).rejects.toThrow(/truncated/);
    const badJson = Buffer.from(bytes);
    badJson.write("#", 16);
    await expect(readModelFile(write("badjson", badJson))).rejects.toThrow(/header is not valid JSON/);
  });

  it("rejects inconsistent models on write and leaves no file", async () => {
    const path = join(dir, "bad.neglab");
    await expect(writeModelFile(path, { ...model, counts: null, words: ["a", "b", "c"] })).rejects.toThrow(
      /"input" is 4 × 3, expected 3 words/,
    );
    await expect(writeModelFile(path, { ...model, words: ["a", "b", "a", "d"] })).rejects.toThrow(/duplicate word "a"/);
    await expect(writeModelFile(path, { ...model, counts: [1, 2] })).rejects.toThrow(
      /counts must be null or one number per word/,
    );
    await expect(writeModelFile(path, { ...model, matrices: { input: new Float32Array(7) } })).rejects.toThrow(
      /not a multiple of dim 3/,
    );
    expect(() => statSync(path)).toThrow();
  });
});
