import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { Embeddings, VectorsError, readWord2Vec, writeWord2Vec } from "../src/index.js";
import { formatFloat32 } from "../src/float32-format.js";
import { gensimAvailable, randomVectors, runPython } from "./python.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-vectors-"));
const words = ["the", "of", "and", "naïve", "東京", "x-y", "U.S."];
const emb = new Embeddings(words, randomVectors(words.length, 5, 7), 5);

describe("word2vec formats round trip", () => {
  for (const [name, binary] of [
    ["text", false],
    ["binary", true],
  ] as const) {
    for (const ext of ["", ".gz"]) {
      it(`${name}${ext}: reads back the same words and float32 values`, async () => {
        const path = join(dir, `rt-${name}.vec${ext}`);
        await writeWord2Vec(path, emb, { binary });
        const back = await readWord2Vec(path);
        expect(back.words).toEqual(words);
        expect(back.dim).toBe(5);
        expect(Array.from(back.vectors)).toEqual(Array.from(emb.vectors));
        const explicit = await readWord2Vec(path, { binary, limit: 3 });
        expect(explicit.words).toEqual(words.slice(0, 3));
        expect(Array.from(explicit.vectors)).toEqual(Array.from(emb.vectors.subarray(0, 15)));
      });
    }
  }

  it("reads word2vec.c text (trailing space, CRLF) and binary with newlines after vectors", async () => {
    const text = join(dir, "c.txt");
    writeFileSync(text, "2 3\r\nfoo 0.5 -1 2e-3 \r\nbar 1.0 2.0 3.0\r\n");
    const t = await readWord2Vec(text);
    expect(t.words).toEqual(["foo", "bar"]);
    expect(Array.from(t.vectors)).toEqual([0.5, -1, Math.fround(2e-3), 1, 2, 3]);
    const bin = join(dir, "c.bin");
    const record = (w: string, v: number[]) =>
      Buffer.concat([Buffer.from(`${w} `), Buffer.from(new Float32Array(v).buffer), Buffer.from("\n")]);
    writeFileSync(bin, Buffer.concat([Buffer.from("2 3\n"), record("foo", [0.5, -1, 2]), record("bar", [1, 2, 3])]));
    const b = await readWord2Vec(bin);
    expect(b.words).toEqual(["foo", "bar"]);
    expect(Array.from(b.vectors)).toEqual([0.5, -1, 2, 1, 2, 3]);
  });

  it("attaches counts from a word2vec.c vocabulary file; a missing word is an error", async () => {
    const path = join(dir, "counted.txt");
    writeFileSync(path, "2 1\nfoo 1\nbar 2\n");
    writeFileSync(join(dir, "counted.vocab"), "foo 10\nbar 7\nbaz 3\n");
    const emb = await readWord2Vec(path, { vocabFile: join(dir, "counted.vocab") });
    expect(Array.from(emb.counts!)).toEqual([10, 7]);
    writeFileSync(join(dir, "partial.vocab"), "foo 10\n");
    await expect(readWord2Vec(path, { vocabFile: join(dir, "partial.vocab") })).rejects.toThrow(
      /partial\.vocab: vocabulary file is incomplete: "bar" is missing/,
    );
    writeFileSync(join(dir, "bad.vocab"), "foo 10\nbar x\n");
    await expect(readWord2Vec(path, { vocabFile: join(dir, "bad.vocab") })).rejects.toThrow(
      /bad\.vocab:2: expected `word count`/,
    );
  });

  it("detects text with short values and binary without being told", async () => {
    const short = new Embeddings(["a", "b", "c"], new Float32Array([0.5, 1, 2, 0, 1, 0.5, 3, 2, 1]), 3);
    for (const binary of [false, true]) {
      const path = join(dir, `short-${binary}.w2v`);
      await writeWord2Vec(path, short, { binary });
      const back = await readWord2Vec(path);
      expect(back.words).toEqual(["a", "b", "c"]);
      expect(Array.from(back.vectors)).toEqual(Array.from(short.vectors));
    }
  });

  it("formats float32 values with the shortest round-tripping decimal", () => {
    expect(formatFloat32(Math.fround(0.1))).toBe("0.1");
    expect(formatFloat32(0.5)).toBe("0.5");
    expect(formatFloat32(-2)).toBe("-2");
    expect(formatFloat32(Math.fround(1e-8))).toBe("1e-8");
    expect(formatFloat32(Math.fround(123456789))).toBe("123456790");
    expect(formatFloat32(Math.fround(3.4028234663852886e38))).toBe("3.4028235e+38");
    // Random bit patterns cover every magnitude: each reads back exactly, with the fewest digits.
    const bits = new Uint32Array(1);
    const float = new Float32Array(bits.buffer);
    let state = 5;
    for (let i = 0; i < 100_000; i++) {
      bits[0] = state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      const x = float[0];
      if (!Number.isFinite(x) || x === 0) continue;
      const text = formatFloat32(x);
      expect(Math.fround(Number(text))).toBe(x);
      let fewest = 1;
      while (Math.fround(Number(x.toPrecision(fewest))) !== x) fewest++;
      expect(
        text.replace(/^-/, "").replace(/e.*$/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "").length,
      ).toBeLessThanOrEqual(fewest);
    }
  });
});

describe("malformed word2vec files are clear errors naming file and line", () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ["empty", "", /empty\.txt:1: empty file/],
    ["bad-header", "3 x\na 1\n", /bad-header\.txt:1: bad header/],
    ["header-words", "hello world\n", /header-words\.txt:1: bad header/],
    [
      "wrong-dim",
      "2 3\na 1 2 3\nb 1 2\n",
      /wrong-dim\.txt:3: expected 3 values after the word \(the header's dimension\), found 2/,
    ],
    ["non-numeric", "1 2\na 1 zz\n", /non-numeric\.txt:2: value 2 "zz" is not a number/],
    ["nan", "2 2\na 1 2\nb nan 2\n", /nan\.txt:3: .*value 1 of "b" is NaN/],
    ["inf", "1 2\na 1 -inf\n", /inf\.txt:2: .*value 2 of "a" is -Infinity/],
    ["duplicate", "3 1\na 1\nb 2\na 3\n", /duplicate\.txt:4: .*duplicate word "a" \(first seen as vector #1\)/],
    ["short", "3 1\na 1\nb 2\n", /short\.txt:4: unexpected end of file after 2 of 3 vectors/],
    ["huge-count", "99999999 100\na 1\n", /huge-count\.txt:1: header claims 99999999 vectors/],
    [
      "double-space",
      "1 2\na 1  2\n",
      /double-space\.txt:2: expected 2 values after the word \(the header's dimension\), found 3/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const path = join(dir, `${name}.txt`);
      writeFileSync(path, content);
      await expect(readWord2Vec(path, { binary: false })).rejects.toThrow(message);
    });
  }

  it("truncated binary names the vector and the missing bytes (plain and gzipped)", async () => {
    const path = join(dir, "trunc.bin");
    await writeWord2Vec(path, emb, { binary: true });
    const bytes = readFileSync(path);
    const cut = bytes.subarray(0, bytes.length - 9);
    writeFileSync(path, cut);
    await expect(readWord2Vec(path, { binary: true })).rejects.toThrow(
      /trunc\.bin: truncated binary file: vector #7 \("U\.S\."\) has 12 of 20 bytes/,
    );
    writeFileSync(`${path}.gz`, gzipSync(cut));
    await expect(readWord2Vec(`${path}.gz`, { binary: true })).rejects.toThrow(/truncated binary file: vector #7/);
  });

  it("binary NaN is rejected", async () => {
    const path = join(dir, "nan.bin");
    writeFileSync(path, Buffer.concat([Buffer.from("1 2\nw "), Buffer.from(new Float32Array([1, Number.NaN]).buffer)]));
    await expect(readWord2Vec(path, { binary: true })).rejects.toThrow(/nan\.bin: vector #1: value 2 of "w" is NaN/);
  });
});

describe.skipIf(!gensimAvailable())("gensim interoperability", () => {
  const read = `
import sys, json
from gensim.models import KeyedVectors
args = json.load(sys.stdin)
out = []
for path, binary in args:
    kv = KeyedVectors.load_word2vec_format(path, binary=binary)
    out.append({"words": kv.index_to_key, "vectors": [float(x) for x in kv.vectors.ravel()]})
print(json.dumps(out))`;

  it("gensim's load_word2vec_format reads our text, binary and gzipped files exactly", async () => {
    const files: [string, boolean][] = [];
    for (const binary of [false, true]) {
      for (const ext of ["", ".gz"]) {
        const path = join(dir, `for-gensim-${binary}.w2v${ext}`);
        await writeWord2Vec(path, emb, { binary });
        files.push([path, binary]);
      }
    }
    const loaded = runPython<{ words: string[]; vectors: number[] }[]>(read, files);
    for (const kv of loaded) {
      expect(kv.words).toEqual(words);
      expect(kv.vectors).toEqual(Array.from(emb.vectors));
    }
  });

  it("we read gensim's save_word2vec_format output exactly", async () => {
    const write = `
import sys, json, numpy as np
from gensim.models import KeyedVectors
a = json.load(sys.stdin)
kv = KeyedVectors(4)
rng = np.random.default_rng(5)
kv.add_vectors(a["words"], rng.standard_normal((len(a["words"]), 4)).astype(np.float32))
kv.save_word2vec_format(a["text"], binary=False)
kv.save_word2vec_format(a["bin"], binary=True)
print(json.dumps([float(x) for x in kv.vectors.ravel()]))`;
    const text = join(dir, "gensim.txt.gz");
    const bin = join(dir, "gensim.bin");
    const expected = runPython<number[]>(write, { words, text, bin });
    for (const path of [text, bin]) {
      const got = await readWord2Vec(path);
      expect(got.words).toEqual(words);
      expect(Array.from(got.vectors)).toEqual(expected);
    }
  });
});

describe("writeWord2Vec to a stream", () => {
  it("writes to a stream exactly what it writes to a file, without ending the stream", async () => {
    const dir = mkdtempSync(join(tmpdir(), "neglab-w2v-stream-"));
    const stream = new PassThrough();
    let out = "";
    stream.on("data", (chunk: Buffer) => (out += chunk.toString()));
    const emb = { words: ["a", "b"], dim: 2, vectors: new Float32Array([1, 0, -0.25, 0.5]) };
    await writeWord2Vec(stream, emb);
    await writeWord2Vec(join(dir, "same.txt"), emb);
    expect(out.split("\n")[0]).toBe("2 2");
    expect(out).toBe(readFileSync(join(dir, "same.txt"), "utf8"));
    expect(stream.writableEnded).toBe(false);
  });

  it("names the path in a VectorsError when the write fails", async () => {
    const path = join(tmpdir(), "neglab-no-such-dir-for-w2v", "v.txt");
    const error = await writeWord2Vec(path, { words: ["a"], dim: 1, vectors: new Float32Array([1]) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(VectorsError);
    expect((error as Error).message).toBe(`${path}: cannot write: its directory does not exist (ENOENT)`);
  });
});
