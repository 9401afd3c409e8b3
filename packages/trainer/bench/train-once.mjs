// One training run of @neglab/trainer in its own process, so the bench can read
// its peak memory. Prints one JSON line: training seconds, words/s, peak RSS.
//   node bench/train-once.mjs '<json: { corpus, settings, output? }>'
import { buildVocabulary, encodeCorpus, openCorpus } from "@neglab/corpus";
import { saveWord2Vec, train } from "../dist/index.js";

const { corpus: path, settings, output } = JSON.parse(process.argv[2]);
const corpus = await openCorpus(path);
const { vocabulary } = await buildVocabulary(corpus, { minCount: settings.minCount ?? 5 });
const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
const model = await train({ vocabulary, encoded, ...settings });
if (output) await saveWord2Vec(model, output);
const { trainSeconds, wordsPerSecond } = model.stats;
console.log(JSON.stringify({ seconds: trainSeconds, wordsPerSecond, peakKiB: process.resourceUsage().maxRSS, loss: model.epochs.map((e) => e.lossPerWord) }));
