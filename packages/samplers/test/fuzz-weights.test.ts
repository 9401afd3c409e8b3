// Property-based fuzzing of the weights-file reader (issue #19): arbitrary and mutated bytes end in weight entries
// (each word listed once, each weight finite and ≥ 0, no more entries than lines) or a SamplerError naming the file,
// never any other error, and each case finishes within a time bound. Fixed seeds keep CI reproducible.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { byteMutations, mutate } from "@neglab/testkit";
import { describe, expect, it } from "vitest";
import { parseWeightsFile } from "../src/domain-weights.js";
import { SamplerError } from "../src/index.js";
import { readWeightsFile } from "../src/domain-weights.js";
import { fixture } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-fuzz-weights-"));
/** A case that takes longer than this has hung (inputs are at most a few kB). */
const CASE_MS = 2_000;
const FILE = "fuzz.tsv";

/** Valid files to mutate: comments, blank lines, CRLF, spaces as separator, exponents. */
const VALID = [
  readFileSync(fixture("weights", "animals.tsv")),
  readFileSync(fixture("weights", "zipf-domain.tsv")),
  Buffer.from("\uFEFFcat\t2.5e-3\ndog 1\r\n# c\n\nfox\t0\n"),
];

/** Strings of the weights format that mutations insert besides random bytes. */
const WEIGHTS_TOKENS = "\t| |\n|\r\n|#|NaN|-1|1e400|0x10|Infinity|\uFEFF|\u00e9|\u0000|__proto__".split("|");

/** The reader's outcome must be entries that keep the format's promises, or a SamplerError naming the file. */
function checkOutcome(
  outcome: { entries?: ReturnType<typeof parseWeightsFile>; error?: unknown },
  text: string,
  file: string,
  ms: number,
): void {
  expect(ms).toBeLessThan(CASE_MS);
  if (outcome.error !== undefined) {
    expect(outcome.error).toBeInstanceOf(SamplerError);
    expect((outcome.error as SamplerError).file).toBe(file);
    expect((outcome.error as SamplerError).message.startsWith(`${file}`)).toBe(true);
    return;
  }
  const entries = outcome.entries!;
  expect(entries.length).toBeGreaterThan(0);
  expect(entries.length).toBeLessThanOrEqual(text.split("\n").length);
  expect(new Set(entries.map((e) => e.word)).size).toBe(entries.length);
  for (const { word, weight } of entries) {
    expect(word.length).toBeGreaterThan(0);
    expect(Number.isFinite(weight) && weight >= 0).toBe(true);
  }
}

function parse(bytes: Uint8Array): void {
  const text = Buffer.from(bytes).toString("utf8");
  const started = performance.now();
  let outcome: { entries?: ReturnType<typeof parseWeightsFile>; error?: unknown };
  try {
    outcome = { entries: parseWeightsFile(text, FILE) };
  } catch (error) {
    outcome = { error };
  }
  checkOutcome(outcome, text, FILE, performance.now() - started);
}

describe("fuzz: weights files", () => {
  it("arbitrary bytes parse to valid entries or a SamplerError naming the file", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), parse), { seed: 1, numRuns: 400 });
  });

  it("arbitrary text of words, weights and separators parses to valid entries or a SamplerError", () => {
    const token = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom("\t", " ", "\n", "\r\n", "#", "1", "0.5", "-2", "1e-300", "1e309", "NaN", ".5", "5."),
    );
    const text = fc.array(token, { maxLength: 60 }).map((parts) => new Uint8Array(Buffer.from(parts.join(""))));
    fc.assert(fc.property(text, parse), { seed: 2, numRuns: 400 });
  });

  it("mutated valid files parse to valid entries or a SamplerError naming the file", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), byteMutations(WEIGHTS_TOKENS), (valid, edits) =>
        parse(mutate(valid, edits)),
      ),
      { seed: 3, numRuns: 400 },
    );
  });

  it("files of mutated bytes read from disk give entries or a SamplerError naming the file", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VALID), byteMutations(WEIGHTS_TOKENS), async (valid, edits) => {
        const bytes = mutate(valid, edits);
        const file = join(dir, `case-${n++}.tsv`);
        writeFileSync(file, bytes);
        const started = performance.now();
        const outcome = await readWeightsFile(file).then(
          (entries) => ({ entries }),
          (error: unknown) => ({ error }),
        );
        checkOutcome(outcome, bytes.toString("utf8"), file, performance.now() - started);
      }),
      { seed: 4, numRuns: 100 },
    );
  });
});
