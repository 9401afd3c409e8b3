/**
 * @neglab/corpus — corpora and vocabularies for NegLab.
 *
 * Reading: {@link openCorpus} (text, .gz, directories), {@link brownCorpus} (embedded default).
 * Vocabulary: {@link buildVocabulary}, {@link Vocabulary}, {@link writeVocabulary} / {@link readVocabulary}.
 * Training inputs: {@link keepProbabilities} (subsampling), {@link encodeCorpus} (in memory),
 * {@link writeEncodedCorpus} / {@link countAndWriteEncodedCorpus} (on disk), {@link prepareEncodedCorpus} (cached).
 *
 * Reading and writing the encoded corpus file block by block is the subpath `@neglab/corpus/encoded-file`.
 */
export { CorpusError } from "./errors.js";
export { Vocabulary } from "./vocabulary.js";
export { PUNCTUATION_MODES, type NormalizeOptions, type PunctuationMode } from "./normalize.js";
export {
  openCorpus,
  brownCorpus,
  corpusDigest,
  type Corpus,
  type CorpusDescription,
  type CorpusOptions,
} from "./corpus.js";
export {
  buildVocabulary,
  type VocabularyOptions,
  type VocabularyBuild,
  type CorpusStats,
  type CountProgress,
} from "./vocabulary-builder.js";
export { writeVocabulary, readVocabulary } from "./vocabulary-file.js";
export { keepProbabilities, expectedRetainedTokens } from "./subsampling.js";
export { prepareEncodedCorpus, type PrepareOptions, type PreparedCorpus } from "./corpus-cache.js";
export {
  encodeCorpus,
  writeEncodedCorpus,
  countAndWriteEncodedCorpus,
  type EncodedCorpus,
  type EncodeOptions,
} from "./encode.js";
export type { EncodedCorpusFile } from "./encoded-file-format.js";
