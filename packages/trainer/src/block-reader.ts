import { closeSync } from "node:fs";
import {
  blockBufferLength,
  openEncodedFd,
  readEncodedBlock,
  type EncodedBlock,
  type SentenceBlocks,
} from "@neglab/corpus/encoded-file";
import { type EncodedCorpusFile } from "@neglab/corpus";
import type { BlockSource } from "./training-corpus.js";

/**
 * How a worker gets the sentences of the block it claimed, the same for both
 * sources so that there is one training loop: the block's sentence lengths and
 * its ids, sentence after sentence (views valid until the next `read`).
 */
export interface BlockReader {
  read(block: number): EncodedBlock;
  /** Releases what reading holds (the file's descriptor); the next `read` takes it again. */
  close(): void;
}

/** A {@link BlockReader} over `source`, whose blocks are `blocks`. */
export function createBlockReader(source: BlockSource, blocks: SentenceBlocks): BlockReader {
  return source.kind === "memory" ? memoryReader(source.ids, source.sentenceStarts, blocks) : fileReader(source.file);
}

/** Views of the shared arrays; the lengths go into one buffer sized for the block with the most sentences. */
function memoryReader(ids: Int32Array, sentenceStarts: Int32Array, blocks: SentenceBlocks): BlockReader {
  let most = 0;
  for (const count of blocks.sentences) most = Math.max(most, count);
  const lengths = new Int32Array(most);
  return {
    read(block) {
      const first = blocks.firstSentence[block];
      const count = blocks.sentences[block];
      for (let i = 0; i < count; i++) lengths[i] = sentenceStarts[first + i + 1] - sentenceStarts[first + i];
      return {
        lengths: lengths.subarray(0, count),
        ids: ids.subarray(sentenceStarts[first], sentenceStarts[first + count]),
      };
    },
    close() {},
  };
}

/**
 * Positional reads of the file on this worker's own descriptor, opened at the
 * first read and closed by `close` (the worker closes it at the end of each
 * epoch's work), into one buffer sized for the largest block. Every block read
 * is checked (ids within the vocabulary, lengths adding up): a damaged file
 * stops training with the corpus package's error naming the file and block.
 */
function fileReader(file: EncodedCorpusFile): BlockReader {
  const buffer = new Int32Array(blockBufferLength(file));
  let fd = -1;
  return {
    read(block) {
      if (fd < 0) fd = openEncodedFd(file);
      return readEncodedBlock(fd, file, block, buffer);
    },
    close() {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}
