// A seeded synthetic corpus whose word frequencies follow Zipf's law, for
// measuring the trainer at sizes no shared corpus reaches (bench:scale).
//
//   node bench/zipf-corpus.mjs --tokens 1e8 --types 1e6 --sentence-length 20 --seed 1 --out FILE
//     [--exponent 1 --shift 0]
//
// The word of rank r (1-based) is drawn with probability
//
//     p_r = (r + q)^(−s) / Σ_{j=1..V} (j + q)^(−s),   r = 1, …, V,
//
// Zipf's law (Zipf 1949) for q = 0 and s = 1, the Zipf–Mandelbrot law (Mandelbrot
// 1953) for a shift q > 0. Tokens are drawn independently with Walker's alias
// method (Walker 1977; the table built as Vose 1991 by @neglab/samplers'
// `buildAliasTable`): one uniform column i in [0, V) and one uniform u in [0, 1)
// per token (two 32-bit random words), giving rank i + 1 when u < P_i and rank
// A_i + 1 otherwise, so that
//
//     P(rank r) = (P_{r−1} + Σ_{i : A_i = r−1} (1 − P_i)) / V = p_r,
//
// O(1) per token whatever V. The word of rank r is r written in bijective base 26
// with the letters a–z (1 → a, 26 → z, 27 → aa, 702 → zz, 703 → aaa): distinct
// for distinct ranks, and the frequent words are the short ones, as in text
// (Zipf's law of abbreviation).
//
// Every sentence has exactly `sentenceLength` tokens (fixed, not drawn), except
// the last, which holds the remainder: the file has exactly `tokens` tokens on
// ⌈tokens / sentenceLength⌉ lines. One sentence per line, tokens separated by one
// space, each line ending in "\n": the format of gensim's LineSentence and
// corpus_file, and of @neglab/corpus's `openCorpus`. Output goes through a fixed
// buffer in large writes, so memory depends on V only, never on the token count.
import { closeSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { createStream, uniformBelow } from "@neglab/random";
import { buildAliasTable } from "@neglab/samplers/tables";

/** The longest line gensim's LineSentence and corpus_file read as one sentence (`MAX_WORDS_IN_BATCH`). */
const MAX_SENTENCE_LENGTH = 10_000;
/** Bytes of output gathered before each write. */
const WRITE_BUFFER_BYTES = 1 << 22;
/** Tokens whose random words are drawn in one `fillUint32` call (two words per token). */
const DRAW_BATCH = 4096;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const LETTER_A = 0x61;

/**
 * The Zipf–Mandelbrot probabilities p_r = (r + q)^(−s) / Σ_j (j + q)^(−s) of ranks
 * r = 1..`types`, as a Float64Array indexed by r − 1. The normalising sum is taken
 * from the smallest term up, so rounding does not swamp the tail.
 */
export function zipfProbabilities(types, exponent = 1, shift = 0) {
  checkInteger("types", types, 1, 2 ** 31 - 1);
  checkNumber("exponent", exponent, 0);
  checkNumber("shift", shift, 0);
  const p = new Float64Array(types);
  let total = 0;
  for (let i = types - 1; i >= 0; i--) {
    p[i] = (i + 1 + shift) ** -exponent;
    total += p[i];
  }
  for (let i = 0; i < types; i++) p[i] /= total;
  return p;
}

/** The word of rank `rank` (1-based): the rank in bijective base 26 with the digits a–z (1 → "a", 27 → "aa"). */
export function zipfWord(rank) {
  checkInteger("rank", rank, 1, Number.MAX_SAFE_INTEGER);
  let word = "";
  for (let r = rank; r > 0; r = Math.floor((r - 1) / 26)) word = String.fromCharCode(LETTER_A + ((r - 1) % 26)) + word;
  return word;
}

/** The words of ranks 1..`types` as ASCII bytes back to back, word r at bytes[offsets[r − 1], offsets[r]). */
function wordBytes(types) {
  const offsets = new Int32Array(types + 1);
  const chunks = [];
  let length = 0;
  for (let r = 1; r <= types; r++) {
    const word = zipfWord(r);
    chunks.push(word);
    length += word.length;
    offsets[r] = length;
  }
  return { bytes: Buffer.from(chunks.join(""), "latin1"), offsets };
}

/**
 * Writes a seeded Zipf corpus (see the file's header for the formulas) to `path`
 * — first as `path`.part, renamed when complete (and removed on a failed
 * write), so an interrupted run never leaves a file that looks finished. The same options give the same bytes.
 * `onProgress(tokensWritten)` is called after every write. Returns the token,
 * line and byte counts.
 */
export function writeZipfCorpus({ tokens, types, sentenceLength, exponent = 1, shift = 0, seed, path, onProgress }) {
  checkInteger("tokens", tokens, 1, Number.MAX_SAFE_INTEGER);
  checkInteger("sentenceLength", sentenceLength, 1, MAX_SENTENCE_LENGTH);
  if (!Number.isSafeInteger(seed) && (typeof seed !== "string" || seed === "")) {
    throw new RangeError(`zipf corpus: seed must be an integer or a non-empty string, got ${show(seed)}`);
  }
  if (typeof path !== "string" || path === "")
    throw new RangeError(`zipf corpus: path must be a file name, got ${show(path)}`);
  // [threshold_i, alias_i] pairs: column i keeps rank i + 1 when a uniform 32-bit coin falls below threshold_i.
  const cells = buildAliasTable(zipfProbabilities(types, exponent, shift));
  const { bytes: letters, offsets } = wordBytes(types);
  const rng = createStream(seed, "zipf-corpus");
  const draws = new Uint32Array(2 * DRAW_BATCH);
  const out = Buffer.allocUnsafe(WRITE_BUFFER_BYTES);
  // A word never exceeds the longest one, plus its separator.
  const flushAt = WRITE_BUFFER_BYTES - (offsets[types] - offsets[types - 1]) - 1;
  const part = `${path}.part`;
  const fd = openSync(part, "w");
  let position = 0;
  let written = 0;
  let bytesTotal = 0;
  let inSentence = 0;
  let complete = false;
  try {
    while (written < tokens) {
      const batch = Math.min(DRAW_BATCH, tokens - written);
      rng.fillUint32(draws, 2 * batch);
      for (let j = 0; j < batch; j++) {
        const column = uniformBelow(draws[2 * j], types);
        const index = draws[2 * j + 1] < cells[2 * column] ? column : cells[2 * column + 1];
        for (let b = offsets[index], end = offsets[index + 1]; b < end; b++) out[position++] = letters[b];
        inSentence += 1;
        if (inSentence === sentenceLength || written + j + 1 === tokens) {
          out[position++] = NEWLINE;
          inSentence = 0;
        } else {
          out[position++] = SPACE;
        }
        if (position >= flushAt) {
          writeAll(fd, out, position);
          bytesTotal += position;
          position = 0;
          onProgress?.(written + j + 1);
        }
      }
      written += batch;
    }
    writeAll(fd, out, position);
    bytesTotal += position;
    complete = true;
  } finally {
    closeSync(fd);
    // A failed write (a full disk) leaves no partial file behind.
    if (!complete) rmSync(part, { force: true });
  }
  renameSync(part, path);
  onProgress?.(written);
  return { tokens, lines: Math.ceil(tokens / sentenceLength), bytes: bytesTotal };
}

function writeAll(fd, buffer, length) {
  for (let done = 0; done < length; ) done += writeSync(fd, buffer, done, length - done);
}

function checkInteger(field, value, min, max) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`zipf corpus: ${field} must be an integer in [${min}, ${max}], got ${show(value)}`);
  }
}

function checkNumber(field, value, min) {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min) {
    throw new RangeError(`zipf corpus: ${field} must be a finite number ≥ ${min}, got ${show(value)}`);
  }
}

const show = (value) => (typeof value === "number" ? String(value) : JSON.stringify(value));

/** The command line: flags as in the header. */
function main() {
  const args = process.argv.slice(2);
  const { values: flags } = parseArgs({
    args: args[0] === "--" ? args.slice(1) : args,
    options: {
      tokens: { type: "string" },
      types: { type: "string" },
      "sentence-length": { type: "string", default: "20" },
      exponent: { type: "string", default: "1" },
      shift: { type: "string", default: "0" },
      seed: { type: "string", default: "1" },
      out: { type: "string" },
    },
  });
  for (const required of ["tokens", "types", "out"])
    if (flags[required] === undefined) throw new RangeError(`zipf corpus: --${required} is required`);
  // Numbers as JavaScript reads them (so 1e8 works); a flag that is not one is named.
  const number = (flag) => {
    const value = Number(flags[flag]);
    if (flags[flag].trim() === "" || Number.isNaN(value))
      throw new RangeError(`zipf corpus: --${flag} must be a number, got ${JSON.stringify(flags[flag])}`);
    return value;
  };
  const started = performance.now();
  const result = writeZipfCorpus({
    tokens: number("tokens"),
    types: number("types"),
    sentenceLength: number("sentence-length"),
    exponent: number("exponent"),
    shift: number("shift"),
    seed: number("seed"),
    path: flags.out,
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${flags.out}: ${result.tokens} tokens, ${result.lines} lines, ${result.bytes} bytes in ${seconds.toFixed(1)} s`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A bad flag ends with one line and exit 2; a file that cannot be written (the message names it) with exit 1.
  try {
    main();
  } catch (error) {
    const usage = error instanceof RangeError || String(error?.code).startsWith("ERR_PARSE_ARGS");
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(usage ? 2 : 1);
  }
}
