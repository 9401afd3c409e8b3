import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { train } from "@neglab/trainer";
import { openCorpus } from "@neglab/corpus";
import { readModelFile, VectorsError } from "@neglab/vectors";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli.js";
import type { TrainJob } from "../src/commands/train-config.js";
import { FILE_WRITERS, writeTrainOutputs } from "../src/commands/train-outputs.js";
import { OutputPathError } from "../src/output-paths.js";
import { neglab, outputsWorkspace, QUICK } from "./outputs-helpers.js";

// Defect 4 of issue #19: output problems are found before the corpus is read; a BOM does not become part of a word;
// a write that fails after training still keeps the training.
const { dir, corpus } = outputsWorkspace("early");

/**
 * Runs main() in this process, capturing stderr. A refusal whose stderr is the error line alone came before the
 * corpus was counted (counting reports its progress there), so no timing is needed to show the order.
 */
async function mainCaptured(args: string[]): Promise<{ code: number; stderr: string }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = "";
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stderr };
  } finally {
    process.stderr.write = write;
  }
}

describe("outputs are checked before the corpus is read", () => {
  const large = join(dir, "large.txt");
  writeFileSync(large, "the cat sat on the mat and the dog ate the bone\n".repeat(600_000));

  it("--out in a missing directory fails on a large corpus without counting it", async () => {
    const out = join(dir, "no", "such", "v.txt");
    const result = await mainCaptured(["train", "--corpus", large, "--min-count", "1", "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`neglab: --out: ${join(dir, "no", "such")}: no such directory\n`);
  });

  it("--out naming a directory, or under a path that is a file", async () => {
    mkdirSync(join(dir, "a-dir"));
    const directory = await mainCaptured(["train", "--corpus", large, "--out", join(dir, "a-dir")]);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toBe(
      `neglab: --out: ${join(dir, "a-dir")} is a directory: name a file (inside it, for example)\n`,
    );
    const underFile = await mainCaptured(["train", "--corpus", large, "--model", join(corpus, "m.neglab")]);
    expect(underFile.code).toBe(1);
    expect(underFile.stderr).toBe(`neglab: --model: ${corpus}: is a file, not a directory\n`);
  });
});

describe("a corpus with a UTF-8 byte-order mark", () => {
  it("trains and writes vectors whose first word has no BOM", async () => {
    const bom = join(dir, "bom.txt");
    writeFileSync(bom, `\uFEFFThe ${readFileSync(corpus, "utf8")}`);
    const out = join(dir, "bom-vectors.txt");
    const result = await neglab(dir, "train", "--corpus", bom, ...QUICK, "--out", out);
    expect(result.code).toBe(0);
    const words = readFileSync(out, "utf8")
      .split("\n")
      .slice(1)
      .map((line) => line.split(" ")[0]);
    expect(words).toContain("The");
    expect(words.some((word) => word.includes("\uFEFF"))).toBe(false);
  });
});

describe("a write that fails after training keeps the training", async () => {
  const model = await train({
    corpus: await openCorpus(corpus),
    vectorSize: 4,
    epochs: 1,
    minCount: 1,
    workers: 1,
    sample: 0,
  });
  const job = (out: string | undefined, modelPath: string | undefined): TrainJob =>
    ({ out, model: modelPath, binary: false }) as unknown as TrainJob;
  const diskFull = async (_m: unknown, path: string): Promise<void> => {
    throw new VectorsError("cannot write: no space left on the device (ENOSPC)", { file: path });
  };

  it("saves the model beside the failed output and names it", async () => {
    const out = join(dir, "full.txt");
    const error = (await writeTrainOutputs(model, job(out, undefined), { ...FILE_WRITERS, vectors: diskFull }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error).toBeInstanceOf(OutputPathError);
    const match =
      /^could not write --out (.*): \1: cannot write: no space left on the device \(ENOSPC\); the trained model was saved to (.*\.neglab) instead/.exec(
        error.message,
      );
    expect(match?.[1]).toBe(out);
    const rescued = await readModelFile(match![2]);
    expect(rescued.words).toEqual(model.vocabulary.words);
    expect(match![2].startsWith(dir)).toBe(true);
  });

  it("falls back to the temporary directory when the output's directory fails too, and names a model already written", async () => {
    const everywhereButTmp = {
      vectors: diskFull,
      model: async (m: typeof model, path: string) =>
        path.startsWith(dir) ? diskFull(m, path) : FILE_WRITERS.model(m, path),
    };
    const error = (await writeTrainOutputs(model, job(join(dir, "x.txt"), undefined), everywhereButTmp).catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toMatch(/the trained model was saved to \/.*neglab-rescued-.*\.neglab instead/);
    expect(error.message).not.toContain(`saved to ${dir}`);

    const modelFirst = join(dir, "kept.neglab");
    const error2 = (await writeTrainOutputs(model, job(join(dir, "y.txt"), modelFirst), {
      vectors: diskFull,
      model: FILE_WRITERS.model,
    }).catch((e: unknown) => e)) as Error;
    expect(error2.message).toBe(
      `could not write --out ${join(dir, "y.txt")}: ${join(dir, "y.txt")}: cannot write: no space left on the device (ENOSPC); the model file ${modelFirst} was written and holds the training`,
    );
    expect((await readModelFile(modelFirst)).words).toEqual(model.vocabulary.words);
  });
});
