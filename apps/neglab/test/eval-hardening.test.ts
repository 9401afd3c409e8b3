import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { closeServer, listenOnLoopback } from "@neglab/testkit";
import { getDataset } from "@neglab/eval";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Experiment } from "../src/experiment/definition.js";
import { fetchMissingBenchmarks } from "../src/experiment/benchmark-data.js";

// Issue #19: `eval` without a benchmark (defect 19), `--method` spellings (19), unparsable benchmark lines (13),
// and download timeouts in `data fetch` and the run's fetch path (6).

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "neglab-eval-hardening-"));

/** Runs the CLI as a child process with its data directory and cache in the scratch directory. */
function neglab(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: {
        ...process.env,
        CI: "1",
        NO_COLOR: "1",
        XDG_CACHE_HOME: join(dir, "cache"),
        NEGLAB_DATA: join(dir, "data"),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const vectors = join(dir, "v.txt");
writeFileSync(vectors, "6 3\nking 1 0 1\nqueen 0 1 1\nman 1 0 0\nwoman 0 1 0\ncat 0.2 0.9 0.1\ndog 0.3 0.8 0.2\n");
/** A benchmark file at its registry path in the data directory. */
function dataset(name: string, text: string): string {
  const path = join(dir, "data", getDataset(name).file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

describe("neglab eval: benchmarks", () => {
  it("without --analogy or --similarity scores the defaults, questions-words and wordsim353 (no stack trace)", async () => {
    dataset("questions-words", ": family\nking queen man woman\n");
    dataset("wordsim353", "# Word 1\tWord 2\tHuman (mean)\nking\tqueen\t8\nman\twoman\t7\ncat\tdog\t9\nking\tcat\t1\n");
    const result = await neglab("eval", vectors, "--json");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.analogy.map((a: { name: string; questions: number }) => [a.name, a.questions])).toEqual([
      ["questions-words", 1],
    ]);
    expect(json.similarity.map((s: { name: string; spearman: { n: number } }) => [s.name, s.spearman.n])).toEqual([
      ["wordsim353", 4],
    ]);
  });

  it("a missing default benchmark is one line naming it and how to fetch it, exit 1", async () => {
    const result = await neglab("eval", vectors, "--data-dir", join(dir, "empty"));
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^neglab: no benchmark named \(--analogy, --similarity\), so the default questions-words is scored, but .*eval\/analogy\/questions-words\.txt not found .*download it with: neglab data fetch questions-words\n$/,
    );
  });

  it("--method takes a method in any case (the API's 3CosMul spelling too); another value is a usage error", async () => {
    const questions = dataset("questions-words", ": family\nking queen man woman\n");
    const accepted = await neglab("eval", vectors, "--analogy", questions, "--method", "3CosMul", "--json");
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout).analogy[0].method).toBe("3CosMul");
    const refused = await neglab("eval", vectors, "--analogy", questions, "--method", "3cosmull");
    expect(refused.stderr).toMatch(
      /^neglab: --method: "3cosmull" is not one of "3cosadd", "3cosmul".*did you mean "3cosmul"/,
    );
    expect(refused.code).toBe(2);
  });

  it("unparsable lines are reported (file, count, first line) and in the JSON; --strict refuses the file", async () => {
    const pairs = join(dir, "pairs.tsv");
    writeFileSync(pairs, "king\tqueen\t8\nman\twoman\tnan\ncat\tdog\t9\nking cat\nking\tman\t3\n");
    const questions = join(dir, "q.txt");
    writeFileSync(questions, ": family\nking queen man woman\nking queen man\n");
    const warned = await neglab("eval", vectors, "--analogy", questions, "--similarity", pairs, "--json");
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe(
      `neglab: warning: ${questions}: 1 unparsable line skipped (first: line 3); --strict refuses such files\n` +
        `neglab: warning: ${pairs}: 2 unparsable lines skipped (first: line 2); --strict refuses such files\n`,
    );
    const json = JSON.parse(warned.stdout);
    expect(json.analogy[0].skippedLines).toEqual({ count: 1, firstLine: 3 });
    expect(json.similarity[0].skippedLines).toEqual({ count: 2, firstLine: 2 });
    expect(json.similarity[0].spearman.n).toBe(3);

    const strict = await neglab("eval", vectors, "--similarity", pairs, "--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr).toBe(
      `neglab: ${pairs}:2: unparsable line, expected \`word1 word2 score\` with a finite score (2 unparsable lines in all); strict mode refuses the file\n`,
    );
  });
});

describe("downloads are bounded in time", () => {
  // Sends the headers and 100 bytes of the body, then nothing.
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-length": 10_000 });
    response.write(Buffer.alloc(100, 0x61));
  });
  let base = "";
  beforeAll(async () => {
    base = await listenOnLoopback(server);
  });
  afterAll(() => closeServer(server));

  it("data fetch --timeout: a stalled download fails naming the URL and the timeout, and leaves no file", async () => {
    const cache = join(dir, "stall-cache");
    const started = Date.now();
    const result = await neglab("data", "fetch", "rg-65", "--base-url", base, "--cache-dir", cache, "--timeout", "0.5");
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `neglab: fetch rg-65 from ${base}/${getDataset("rg-65").file}: download stalled: no data for 0.5 s after 100 bytes (idle timeout)\n`,
    );
    expect(
      existsSync(cache) ? readdirSync(cache, { recursive: true }).filter((f) => String(f).endsWith(".part")) : [],
    ).toEqual([]);
    const bad = await neglab("data", "fetch", "rg-65", "--base-url", base, "--cache-dir", cache, "--timeout", "0");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe("neglab: --timeout: expected a positive number of seconds (at most 2147483), got 0\n");
  });

  it("the run's fetch path passes its timeouts on and logs the stalled download", async () => {
    const previous = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = join(dir, "run-cache");
    try {
      const experiment = {
        file: "x.json",
        benchmarks: [{ name: "rg", type: "similarity", path: getDataset("rg-65").file }],
      } as unknown as Experiment;
      const log: string[] = [];
      await fetchMissingBenchmarks(experiment, join(dir, "empty"), (m) => log.push(m), base, {
        connectTimeout: 400,
        idleTimeout: 400,
      });
      expect(log[1]).toBe(
        `rg: download failed: fetch rg-65 from ${base}/${getDataset("rg-65").file}: download stalled: no data for 0.4 s after 100 bytes (idle timeout)`,
      );
    } finally {
      if (previous === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = previous;
    }
  });
});
