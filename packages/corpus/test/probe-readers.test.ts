import { fifoWithoutWriter, type FifoWithoutWriter } from "@neglab/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { CorpusError, readVocabulary, openCorpus } from "../src/index.js";

/** Probe finding: a FIFO given as an input must be refused, not opened (which hangs beyond Ctrl-C). */

const PROMPT_MS = 3000;
let fifo: FifoWithoutWriter | undefined;
afterEach(() => fifo?.release());

describe("a vocabulary file that is not a regular file", () => {
  it(
    "readVocabulary refuses a FIFO without a writer promptly, naming it",
    async () => {
      fifo = fifoWithoutWriter("vocab.fifo");
      await expect(readVocabulary(fifo.path)).rejects.toThrow(
        new CorpusError("not a regular file (a FIFO)", { file: fifo.path }),
      );
    },
    PROMPT_MS,
  );
});

describe("a corpus that is not a regular file", () => {
  it(
    "openCorpus refuses a FIFO without a writer at once, naming the kind of file",
    async () => {
      fifo = fifoWithoutWriter("corpus.fifo");
      await expect(openCorpus(fifo.path)).rejects.toThrow(
        new CorpusError("not a regular file (a FIFO)", { file: fifo.path }),
      );
    },
    PROMPT_MS,
  );
});
