import { writeFile } from "node:fs/promises";
import { train, writeTrainedWord2Vec, writeTrainedModel, readTrainedModel, wordVector } from "@neglab/trainer";

// A small corpus, one sentence per line: two topics whose words only meet their own kind.
const topics = [
  ["king", "queen", "crown", "throne", "royal", "palace", "prince", "court"],
  ["apple", "pear", "fruit", "tree", "orchard", "juice", "ripe", "harvest"],
];
const lines = [];
for (let i = 0; i < 4000; i++) {
  const words = topics[i % 2];
  lines.push(Array.from({ length: 10 }, (_, j) => words[(i * 5 + j * 3 + (i >> 1) * j) % words.length]).join(" "));
}
await writeFile("corpus.txt", `${lines.join("\n")}\n`);

const model = await train({
  corpus: "corpus.txt",                              // a text file or directory, "brown", or a Corpus
  architecture: "skipgram",
  sampler: { type: "unigram", alpha: 0.75 },         // any @neglab/samplers spec, or { type: "module:./my-sampler.js" }
  vectorSize: 20,
  minCount: 1,
  epochs: 5,
  workers: 2,
  seed: 1,
  onEpochEnd: (e) => console.log(`epoch ${e.epoch + 1}: loss/word ${e.lossPerWord.toFixed(3)}`),
});
await writeTrainedWord2Vec("vectors.txt", model);    // gensim: KeyedVectors.load_word2vec_format("vectors.txt")
await writeTrainedWord2Vec("vectors.bin", model, { binary: true });
await writeTrainedModel("model.neglab", model);

const cosine = (a, b) => {
  const [x, y] = [wordVector(model, a), wordVector(model, b)];
  let dot = 0, xx = 0, yy = 0;
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i];
    xx += x[i] * x[i];
    yy += y[i] * y[i];
  }
  return dot / Math.sqrt(xx * yy);
};
console.log("king~queen", cosine("king", "queen").toFixed(2), "king~apple", cosine("king", "apple").toFixed(2));
// king~queen ≈ 0.97, king~apple ≈ 0.1: words of one topic end up close (2 workers vary a little run to run)

// continue training later from the saved model
const more = await train({ corpus: "corpus.txt", initialModel: await readTrainedModel("model.neglab"), epochs: 2 });
console.log(more.epochs.map((e) => e.loss.toFixed(0)));
