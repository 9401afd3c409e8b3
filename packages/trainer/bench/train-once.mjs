// One training run of @neglab/trainer in its own process, so the bench can read
// its peak memory. Prints one JSON line: the corpus's tokens, the words kept, the
// seconds to prepare the corpus (count the vocabulary and encode), training
// seconds, words trained (corpus tokens × epochs), words/s, peak RSS.
// `encoding` "file" prepares the corpus as `train` does for a path (counted and
// encoded in one pass into a file in a temporary directory, removed after)
// instead of the in-memory encoding.
//   node bench/train-once.mjs '<json: { corpus, settings, output?, encoding? }>'
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildVocabulary, countAndWriteEncodedCorpus, encodeCorpus, openCorpus } from "@neglab/corpus";
import { writeTrainedWord2Vec, train } from "../dist/index.js";

/**
 * The corpus at `path` made ready for `train`: its vocabulary counted (words
 * below `minCount` dropped) and its tokens encoded as ids, into shared memory
 * or into a file under `work`. The one place the benches prepare a corpus,
 * timed by bench:scale as "counting + encoding" beside gensim's `build_vocab`.
 */
async function prepareCorpus(path, minCount, work) {
  const corpus = await openCorpus(path);
  if (work !== null) {
    const { vocabulary, stats, encoded } = await countAndWriteEncodedCorpus(join(work, "corpus.encoded"), corpus, {
      minCount,
    });
    return { vocabulary, encoded, tokens: stats.tokens };
  }
  const { vocabulary, stats } = await buildVocabulary(corpus, { minCount });
  const encoded = await encodeCorpus(corpus, vocabulary, { shared: true });
  return { vocabulary, encoded, tokens: stats.tokens };
}

const { corpus: path, settings, output, encoding = "memory" } = JSON.parse(process.argv[2]);
const work = encoding === "file" ? mkdtempSync(join(tmpdir(), "neglab-train-once-")) : null;
const started = performance.now();
const { vocabulary, encoded, tokens } = await prepareCorpus(path, settings.minCount ?? 5, work);
const prepareSeconds = (performance.now() - started) / 1000;
const model = await train({ vocabulary, encoded, ...settings });
if (work !== null) rmSync(work, { recursive: true, force: true });
if (output) await writeTrainedWord2Vec(output, model);
const { trainSeconds, wordsPerSecond, corpusWords } = model.stats;
console.log(
  JSON.stringify({
    tokens,
    retained: vocabulary.size,
    prepareSeconds,
    seconds: trainSeconds,
    wordsTrained: corpusWords * model.epochs.length,
    wordsPerSecond,
    // maxRSS covers the whole process, worker threads included (they share its address space)
    peakKiB: process.resourceUsage().maxRSS,
    loss: model.epochs.map((e) => e.lossPerWord),
  }),
);
