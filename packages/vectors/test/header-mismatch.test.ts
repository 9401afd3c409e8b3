// Issue #19, defect 9: a text file whose lines disagree with its header was silently re-read as binary.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Embeddings, readEmbeddings, readWord2Vec, VectorsError, writeWord2Vec } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-mismatch-"));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("text files that disagree with their header are errors, never re-read as binary", () => {
  // [file, content, line named, message]
  const cases: [string, string, number, string][] = [
    [
      "fewer-values.txt",
      "2 3\nking 0.1 0.2\nqueen 0.3 0.4\n",
      2,
      "expected 3 values after the word (the header's dimension), found 2",
    ],
    [
      "more-values.txt",
      "2 3\nking 0.1 0.2 0.3 0.4\nqueen 0.1 0.2 0.3 0.4\n",
      2,
      "expected 3 values after the word (the header's dimension), found 4",
    ],
    [
      "later-line.txt",
      "3 2\nking 0.1 0.2\nqueen 0.3\nman 0.5 0.6\n",
      3,
      "expected 2 values after the word (the header's dimension), found 1",
    ],
    [
      "one-value.txt",
      "2 5\nking 0.1\nqueen 0.3\n",
      2,
      "expected 5 values after the word (the header's dimension), found 1",
    ],
    [
      "more-lines.txt",
      "2 2\nking 0.1 0.2\nqueen 0.3 0.4\nman 0.5 0.6\n",
      4,
      "more lines than the 2 vectors the header announces",
    ],
    ["fewer-lines.txt", "3 2\nking 0.1 0.2\nqueen 0.3 0.4\n", 4, "unexpected end of file after 2 of 3 vectors"],
  ];
  for (const [name, content, line, message] of cases) {
    it(`${name} (format detected, plain and gzipped)`, async () => {
      const plain = file(name, content);
      await expect(readWord2Vec(plain)).rejects.toThrow(`${plain}:${line}: ${message}`);
      const gzipped = file(`${name}.gz`, gzipSync(content));
      await expect(readEmbeddings(gzipped)).rejects.toThrow(`${gzipped}:${line}: ${message}`);
      await expect(readEmbeddings(gzipped)).rejects.toBeInstanceOf(VectorsError);
    });
  }

  it("trailing blank lines are fine; extra lines beyond `limit` are not read", async () => {
    expect((await readWord2Vec(file("blank-end.txt", "1 2\nking 0.1 0.2\n\n  \n"))).words).toEqual(["king"]);
    expect(
      (await readWord2Vec(file("limited.txt", "2 2\nking 0.1 0.2\nqueen 0.3 0.4\nman 0.5 0.6\n"), { limit: 1 })).words,
    ).toEqual(["king"]);
  });

  it("a binary file with records beyond its header's count is an error naming the count", async () => {
    const path = join(dir, "extra.bin");
    await writeWord2Vec(path, new Embeddings(["a", "b"], new Float32Array([0.5, -1, 2, 3]), 2), { binary: true });
    const header = Buffer.from("1 2\n");
    const whole = readFileSync(path);
    const lying = Buffer.concat([header, whole.subarray(whole.indexOf(0x0a) + 1)]);
    await expect(readWord2Vec(file("extra.bin", lying))).rejects.toThrow(
      /extra\.bin: bytes left after the 1 vector the header announces/,
    );
  });

  it("binary files are still detected, whatever their first float bytes", async () => {
    for (const [dim, values] of [
      [1, [1]],
      [2, [0.5, -0.25]],
      [4, [1e-3, 2e3, -7, 0]],
    ] as const) {
      const emb = new Embeddings(["x", "yz"], Float32Array.from([...values, ...values.map((v) => v / 2)]), dim);
      const path = join(dir, `detect-${dim}.bin`);
      await writeWord2Vec(path, emb, { binary: true });
      const back = await readWord2Vec(path);
      expect(back.words).toEqual(["x", "yz"]);
      expect(Array.from(back.vectors)).toEqual(Array.from(emb.vectors));
    }
  });

  it("the header must be two plain decimal integers", async () => {
    await expect(readWord2Vec(file("hex.txt", "0x1 2\nking 0.1 0.2\n"))).rejects.toThrow(
      /hex\.txt:1: bad header "0x1 2"/,
    );
    await expect(readWord2Vec(file("exp.txt", "1 2e0\nking 0.1 0.2\n"))).rejects.toThrow(
      /exp\.txt:1: bad header "1 2e0"/,
    );
  });
});
