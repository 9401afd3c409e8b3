import { readFile } from "node:fs/promises";
import { SamplerError } from "./errors.js";
import { assertRegularFile, lookupProblem } from "@neglab/files";
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
      throw new SamplerError(`weight of "${word}" must be a finite number ≥ 0, got ${show(text)}`, {
        file,
        line,
        field: "weights",
      });
    }
    const seen = firstLine.get(word);
    if (seen !== undefined)
      throw new SamplerError(`"${word}" is listed twice (first on line ${seen})`, { file, line, field: "weights" });
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
  const text = await readFile(file, "utf8").catch((error: unknown) => fail(lookupProblem(error), error));
  return parseWeightsFile(text, file);
}

/** Checks an in-code `{ word: weight }` map, naming the bad word in errors. */
export function weightsFromMap(map: Readonly<Record<string, unknown>>): WeightEntry[] {
  const entries: WeightEntry[] = [];
  for (const [word, weight] of Object.entries(map)) {
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight < 0) {
      throw new SamplerError(
        `sampler "domain": option "weights": weight of "${word}" must be a finite number ≥ 0, got ${show(weight)}`,
        {
          field: `weights.${word}`,
        },
      );
    }
    entries.push({ word, weight, line: undefined });
  }
  if (entries.length === 0)
    throw new SamplerError(`sampler "domain": option "weights": the map lists no word`, { field: "weights" });
  return entries;
}

/** Places entries on vocabulary ids; unlisted words get `defaultWeight`, unknown words are reported as missing. */
export function resolveWeights(
  entries: readonly WeightEntry[],
  vocabulary: SamplerVocabulary,
  defaultWeight: number,
): DomainWeights {
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

/**
 * Domain weights for the `domain` sampler (what `neglab samplers weights`
 * writes): for each background word w, in the background's id order,
 *
 *     weight(w) = (p_domain(w) / p_background(w))^β,  p(w) = (count(w) + λ) / (total + λ·V)
 *
 * with add-λ smoothing (`smoothing`), V the background vocabulary size and a
 * word's domain count 0 when the domain does not have it. Words frequent in
 * the domain relative to the background get weights above 1; β = 0 gives all 1.
 *
 * β must be finite and λ finite and > 0 (λ > 0 keeps every ratio positive and
 * finite), else a {@link SamplerError} with field `beta` or `smoothing`. A
 * weight that is still not finite (a large |β| raises a ratio beyond float64)
 * is a {@link SamplerError} (field `beta`) naming the word, since the weights
 * file format and the sampler take finite weights only.
 */
export function domainWeights(
  domain: SamplerVocabulary,
  background: SamplerVocabulary,
  options: { readonly beta: number; readonly smoothing: number },
): [string, number][] {
  const { beta, smoothing } = options;
  if (!Number.isFinite(beta)) throw new SamplerError(`beta ${beta}: expected a finite number`, { field: "beta" });
  if (!(Number.isFinite(smoothing) && smoothing > 0))
    throw new SamplerError(`smoothing ${smoothing}: expected a finite number > 0`, { field: "smoothing" });
  const domainCounts = new Map<string, number>();
  domain.words.forEach((word, id) => domainCounts.set(word, domain.counts[id]));
  const size = background.words.length;
  const domainTotal = total(domain.counts) + smoothing * size;
  const backgroundTotal = total(background.counts) + smoothing * size;
  return background.words.map((word, i) => {
    const pDomain = ((domainCounts.get(word) ?? 0) + smoothing) / domainTotal;
    const pBackground = (background.counts[i] + smoothing) / backgroundTotal;
    const weight = (pDomain / pBackground) ** beta;
    if (!Number.isFinite(weight)) {
      throw new SamplerError(
        `beta ${beta}: the weight of "${word}" (ratio ${(pDomain / pBackground).toPrecision(4)} to the power β) is not finite: choose a smaller |β|`,
        {
          field: "beta",
        },
      );
    }
    return [word, weight];
  });
}

/** The sum of a vocabulary's counts. */
function total(counts: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) sum += counts[i];
  return sum;
}
