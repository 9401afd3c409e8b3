import { openCorpus, buildVocabulary } from "@neglab/corpus";
const corpus = await openCorpus(process.argv[2]);
let t = performance.now();
await buildVocabulary(corpus, { minCount: 5 });
console.log("count", ((performance.now() - t) / 1000).toFixed(2));
