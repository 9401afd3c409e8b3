import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createEncodedFileWriter, openEncodedCorpus } from "@neglab/corpus/encoded-file";
import { type EncodedCorpus, type EncodedCorpusFile } from "@neglab/corpus";
import { describe, expect, test } from "vitest";
import { scheduleProgress } from "../src/epochs.js";
import { TrainOptionError, TrainingAbortedError, train, type Architecture, type TrainedModel } from "../src/index.js";
import { sentenceAtWords, trainingCorpus } from "../src/training-corpus.js";
import { TEST_SAMPLERS, planted, topicRecovery, trainPlanted } from "./helpers.js";

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "neglab-trainer-encoded-"));
}

/** `encoded`'s sentences written with the file writer. */
async function toFile(encoded: EncodedCorpus, vocabularySize: number, path: string): Promise<EncodedCorpusFile> {
  const writer = await createEncodedFileWriter(path, { vocabularySize });
  for (let s = 0; s < encoded.sentences; s++) {
    const sentence = encoded.ids.subarray(encoded.sentenceStarts[s], encoded.sentenceStarts[s + 1]);
    writer.addSentence(sentence, sentence.length);
  }
  return writer.finish({ rawTokens: encoded.rawTokens, rawSentences: encoded.rawSentences });
}

const identical = (a: Float32Array | null, b: Float32Array | null): boolean =>
  Buffer.from(a!.buffer).equals(Buffer.from(b!.buffer));

describe("training from the encoded corpus file", () => {
  test.each<Architecture>(["skipgram", "cbow"])(
    "%s: one worker gives bit-identical vectors from the file and from memory",
    async (architecture) => {
      const file = await toFile(planted.encoded, planted.vocabulary.size, join(tempDir(), "planted.enc"));
      expect(file.blocks.words.length).toBeGreaterThan(3); // several blocks, claimed one after the other
      const settings = { architecture, sample: 1e-2, seed: 11, epochs: 2 } as const;
      const memory = await trainPlanted(settings);
      const fromFile = await trainPlanted({ ...settings, encoded: file });
      expect(identical(fromFile.vectors, memory.vectors)).toBe(true);
      expect(identical(fromFile.outputVectors, memory.outputVectors)).toBe(true);
      expect(fromFile.epochs.map((e) => e.loss)).toEqual(memory.epochs.map((e) => e.loss));
      expect(fromFile.stats.epochWords).toBe(planted.encoded.tokens);
      expect(fromFile.stats.corpusWords).toBe(planted.encoded.rawTokens);
    },
  );

  test("two workers from the file train and score like memory on the planted corpus", async () => {
    const file = await toFile(planted.encoded, planted.vocabulary.size, join(tempDir(), "planted.enc"));
    const memory = await trainPlanted({ architecture: "cbow", workers: 2 });
    const fromFile = await trainPlanted({ architecture: "cbow", workers: 2, encoded: file });
    // two Hogwild workers interleave differently from run to run: the same floors as the in-memory tests, not equality
    for (const recovery of [topicRecovery(memory), topicRecovery(fromFile)]) {
      expect(recovery.nearestSameTopic).toBe(1);
      expect(recovery.within - recovery.across).toBeGreaterThan(0.3);
    }
    // every word is trained once per epoch whichever worker reads its block
    expect(fromFile.epochs[0].trainedWords).toBe(planted.encoded.tokens);
    for (let e = 1; e < 5; e++)
      expect(Math.abs(fromFile.epochs[e].loss / memory.epochs[e].loss - 1)).toBeLessThan(0.03);
  });

  test("a damaged block stops training with an error naming the file and the block; wrong inputs are refused", async () => {
    const path = join(tempDir(), "planted.enc");
    const file = await toFile(planted.encoded, planted.vocabulary.size, path);
    const bytes = readFileSync(path);
    bytes.writeInt32LE(planted.vocabulary.size, file.blocks.offset[2] + 4 * (file.blocks.sentences[2] + 5)); // word 5 of block 2
    writeFileSync(path, bytes);
    const damaged = await openEncodedCorpus(path); // the table is intact: found only when the block is read
    const size = planted.vocabulary.size;
    await expect(trainPlanted({ encoded: damaged, epochs: 1 })).rejects.toThrow(
      `${path}: block 2: id ${size} at word 5 is outside the vocabulary [0, ${size})`,
    );
    await expect(trainPlanted({ encoded: { ...planted.encoded, tokens: 7 } })).rejects.toThrow(
      new TrainOptionError(
        "encoded",
        `tokens is 7, but ids holds ${planted.encoded.ids.length}: not an encoding made by encodeCorpus`,
      ),
    );
    const missing = join(tempDir(), "missing");
    await expect(train({ corpus: "brown", vocabulary: planted.vocabulary, workDir: missing })).rejects.toThrow(
      /^workDir: cannot hold the encoded corpus: ENOENT/,
    );
    await expect(trainPlanted({ encoded: { ...file, vocabularySize: size - 1 } })).rejects.toThrow(
      new TrainOptionError(
        "encoded",
        `${path} was encoded against a vocabulary of ${size - 1} words, but the vocabulary has ${size}`,
      ),
    );
  });
});

describe("a corpus given as text is encoded to a temporary file", () => {
  /** The planted corpus as a text file, and a fresh work directory. */
  function plantedText(): { text: string; workDir: string } {
    const dir = tempDir();
    const { ids, sentenceStarts, sentences } = planted.encoded;
    const lines: string[] = [];
    for (let s = 0; s < sentences; s++)
      lines.push(
        [...ids.subarray(sentenceStarts[s], sentenceStarts[s + 1])].map((id) => planted.vocabulary.words[id]).join(" "),
      );
    const text = join(dir, "planted.txt");
    writeFileSync(text, lines.join("\n") + "\n");
    return { text, workDir: mkdtempSync(join(dir, "work-")) };
  }

  test("trains like the in-memory encoding, and the file is removed when train ends", async () => {
    const { text, workDir } = plantedText();
    const seen: string[][] = [];
    const common = {
      vocabulary: planted.vocabulary,
      samplerModule: TEST_SAMPLERS,
      sampler: { type: "unigram", alpha: 0.75 },
      vectorSize: 24,
      sample: 0,
      epochs: 2,
      workers: 1,
    } as const;
    const model = await train({
      ...common,
      corpus: text,
      workDir,
      onEpochEnd: () => {
        seen.push(readdirSync(workDir).flatMap((sub) => readdirSync(join(workDir, sub))));
      },
    });
    expect(seen).toEqual([["corpus.encoded"], ["corpus.encoded"]]);
    expect(readdirSync(workDir)).toEqual([]);
    const memory: TrainedModel = await train({ ...common, encoded: planted.encoded });
    expect(identical(model.vectors, memory.vectors)).toBe(true);
  });

  test("the file is removed after an abort and after a failure", async () => {
    const { text, workDir } = plantedText();
    const controller = new AbortController();
    const common = {
      corpus: text,
      workDir,
      vocabulary: planted.vocabulary,
      samplerModule: TEST_SAMPLERS,
      vectorSize: 24,
      workers: 1,
    } as const;
    const aborted = train({
      ...common,
      sampler: { type: "unigram", alpha: 0.75 },
      epochs: 20,
      signal: controller.signal,
      onEpochEnd: () => controller.abort(),
    });
    await expect(aborted).rejects.toBeInstanceOf(TrainingAbortedError);
    expect(readdirSync(workDir)).toEqual([]);
    await expect(train({ ...common, sampler: { type: "no-such-sampler" } })).rejects.toThrow(
      /unknown type no-such-sampler/,
    );
    expect(readdirSync(workDir)).toEqual([]);
  });

  test("the file is removed when the process exits in the middle of training (process.exit, as the CLI on Ctrl-C)", () => {
    const { text, workDir } = plantedText();
    const script = join(workDir, "..", "main.mjs");
    const trainer = pathToFileURL(fileURLToPath(new URL("../dist/index.js", import.meta.url))).href;
    writeFileSync(
      script,
      `import { readdirSync } from "node:fs";\nimport { join } from "node:path";\nimport { train } from ${JSON.stringify(trainer)};\n` +
        `const workDir = ${JSON.stringify(workDir)};\n` +
        `await train({ corpus: ${JSON.stringify(text)}, workDir, minCount: 1, epochs: 5, workers: 1, vectorSize: 8, onEpochEnd: () => {\n` +
        `  console.log(readdirSync(workDir).flatMap((sub) => readdirSync(join(workDir, sub))).join(","));\n  process.exit(3);\n} });\n`,
    );
    const run = spawnSync(process.execPath, [script], { encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
    expect(run.stdout.trim()).toBe("corpus.encoded"); // there when the process exited
    expect(readdirSync(workDir)).toEqual([]);
  });
});

describe("the learning rate's progress by sentences mid-epoch", () => {
  // 50 sentences of 200 words (block 0: 10,000 words), 2 of 5000 (block 1), 10 of 10 (block 2)
  const lengths = [...Array<number>(50).fill(200), 5000, 5000, ...Array<number>(10).fill(10)];
  const starts = [0];
  for (const length of lengths) starts.push(starts[starts.length - 1] + length);
  const tokens = starts[starts.length - 1];
  const corpus = trainingCorpus({
    ids: new Int32Array(tokens),
    sentenceStarts: Int32Array.from(starts),
    tokens,
    sentences: lengths.length,
    rawTokens: tokens,
    rawSentences: lengths.length,
  });

  test("maps the shared word count to the sentence reached through the block table", () => {
    expect([...corpus.blocks.sentences]).toEqual([50, 2, 10]);
    expect(sentenceAtWords(corpus, 0)).toBe(0);
    expect(sentenceAtWords(corpus, 10_000)).toBe(50); // block 0 done
    expect(sentenceAtWords(corpus, 15_000)).toBe(51); // halfway through block 1's words
    expect(sentenceAtWords(corpus, 20_000)).toBe(52);
    expect(sentenceAtWords(corpus, tokens)).toBe(62);
  });

  test("is the share of sentences with decayBy sentences, of words with decayBy words", () => {
    const bySentences = { decayBy: "sentences", epochs: 2 } as const;
    expect(scheduleProgress(bySentences, corpus, 0, 10_000)).toBeCloseTo(50 / 124, 15);
    expect(scheduleProgress(bySentences, corpus, 1, 20_000)).toBeCloseTo((62 + 52) / 124, 15);
    const byWords = { decayBy: "words", epochs: 2 } as const;
    expect(scheduleProgress(byWords, corpus, 0, 10_000)).toBeCloseTo(10_000 / (2 * tokens), 15);
    expect(scheduleProgress(byWords, corpus, 1, 20_000)).toBeCloseTo((tokens + 20_000) / (2 * tokens), 15);
  });
});
