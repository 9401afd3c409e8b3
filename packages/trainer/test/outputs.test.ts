import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PYTHON, requireGensim } from "@neglab/testkit";
import { afterAll, describe, expect, test } from "vitest";
import { readTrainedModel, writeTrainedModel, writeTrainedWord2Vec } from "../src/index.js";
import { topicRecovery, trainPlanted } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-trainer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// fails in CI when gensim is missing, skips with a message elsewhere
const hasGensim = requireGensim();

describe("outputs", () => {
  test("a model file round-trips and continues training from where it stopped", async () => {
    const model = await trainPlanted({ architecture: "skipgram", hs: true, epochs: 2 });
    const path = join(dir, "model.neglab");
    await writeTrainedModel(path, model);
    const loaded = await readTrainedModel(path);
    expect(loaded.vocabulary.words).toEqual(model.vocabulary.words);
    expect(Array.from(loaded.vocabulary.counts)).toEqual(Array.from(model.vocabulary.counts));
    expect(
      Buffer.from(loaded.vectors.buffer, loaded.vectors.byteOffset, loaded.vectors.byteLength).equals(
        Buffer.from(model.vectors.buffer),
      ),
    ).toBe(true);
    expect(loaded.outputVectors).toEqual(model.outputVectors);
    expect(loaded.hsVectors).toEqual(model.hsVectors);
    expect(loaded.settings).toEqual(model.settings);
    expect(loaded.sampler).toEqual(model.sampler);
    // continuing starts from the saved vectors: one more epoch at a low rate stays close
    const continued = await trainPlanted({ initialModel: loaded, epochs: 1, alpha: 0.001, minAlpha: 0.0001 });
    expect(continued.settings.architecture).toBe("skipgram");
    expect(topicRecovery(continued).nearestSameTopic).toBe(1);
    let drift = 0;
    for (let i = 0; i < model.vectors.length; i++)
      drift = Math.max(drift, Math.abs(continued.vectors[i] - model.vectors[i]));
    expect(drift).toBeGreaterThan(0);
    expect(drift).toBeLessThan(0.5);
    await expect(trainPlanted({ initialModel: loaded, architecture: "cbow" })).rejects.toThrow(
      /^architecture: cannot change/,
    );
  });

  test("truncated or foreign model files are rejected with the file named", async () => {
    const model = await trainPlanted({ architecture: "cbow", epochs: 1 });
    const path = join(dir, "truncated.neglab");
    await writeTrainedModel(path, model);
    truncateSync(path, readFileSync(path).length - 100);
    await expect(readTrainedModel(path)).rejects.toThrow(path);
    const junk = join(dir, "junk.neglab");
    writeFileSync(junk, "hello world, not a model at all");
    await expect(readTrainedModel(junk)).rejects.toThrow(/not a NegLab model file/);
  });

  test.skipIf(!hasGensim)("gensim's load_word2vec_format reads the text and binary vectors", async () => {
    const model = await trainPlanted({ architecture: "cbow", epochs: 1 });
    const text = join(dir, "vectors.txt");
    const binary = join(dir, "vectors.bin");
    await writeTrainedWord2Vec(text, model);
    await writeTrainedWord2Vec(binary, model, { binary: true });
    const script = [
      "import sys, json",
      "from gensim.models import KeyedVectors",
      "out = []",
      "for path, binary in ((sys.argv[1], False), (sys.argv[2], True)):",
      "    kv = KeyedVectors.load_word2vec_format(path, binary=binary)",
      "    out.append({'words': list(kv.index_to_key), 'first': [float(x) for x in kv.vectors[0]], 'last': [float(x) for x in kv.vectors[-1]]})",
      "print(json.dumps(out))",
    ].join("\n");
    const results = JSON.parse(execFileSync(PYTHON, ["-c", script, text, binary], { encoding: "utf8" })) as {
      words: string[];
      first: number[];
      last: number[];
    }[];
    const dim = model.dim;
    const size = model.vocabulary.size;
    for (const read of results) {
      expect(read.words).toEqual(model.vocabulary.words);
      expect(read.first).toEqual(Array.from(model.vectors.subarray(0, dim)));
      expect(read.last).toEqual(Array.from(model.vectors.subarray((size - 1) * dim, size * dim)));
    }
  });
});
