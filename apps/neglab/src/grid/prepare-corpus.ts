import { isAbsolute, join, resolve } from "node:path";
import { openCorpus, prepareEncodedCorpus } from "@neglab/corpus";
import type { Experiment } from "../experiment/definition.js";
import type { PreparedCorpus } from "./run-cell.js";

/** The corpus's path: `brown` as is, `$NEGLAB_DATA/...` with the data directory expanded, relative paths against the experiment file's directory. */
export function corpusPath(experiment: Experiment): string {
  const expanded = experiment.corpus.source.replace(/^\$NEGLAB_DATA/, process.env.NEGLAB_DATA ?? "$NEGLAB_DATA");
  return expanded === "brown" || isAbsolute(expanded) ? expanded : resolve(experiment.baseDir, expanded);
}

/** Where a results directory keeps its corpus cache (see `prepareEncodedCorpus`), shared by the grid's shards. */
export function corpusCacheDir(out: string): string {
  return join(out, "corpus-cache");
}

/**
 * Opens the experiment's corpus (`brown`, or a path relative to the experiment
 * file; `$NEGLAB_DATA/...` expands the data directory), counts its vocabulary
 * with the base `minCount`, `maxVocabSize` and `maxFinalVocab` (gensim's
 * meanings, see the trainer's settings) and encodes it once for every cell,
 * into the corpus cache `cacheDir` (`<out>/corpus-cache`): later runs, `merge`
 * and the other shards of the grid read it back instead of counting and
 * encoding again.
 */
export async function prepareCorpus(
  experiment: Experiment,
  cacheDir: string,
  onProgress: (message: string) => void,
): Promise<PreparedCorpus & { digest: string }> {
  const { lowercase, punctuation } = experiment.corpus;
  const corpus = await openCorpus(corpusPath(experiment), { normalize: { lowercase, punctuation } });
  const setting = (name: string): number | null =>
    typeof experiment.train[name] === "number" ? (experiment.train[name] as number) : null;
  onProgress(`reading ${corpus.name}`);
  const prepared = await prepareEncodedCorpus(
    corpus,
    {
      minCount: setting("minCount") ?? 5,
      maxVocabSize: setting("maxVocabSize"),
      maxFinalVocab: setting("maxFinalVocab"),
      onProgress: (p) => onProgress(`counting ${corpus.name}: ${p.tokens} tokens, ${p.types} types`),
    },
    cacheDir,
  );
  if (!prepared.cached) onProgress(`encoded ${corpus.name} into ${prepared.directory}`);
  return { corpus, vocabulary: prepared.vocabulary, encoded: prepared.encoded, digest: prepared.digest };
}
