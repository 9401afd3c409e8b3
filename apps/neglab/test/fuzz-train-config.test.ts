import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveTrainJob, TrainConfigError } from "../src/commands/train-config.js";
import { OutputPathError } from "../src/output-paths.js";

// Property-based fuzzing of the train config reader (issue #19): arbitrary JSON values, arbitrary bytes and mutated
// valid configs end in a resolved job or the typed errors (TrainConfigError, OutputPathError), and never hang.

const dir = mkdtempSync(join(tmpdir(), "neglab-fuzz-config-"));
writeFileSync(join(dir, "corpus.txt"), "the cat sat on the mat\n");
writeFileSync(join(dir, "weights.tsv"), "cat\t2\n");
const CASE_MS = 2000;
let counter = 0;

const valid = {
  corpus: "corpus.txt",
  lowercase: true,
  punctuation: "drop",
  architecture: "skipgram",
  vectorSize: 8,
  epochs: 1,
  minCount: 1,
  workers: 1,
  sampler: { type: "domain", alpha: 0.75, weights: "weights.tsv", collision: "redraw" },
  out: "vectors.txt",
  model: "model.neglab",
  binary: false,
};

/**
 * Keeps every path a config can name inside the test's directory: slashes in
 * the path fields become underscores, so no case makes the output check create
 * its probe file anywhere else.
 */
function confined(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of ["out", "model", "corpus"])
    if (typeof copy[key] === "string") copy[key] = (copy[key] as string).replaceAll("/", "_");
  return copy;
}

/** Writes the config and resolves it; "ok" or the typed error's name, rejecting on any other error or a hang. */
async function resolveConfig(content: string | Uint8Array): Promise<string> {
  const file = join(dir, `config-${counter++}.json`);
  writeFileSync(file, content);
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${file} took more than ${CASE_MS} ms`)), CASE_MS);
  });
  const resolved = resolveTrainJob({ config: file }).then(
    () => "ok",
    (error: unknown) => {
      if (error instanceof TrainConfigError || error instanceof OutputPathError) return error.name;
      throw error;
    },
  );
  try {
    return await Promise.race([resolved, hang]);
  } finally {
    clearTimeout(timer);
  }
}

const outcomes = ["ok", "TrainConfigError", "OutputPathError"];

describe("fuzz: train config reader", () => {
  it("accepts the valid config", async () => {
    expect(await resolveConfig(JSON.stringify(valid))).toBe("ok");
  });

  it("arbitrary JSON values", async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue().map(confined), async (value) => {
        expect(outcomes).toContain(await resolveConfig(JSON.stringify(value)));
      }),
      { seed: 1, numRuns: 200 },
    );
  });

  it("arbitrary bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(outcomes).toContain(await resolveConfig(bytes));
      }),
      { seed: 2, numRuns: 150 },
    );
  });

  it("valid configs with fields replaced, removed or added", async () => {
    const keys = [
      ...Object.keys(valid),
      "sampler.type",
      "sampler.alpha",
      "sampler.weights",
      "sampler.collision",
      "unknownField",
    ];
    const edit = fc.record({
      key: fc.constantFrom(...keys),
      value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const config: Record<string, unknown> = structuredClone(valid);
        for (const { key, value } of edits) {
          const [head, tail] = key.split(".");
          const target = tail === undefined ? config : (config[head] as Record<string, unknown>);
          if (typeof target !== "object" || target === null) continue;
          if (value === undefined) delete target[tail ?? head];
          else target[tail ?? head] = value;
        }
        expect(outcomes).toContain(await resolveConfig(JSON.stringify(confined(config))));
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("valid configs with bytes flipped, inserted, deleted or cut off", async () => {
    const text = Buffer.from(`\uFEFF${JSON.stringify(valid, null, 1)}`);
    const edit = fc.record({
      kind: fc.constantFrom("flip", "insert", "delete", "truncate"),
      at: fc.nat(),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 6 }), async (edits) => {
        let bytes = [...text];
        for (const { kind, at, byte } of edits) {
          const i = bytes.length === 0 ? 0 : at % bytes.length;
          if (kind === "flip" && bytes.length > 0) bytes[i] ^= 1 << (byte % 8);
          else if (kind === "insert") bytes.splice(i, 0, byte);
          else if (kind === "delete") bytes.splice(i, 1 + (byte % 8));
          else bytes = bytes.slice(0, i);
        }
        // A mutation can put a slash into a path; only keep cases whose paths stay in the test's directory.
        const content = Buffer.from(bytes).toString("latin1");
        fc.pre(!/"(out|model|corpus)"\s*:\s*"[^"]*\//.test(content));
        expect(outcomes).toContain(await resolveConfig(Uint8Array.from(bytes)));
      }),
      { seed: 4, numRuns: 200 },
    );
  });
});
