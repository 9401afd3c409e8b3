import { buildVocabulary, encodeCorpus, openCorpus } from "@neglab/corpus";
import { train } from "../dist/index.js";
const corpus = await openCorpus("/work/shared/data/corpora/brown.txt", { normalize: { lowercase: true, punctuation: "drop" } });
const { vocabulary } = await buildVocabulary(corpus, { minCount: 5 });
const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
const arch = process.argv[2] ?? "skipgram";
const variants = JSON.parse(process.argv[3] ?? '[{"workers":1},{"workers":2}]');
const rounds = Number(process.argv[4] ?? 3);
const res = variants.map(() => []);
for (let r = 0; r < rounds; r++) for (const [i, v] of variants.entries()) {
  const m = await train({ vocabulary, encoded, architecture: arch, epochs: 2, seed: r + 1, ...v });
  res[i].push(m.stats.wordsPerSecond);
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
variants.forEach((v, i) => console.log(JSON.stringify(v), (med(res[i]) / 1e3).toFixed(0) + "k", "ratio to first", med(res[i].map((x, r) => x / res[0][r])).toFixed(2), res[i].map((x) => (x / 1e3).toFixed(0)).join(" ")));
