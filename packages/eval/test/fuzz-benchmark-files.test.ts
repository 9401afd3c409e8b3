import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Embeddings } from "@neglab/vectors";
import fc from "fast-check";
import { mutated } from "@neglab/testkit";
import { describe, expect, it } from "vitest";
import { BenchmarkError, evaluateAnalogies, evaluateWordPairs, readAnalogies, readPairs } from "../src/index.js";

// Property-based fuzzing of the benchmark file readers (issue #19): arbitrary and mutated bytes end in a parsed
// set or a BenchmarkError naming the file, the parsed set is bounded by the file's lines (nothing is allocated
// beyond what the bytes hold), and each case finishes within a time bound. Fixed seeds keep CI reproducible.

const dir = mkdtempSync(join(tmpdir(), "neglab-fuzz-eval-"));
const CASE_MS = 1_000;
const words = ["king", "queen", "man", "woman", "cat", "dog", "car", "truck"];
const emb = new Embeddings(
  words,
  Float32Array.from({ length: words.length * 4 }, (_, i) => Math.cos(i * 0.9) + (i % 4)),
  4,
);

const validAnalogies = Buffer.from(
  ": family\nking queen man woman\nman woman king queen\n: gram1\ncat dog car truck\r\ncar truck cat dog\n",
);
const validPairs = Buffer.from(
  "# word1\tword2\tscore\nking\tqueen\t8.5\nman\twoman\t7\ncat dog 6.25\ncar\ttruck\t1e0\ndog\tcar\t-2\n",
);

/** Strings of the two formats that mutations insert besides random bytes. */
const EVAL_TOKENS = [" ", "\t", "\n", "\r", ": ", "#", "nan", "inf", "1e400", "\u00e9", "\uFEFF"];

/** Text made of the formats' own tokens, so that most cases get past UTF-8 decoding into the line parsing. */
const tokenText = fc
  .array(
    fc.constantFrom(
      ": ",
      ":",
      "sec",
      "king",
      "queen",
      "man",
      "woman",
      "cat",
      " ",
      "  ",
      "\t",
      "\n",
      "\r\n",
      "\r",
      "#",
      "1",
      "-2.5",
      "1_0",
      "nan",
      "inf",
      "1e400",
      ".5",
      "x",
    ),
    { maxLength: 60 },
  )
  .map((parts) => Buffer.from(parts.join("")));

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  tokenText,
  mutated(validAnalogies, EVAL_TOKENS, 6),
  mutated(validPairs, EVAL_TOKENS, 6),
);

let caseNo = 0;
/** Writes the bytes to a fresh file and returns its path. */
function fileOf(content: Uint8Array): string {
  const path = join(dir, `case-${caseNo++}.txt`);
  writeFileSync(path, content);
  return path;
}

/** Runs `body`; it must resolve, or reject with a BenchmarkError naming `path`, within CASE_MS. */
async function boundedOutcome<T>(path: string, body: () => Promise<T>): Promise<T | null> {
  const started = performance.now();
  try {
    return await body();
  } catch (error) {
    expect(error).toBeInstanceOf(BenchmarkError);
    expect((error as BenchmarkError).message.startsWith(`${path}`)).toBe(true);
    return null;
  } finally {
    expect(performance.now() - started).toBeLessThan(CASE_MS);
  }
}

/** Lines of a file as the readers count them: at most one more than its line breaks. */
function lineBound(content: Uint8Array): number {
  let breaks = 0;
  for (const b of content) if (b === 0x0a || b === 0x0d) breaks++;
  return breaks + 1;
}

describe("fuzz: benchmark file readers", () => {
  it("analogy files: a parsed set bounded by the file's lines, or a BenchmarkError naming the file; evaluation too", async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.boolean(), async (content, strict) => {
        const path = fileOf(content);
        const set = await boundedOutcome(path, () => readAnalogies(path));
        if (set === null) return;
        expect(set.questions.length + set.invalidLines.length + set.sections.length).toBeLessThanOrEqual(
          lineBound(content),
        );
        const result = await boundedOutcome(path, () => evaluateAnalogies(emb, path, { threads: 1, strict }));
        if (result === null) return;
        expect(result.skippedLines.count).toBe(set.invalidLines.length);
        expect(result.total.total).toBeLessThanOrEqual(result.questions);
      }),
      { seed: 1, numRuns: 300 },
    );
  });

  it("similarity files: a parsed set of finite scores bounded by the file's lines, or a BenchmarkError naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(
        bytes,
        fc.boolean(),
        fc.constantFrom("auto", "\t", "whitespace" as const),
        async (content, strict, delimiter) => {
          const path = fileOf(content);
          const set = await boundedOutcome(path, () => readPairs(path, delimiter));
          if (set === null) return;
          expect(set.pairs.length + set.invalidLines.length).toBeLessThanOrEqual(lineBound(content));
          for (const pair of set.pairs) expect(Number.isFinite(pair.score)).toBe(true);
          const result = await boundedOutcome(path, () => evaluateWordPairs(emb, path, { strict, delimiter }));
          if (result === null) return;
          expect(result.skippedLines.count).toBe(set.invalidLines.length);
          expect(result.gold.length).toBeLessThanOrEqual(set.pairs.length);
        },
      ),
      { seed: 1, numRuns: 300 },
    );
  });
});
