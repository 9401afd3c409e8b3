import { readFile } from "node:fs/promises";
import { SamplerError } from "./errors.js";
import { assertRegularFile, plainReason } from "./regular-file.js";
import { show } from "./options.js";
import type { SamplerVocabulary } from "./types.js";

/** One `word<TAB>weight` entry and where it came from. */
export interface WeightEntry {
  readonly word: string;
  readonly weight: number;
  /** 1-based line in the file, or undefined for an in-code map. */
  readonly line: number | undefined;
}

/** Per-word domain weights resolved against a vocabulary. */
export interface DomainWeights {
  /** Weight of each word id (`defaultWeight` for words the source does not list). */
  readonly weights: Float64Array;
  /** How many vocabulary words the source lists. */
  readonly listed: number;
  /** Words the source lists that are not in the vocabulary, in source order. */
  readonly missing: readonly string[];
}

/**
 * Parses a weights file: one `word<TAB>weight` per line (a run of spaces also
 * separates); blank lines and lines starting with `#` are skipped; a leading
 * UTF-8 byte-order mark is dropped (else it would glue itself to the first
 * word). Errors name the file and line: a line without exactly two fields, a
 * weight that is not a finite decimal number ≥ 0 (`1.5`, `2e-3`; not `0x10`,
 * `Infinity` or `1e400`), a word listed twice, a file with no entry.
 */
export function parseWeightsFile(text: string, file: string): WeightEntry[] {
  const entries: WeightEntry[] = [];
  const firstLine = new Map<string, number>();
  const lines = (text.startsWith("\uFEFF") ? text.slice(1) : text).split("\n");
  for (let index = 0; index < lines.length; index++) {
    const line = index + 1;
    const content = lines[index].replace(/\r$/, "").trim();
    if (content === "" || content.startsWith("#")) continue;
    const fields = content.split(/\t| +/).filter((field) => field !== "");
    if (fields.length !== 2) {
      throw new SamplerError(`expected "word<TAB>weight", got ${show(content)}`, { file, line, field: "weights" });
    }
    const [word, text] = fields;
    const weight = DECIMAL.test(text) ? Number(text) : NaN;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new SamplerError(`weight of "${word}" must be a finite number ≥ 0, got ${show(text)}`, { file, line, field: "weights" });
    }
    const seen = firstLine.get(word);
    if (seen !== undefined) throw new SamplerError(`"${word}" is listed twice (first on line ${seen})`, { file, line, field: "weights" });
    firstLine.set(word, line);
    entries.push({ word, weight, line });
  }
  if (entries.length === 0) throw new SamplerError("the weights file lists no word", { file, field: "weights" });
  return entries;
}

/** A decimal number as people write weights: digits, an optional fraction and exponent. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads and parses a weights file (see {@link parseWeightsFile}). Only a
 * regular file is read: a FIFO or device could block the read forever, a
 * directory is no weights file. Errors name the file, in plain words.
 */
export async function readWeightsFile(file: string): Promise<WeightEntry[]> {
  const fail = (problem: string, cause?: unknown): never => {
    throw new SamplerError(`cannot read the weights file: ${problem}`, { file, field: "weights", cause });
  };
  await assertRegularFile(file, fail);
  const text = await readFile(file, "utf8").catch((error: unknown) => fail(plainReason(error), error));
  return parseWeightsFile(text, file);
}

/** Checks an in-code `{ word: weight }` map, naming the bad word in errors. */
export function weightsFromMap(map: Readonly<Record<string, unknown>>): WeightEntry[] {
  const entries: WeightEntry[] = [];
  for (const [word, weight] of Object.entries(map)) {
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new SamplerError(`sampler "domain": option "weights": weight of "${word}" must be a finite number ≥ 0, got ${show(weight)}`, {
        field: `weights.${word}`,
      });
    }
    entries.push({ word, weight, line: undefined });
  }
  if (entries.length === 0) throw new SamplerError(`sampler "domain": option "weights": the map lists no word`, { field: "weights" });
  return entries;
}

/** Places entries on vocabulary ids; unlisted words get `defaultWeight`, unknown words are reported as missing. */
export function resolveWeights(entries: readonly WeightEntry[], vocabulary: SamplerVocabulary, defaultWeight: number): DomainWeights {
  const ids = new Map<string, number>();
  vocabulary.words.forEach((word, id) => ids.set(word, id));
  const weights = new Float64Array(vocabulary.words.length).fill(defaultWeight);
  const missing: string[] = [];
  let listed = 0;
  for (const { word, weight } of entries) {
    const id = ids.get(word);
    if (id === undefined) {
      missing.push(word);
    } else {
      weights[id] = weight;
      listed++;
    }
  }
  return { weights, listed, missing };
}
