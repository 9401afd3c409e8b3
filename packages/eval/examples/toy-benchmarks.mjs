import { writeFile } from "node:fs/promises";
import { Embeddings } from "@neglab/vectors";
import { evaluateAnalogies, evaluateWordPairs, getDataset } from "@neglab/eval";
import { accuracyCI } from "@neglab/eval/stats";

// Toy vectors along four directions: royal, male, female, plural (any Embeddings or readEmbeddings(file) works).
const rows = {
  king: [1, 1, 0, 0], queen: [1, 0, 1, 0], man: [0, 1, 0, 0], woman: [0, 0, 1, 0],
  kings: [1, 1, 0, 1], queens: [1, 0, 1, 1], men: [0, 1, 0, 1], women: [0, 0, 1, 1], apple: [0, 0, 0, 0],
};
const words = Object.keys(rows);
const emb = new Embeddings(words, new Float32Array(words.flatMap((w) => [...rows[w], 0.2])), 5);

// Benchmark files in the formats of questions-words.txt and WordSim-353 (the registry's datasets, for real runs).
await writeFile("analogies.txt", [
  ": family", "king queen man woman", "man woman king queen", "men women kings queens",
  ": gram-plural", "king kings man men", "queen queens woman women", "man men apple apples",
].join("\n") + "\n");
await writeFile("pairs.tsv", "# word1\tword2\tscore\nking\tqueen\t6\nking\tman\t7\nman\twoman\t1\nking\tapple\t2\nqueen\tcrown\t8\n");

const analogy = await evaluateAnalogies(emb, "analogies.txt", { semanticSections: 1 });
for (const s of analogy.sections) console.log(s.name, `${s.correct}/${s.total} of ${s.questions}`); // family 3/3 of 3 …
console.log("total", analogy.total.accuracy, "oov", analogy.oov);                                   // the apples question is skipped
const ci = accuracyCI(analogy.outcomes.filter((o) => o.status !== "skipped").map((o) => o.status === "correct"), { seed: 42 });
console.log(`accuracy ${ci.estimate} [${ci.lower}, ${ci.upper}]`);

const ws = await evaluateWordPairs(emb, "pairs.tsv");
console.log("spearman", ws.spearman.r.toFixed(3), "pearson", ws.pearson.r.toFixed(3), `${ws.oovPercent}% OOV`); // 1.000 … 20% OOV

const google = getDataset("questions-words");
console.log(google.title, google.items, "questions,", google.licence);
