import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Embeddings, writeWord2Vec } from "../src/index.js";
import { gensimAvailable, randomVectors, runPython } from "./python.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-queries-"));

/** 2,000 words, 20 dims, with a planted analogy: king − man + woman = queen. */
function planted(): Embeddings {
  const n = 2000;
  const dim = 20;
  const words = Array.from({ length: n }, (_, i) => `w${i}`);
  const v = randomVectors(n, dim, 11);
  const named = ["man", "woman", "king", "queen", "apple"];
  named.forEach((w, i) => (words[100 + i] = w));
  const row = (i: number) => v.subarray((100 + i) * dim, (101 + i) * dim);
  for (let d = 0; d < dim; d++) row(3)[d] = row(2)[d] - row(0)[d] + row(1)[d];
  return new Embeddings(words, v, dim);
}

describe("queries", () => {
  const emb = planted();
  it("mostSimilar solves a planted analogy and never returns the query words", () => {
    const top = emb.mostSimilar({ positive: ["king", "woman"], negative: ["man"], topn: 3 });
    expect(top[0].word).toBe("queen");
    expect(top.map((n) => n.word)).not.toContain("king");
    expect(emb.mostSimilarCosmul({ positive: ["king", "woman"], negative: ["man"], topn: 1 })[0].word).toBe("queen");
    expect(emb.mostSimilar({ positive: ["king"], topn: 0 })).toEqual([]);
    expect(emb.mostSimilar({ positive: ["king"], restrictVocab: 50 }).every((n) => emb.indexOf(n.word) < 50)).toBe(
      true,
    );
    expect(() => emb.mostSimilar({ positive: ["nope"] })).toThrow(/"nope" not in vocabulary/);
  });

  it("norms and unit vectors: a unit row has norm 1 within float32 error", () => {
    const unit = emb.unitVector("queen");
    expect(Math.hypot(...unit)).toBeCloseTo(1, 6);
    expect(emb.similarity("queen", "queen")).toBeCloseTo(1, 6);
  });
});

describe.skipIf(!gensimAvailable())("queries match gensim 4", () => {
  const emb = planted();
  const path = join(dir, "planted.txt");
  const queries = [
    { positive: ["king", "woman"], negative: ["man"], topn: 10 },
    { positive: ["w5"], negative: [], topn: 7 },
    { positive: ["w5", "w9", "apple"], negative: ["w77", "w1"], topn: 12 },
    { positive: ["queen"], negative: ["w3"], topn: 5, restrictVocab: 300 },
  ];
  const pairs = [
    ["king", "queen"],
    ["w1", "w2"],
    ["apple", "w1999"],
    ["man", "man"],
  ];
  const oddOneOut = [
    ["king", "queen", "woman", "apple"],
    ["w1", "w2", "w3", "nope", "w4"],
  ];
  const code = `
import sys, json, numpy as np
from gensim.models import KeyedVectors
a = json.load(sys.stdin)
kv = KeyedVectors.load_word2vec_format(a["path"])
kv.fill_norms()
out = {"norms": [float(x) for x in kv.norms], "unit": [float(x) for x in kv.get_normed_vectors().ravel()]}
out["add"] = [kv.most_similar(positive=q["positive"], negative=q["negative"], topn=q["topn"], restrict_vocab=q.get("restrictVocab")) for q in a["queries"]]
out["mul"] = [kv.most_similar_cosmul(positive=q["positive"], negative=q["negative"], topn=q["topn"]) for q in a["queries"] if "restrictVocab" not in q]
out["sim"] = [float(kv.similarity(x, y)) for x, y in a["pairs"]]
out["odd"] = [kv.doesnt_match(ws) for ws in a["odd"]]
print(json.dumps(out))`;

  it("norms and unit vectors are bit-identical; neighbours, scores, similarity and doesnt_match agree", async () => {
    await writeWord2Vec(path, emb);
    const g = runPython<{
      norms: number[];
      unit: number[];
      add: [string, number][][];
      mul: [string, number][][];
      sim: number[];
      odd: string[];
    }>(code, { path, queries, pairs, odd: oddOneOut });
    expect(Array.from(emb.norms())).toEqual(g.norms);
    expect(Array.from(emb.normalized())).toEqual(g.unit);
    queries.forEach((q, i) => {
      const ours = emb.mostSimilar(q);
      expect(ours.map((n) => n.word)).toEqual(g.add[i].map(([w]) => w));
      ours.forEach((n, j) => expect(n.score).toBeCloseTo(g.add[i][j][1], 6));
    });
    queries
      .filter((q) => q.restrictVocab === undefined)
      .forEach((q, i) => {
        const ours = emb.mostSimilarCosmul(q);
        expect(ours.map((n) => n.word)).toEqual(g.mul[i].map(([w]) => w));
        ours.forEach((n, j) => expect(n.score).toBeCloseTo(g.mul[i][j][1], 5));
      });
    pairs.forEach(([a, b], i) => expect(Math.abs(emb.similarity(a, b) - g.sim[i])).toBeLessThanOrEqual(2 ** -23));
    oddOneOut.forEach((ws, i) => expect(emb.doesntMatch(ws)).toBe(g.odd[i]));
  });
});
