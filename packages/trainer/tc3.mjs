import { openCorpus, buildVocabulary, encodeCorpus } from "@neglab/corpus";
const corpus = await openCorpus(process.argv[2]);
let t = performance.now();
const { vocabulary } = await buildVocabulary(corpus, { minCount: 5 });
const c = (performance.now() - t) / 1000;
t = performance.now();
const enc = await encodeCorpus(corpus, vocabulary, { shared: true });
console.log("count", c.toFixed(2), "encode", ((performance.now() - t) / 1000).toFixed(2));
