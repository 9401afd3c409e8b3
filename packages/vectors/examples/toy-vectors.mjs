import { Embeddings, writeWord2Vec, readEmbeddings } from "@neglab/vectors";

const words = ["king", "queen", "man", "woman", "apple"];
const dim = 3;
const vectors = new Float32Array([
  0.9, 0.8, 0.1,   0.9, 0.1, 0.8,   0.2, 0.9, 0.1,   0.2, 0.1, 0.9,   -0.5, 0.1, 0.1,
]);
await writeWord2Vec("toy.vec.gz", new Embeddings(words, vectors, dim));

const emb = await readEmbeddings("toy.vec.gz");
console.log(emb.mostSimilar({ positive: ["king", "woman"], negative: ["man"], topn: 1 })); // [{ word: "queen", score: … }]
console.log(emb.similarity("king", "queen"), emb.doesntMatch(["king", "queen", "apple"])); // … "apple"
