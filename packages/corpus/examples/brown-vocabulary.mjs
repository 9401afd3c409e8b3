import { brownCorpus, buildVocabulary, encodeCorpus, keepProbabilities } from "@neglab/corpus";

const corpus = await brownCorpus({ categories: ["news"] });  // or: await openCorpus("corpus.txt.gz")
const { vocabulary, stats } = await buildVocabulary(corpus, { minCount: 5 });
console.log(stats);                                        // { sentences: 4623, tokens: 100554, retainedTypes: 2623, … }
console.log(vocabulary.words.slice(0, 3), vocabulary.count("the"));   // [ 'the', ',', '.' ] 5580

const keep = keepProbabilities(vocabulary, 1e-3);          // subsampling keep probability per word id
console.log(keep[vocabulary.id("the")].toFixed(3));        // 0.136: "the" is mostly dropped
const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
console.log(encoded.ids.length, encoded.sentences);        // 82268 4583: word ids + sentence starts, in a SharedArrayBuffer
