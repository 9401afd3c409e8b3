/**
 * @neglab/corpus/encoded-file — the encoded corpus file block by block, for
 * trainers that read it in worker threads and for tools that write one
 * sentence at a time: the writer ({@link createEncodedFileWriter}), opening
 * and checking a file ({@link openEncodedCorpus}), synchronous positional
 * reads of one block ({@link readEncodedBlock} into a buffer of
 * {@link blockBufferLength} int32s), and the one chunking rule of the file and
 * of in-memory encodings ({@link BLOCK_WORDS} words, {@link sentenceBlocks}).
 */
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
} from "./encoded-file-format.js";
