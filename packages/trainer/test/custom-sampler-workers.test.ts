import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Vocabulary, type EncodedCorpus } from "@neglab/corpus";
import { afterAll, describe, expect, test } from "vitest";
import { train } from "../src/index.js";
import { plantedCorpus } from "./fixtures/planted.js";

// A custom sampler given as `module:<path>` goes through @neglab/samplers'
// registry in each worker thread. The fixture claims one slot per build and
// draws only "ghost" words of its slot, words that are in the vocabulary but
// never in the corpus: no positive update ever touches their output vectors,
// so a ghost's row moves only if some worker drew it as a negative.

const MODULE = fileURLToPath(new URL("./fixtures/custom-slot-sampler.mjs", import.meta.url));
const GHOSTS_PER_SLOT = 4;
/** Slots 0 and 1 are claimed by the two workers; slot 2's ghosts belong to no sampler. */
const SLOTS = 3;

/** The planted corpus (12,000 sentences, about 14 chunks per epoch) re-encoded against a vocabulary that adds the ghosts. */
function corpusWithGhosts(): { vocabulary: Vocabulary; encoded: EncodedCorpus } {
  const planted = plantedCorpus({ sentences: 12_000 });
  const entries: [string, number][] = planted.vocabulary.words.map((word, id) => [word, planted.vocabulary.counts[id]]);
  for (let slot = 0; slot < SLOTS; slot++)
    for (let j = 0; j < GHOSTS_PER_SLOT; j++) entries.push([`ghost${slot}-${j}`, 1]);
  const vocabulary = Vocabulary.fromCounts(entries, 1);
  const ids = Int32Array.from(planted.encoded.ids, (id) => vocabulary.id(planted.vocabulary.words[id]));
  return { vocabulary, encoded: { ...planted.encoded, ids } };
}

/** Whether row `id` of a row-major matrix is all zeros. */
function rowIsZero(matrix: Float32Array, dim: number, id: number): boolean {
  return matrix.subarray(id * dim, (id + 1) * dim).every((x) => x === 0);
}

const slotDir = mkdtempSync(join(tmpdir(), "neglab-custom-sampler-"));
afterAll(() => rmSync(slotDir, { recursive: true, force: true }));

describe.each(["wasm", "js"] as const)("%s kernel: a module: sampler with 2 workers", (kernel) => {
  test("each worker rebuilds the custom sampler and trains on its draws", async () => {
    const dir = mkdtempSync(join(slotDir, `${kernel}-`));
    const { vocabulary, encoded } = corpusWithGhosts();
    const model = await train({
      vocabulary,
      encoded,
      sampler: { type: `module:${MODULE}`, slotDir: dir },
      architecture: "skipgram",
      vectorSize: 16,
      sample: 0,
      epochs: 3,
      negative: 5,
      workers: 2,
      kernel,
    });

    // Two builds, one in each worker thread (not the main thread), each claiming its own slot.
    const builds = readdirSync(dir).sort();
    expect(builds).toEqual(["slot-0", "slot-1"]);
    const threads = builds.map(
      (file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as { threadId: number; isMainThread: boolean },
    );
    expect(threads.map((t) => t.isMainThread)).toEqual([false, false]);
    expect(threads[0].threadId).not.toBe(threads[1].threadId);
    expect(model.sampler?.type).toBe(`module:${MODULE}`);

    // Slot s's sampler drew only ghost<s>-*: both built slots' ghosts were trained, slot 2's stayed exactly zero.
    const output = model.outputVectors!;
    for (let slot = 0; slot < SLOTS; slot++) {
      for (let j = 0; j < GHOSTS_PER_SLOT; j++) {
        const id = vocabulary.id(`ghost${slot}-${j}`);
        expect(id).toBeGreaterThanOrEqual(0);
        expect(rowIsZero(output, model.dim, id), `output row of ghost${slot}-${j}`).toBe(slot === SLOTS - 1);
      }
    }
    // Every real word is a positive somewhere, so its row moved as in any training run.
    const real = vocabulary.words.filter((w) => !w.startsWith("ghost")).map((w) => vocabulary.id(w));
    expect(real.every((id) => !rowIsZero(output, model.dim, id))).toBe(true);
  });
});
