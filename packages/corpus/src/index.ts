/**
 * @neglab/corpus — corpora and vocabularies for NegLab.
 *
 * Reading: {@link openCorpus} (text, .gz, directories), {@link brownCorpus} (embedded default).
 * Tokenising: {@link splitWhitespace} (gensim's `LineSentence`), {@link createNormalizer}.
 * Vocabulary: {@link buildVocabulary}, {@link Vocabulary}, {@link saveVocabulary} / {@link loadVocabulary}.
 * Training inputs: {@link keepProbabilities} (subsampling), {@link encodeCorpus} (in memory),
 * {@link encodeCorpusToFile} / {@link openEncodedCorpus} / {@link readEncodedBlock} (on disk, read in blocks).
 */
export { CorpusError } from "./errors.js";
export { Vocabulary } from "./vocabulary.js";
export { PYTHON_WHITESPACE, MAX_SENTENCE_LENGTH, splitWhitespace } from "./tokenize.js";
export { createNormalizer, PUNCTUATION_MODES, type NormalizeOptions, type Normalizer, type PunctuationMode } from "./normalize.js";
export { sentenceBatches, type SentenceStreamOptions } from "./sentence-stream.js";
export { scanTokens, type TokenSink, type ScanOptions } from "./token-scanner.js";
export { fileBytes } from "./byte-sources.js";
export {
  openCorpus,
  brownCorpus,
  corpusDigest,
  type Corpus,
  type CorpusDescription,
  type CorpusOptions,
} from "./corpus.js";
export { brownDirectory, brownSamples, brownFiles, type BrownSample } from "./brown.js";
export {
  buildVocabulary,
  type VocabularyOptions,
  type VocabularyBuild,
  type CorpusStats,
  type CountProgress,
} from "./vocabulary-builder.js";
export { saveVocabulary, loadVocabulary } from "./vocabulary-file.js";
export { keepProbabilities, expectedRetainedTokens } from "./subsampling.js";
export { prepareEncodedCorpus, type PrepareOptions, type PreparedCorpus } from "./corpus-cache.js";
export { encodeCorpus, encodeCorpusToFile, countAndEncodeToFile, type EncodedCorpus, type EncodeOptions } from "./encode.js";
export { BLOCK_WORDS, BlockTableBuilder, sentenceBlocks, type SentenceBlocks } from "./encoded-blocks.js";
export {
  ENCODED_FILE_VERSION,
  createEncodedFileWriter,
  openEncodedCorpus,
  openEncodedFd,
  readEncodedBlock,
  blockBufferLength,
  type EncodedCorpusFile,
  type EncodedFileBlocks,
  type EncodedFileWriter,
  type EncodedBlock,
} from "./encoded-file.js";
