// One training run of @neglab/trainer in its own process, so the bench can read
// its peak memory. Prints one JSON line: training seconds, words/s, peak RSS.
// `encoding` "file" trains from the encoded corpus file (written to a temporary
// directory, removed after) instead of the in-memory encoding.
//   node bench/train-once.mjs '<json: { corpus, settings, output?, encoding? }>'
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildVocabulary, encodeCorpus, encodeCorpusToFile, openCorpus } from "@neglab/corpus";
import { saveWord2Vec, train } from "../dist/index.js";

const { corpus: path, settings, output, encoding = "memory" } = JSON.parse(process.argv[2]);
const corpus = await openCorpus(path);
const { vocabulary } = await buildVocabulary(corpus, { minCount: settings.minCount ?? 5 });
const work = encoding === "file" ? mkdtempSync(join(tmpdir(), "neglab-train-once-")) : null;
const encoded = work === null ? await encodeCorpus(corpus, vocabulary, { shared: true }) : await encodeCorpusToFile(corpus, vocabulary, join(work, "corpus.encoded"));
const model = await train({ vocabulary, encoded, ...settings });
if (work !== null) rmSync(work, { recursive: true, force: true });
if (output) await saveWord2Vec(model, output);
const { trainSeconds, wordsPerSecond } = model.stats;
console.log(JSON.stringify({ seconds: trainSeconds, wordsPerSecond, peakKiB: process.resourceUsage().maxRSS, loss: model.epochs.map((e) => e.lossPerWord) }));
