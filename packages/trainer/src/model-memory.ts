import type { Vocabulary } from "@neglab/corpus";
import { createStream } from "@neglab/random";
import { huffmanPaths, type HuffmanPaths } from "./huffman.js";
import { planLayout, type MemoryLayout } from "./layout.js";
import { checkInitialVectors, type InitialVectors, type TrainSettings } from "./options.js";
import { TABLE_SIZE, lossTable, sigmoidTable } from "./sigmoid-table.js";
import type { TrainOptions } from "./train-options.js";

/** The shared memory of one training and where everything lives in it. */
export interface ModelMemory {
  readonly layout: MemoryLayout;
  readonly memory: WebAssembly.Memory;
}

/**
 * Lays out and allocates the one shared `WebAssembly.Memory` of a training, and
 * fills it: the sigmoid and loss tables, the Huffman paths with hierarchical
 * softmax, and the starting vectors (`initialVectors` — checked against the
 * vocabulary here — the continued model's, or random).
 */
export function allocateModel(options: TrainOptions, settings: TrainSettings, vocabulary: Vocabulary): ModelMemory {
  const huffman: HuffmanPaths | null = settings.hs ? huffmanPaths(vocabulary.counts) : null;
  const layout = planLayout(settings, vocabulary.size, huffman?.points.length ?? 0, TABLE_SIZE);
  const memory = new WebAssembly.Memory({ initial: layout.pages, maximum: layout.pages, shared: true });
  writeTables({ layout, memory }, huffman);
  initialiseVectors({ layout, memory }, settings, startingVectors(options, settings, vocabulary));
  return { layout, memory };
}

function writeTables({ layout, memory }: ModelMemory, huffman: HuffmanPaths | null): void {
  const buffer = memory.buffer;
  new Float32Array(buffer, layout.sigmoid, TABLE_SIZE).set(sigmoidTable());
  new Float64Array(buffer, layout.loss, TABLE_SIZE).set(lossTable());
  if (huffman === null) return;
  new Int32Array(buffer, layout.codeStart, layout.vocabularySize).set(huffman.codeStart);
  new Int32Array(buffer, layout.codeLength, layout.vocabularySize).set(huffman.codeLength);
  new Int32Array(buffer, layout.points, huffman.points.length).set(huffman.points);
  new Int32Array(buffer, layout.codes, huffman.codes.length).set(huffman.codes);
}

/** The vectors to start from: `initialVectors` (checked against the vocabulary), the continued model's, or none (random). */
function startingVectors(
  options: TrainOptions,
  settings: TrainSettings,
  vocabulary: Vocabulary,
): InitialVectors | undefined {
  if (options.initialVectors !== undefined)
    return checkInitialVectors(options.initialVectors, settings, vocabulary.words);
  const model = options.initialModel;
  if (model === undefined) return undefined;
  return {
    input: model.vectors,
    ...(model.outputVectors ? { output: model.outputVectors } : {}),
    ...(model.hsVectors ? { hsOutput: model.hsVectors } : {}),
  };
}

/**
 * Input vectors uniform in [−1, 1) / dim (`inputInit: "gensim"`, gensim 4's
 * `prep_vectors`) or [−0.5, 0.5) / dim (`"word2vec"`, word2vec.c's `InitNet`),
 * output vectors zero (both), drawn from the seed's `trainer/init` stream; or the
 * given starting vectors (an output matrix not given stays zero).
 */
function initialiseVectors(
  { layout, memory }: ModelMemory,
  settings: TrainSettings,
  start: InitialVectors | undefined,
): void {
  const count = layout.vocabularySize * layout.dim;
  const syn0 = new Float32Array(memory.buffer, layout.syn0, count);
  if (start === undefined) {
    const rng = createStream(settings.seed, "trainer/init");
    if (settings.inputInit === "gensim")
      for (let i = 0; i < count; i++) syn0[i] = (2 * rng.nextFloat() - 1) / layout.dim;
    else for (let i = 0; i < count; i++) syn0[i] = (rng.nextFloat() - 0.5) / layout.dim;
    return;
  }
  syn0.set(start.input);
  if (layout.syn1neg !== 0 && start.output !== undefined)
    new Float32Array(memory.buffer, layout.syn1neg, count).set(start.output);
  if (layout.syn1 !== 0 && start.hsOutput !== undefined)
    new Float32Array(memory.buffer, layout.syn1, count).set(start.hsOutput);
}
