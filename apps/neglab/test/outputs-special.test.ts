import { spawn } from "node:child_process";
import { lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mkfifo, neglab, outputsWorkspace, QUICK } from "./outputs-helpers.js";

// Defect 3 of issue #19: special files given as outputs are written through, never replaced; `-` is standard output.
const { dir, corpus, background } = outputsWorkspace("special");

/** The header line of word2vec text vectors for the small corpus at 4 dimensions. */
const HEADER = /^\d+ 4\n/;

describe("special files as outputs", () => {
  it("train --out FIFO: the reader gets the vectors and the FIFO stays a FIFO", async () => {
    const fifo = mkfifo(join(dir, "vectors.fifo"));
    const reader = spawn("cat", [fifo]);
    let read = "";
    reader.stdout.on("data", (chunk: Buffer) => (read += chunk.toString()));
    const closed = new Promise((resolve) => reader.on("close", resolve));
    const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", fifo);
    await closed;
    expect(result.code).toBe(0);
    expect(read).toMatch(HEADER);
    expect(read.split("\n").length).toBeGreaterThan(10);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("train --out symbolic link: the target gets the vectors, the link stays a link", async () => {
    const target = join(dir, "target.txt");
    const link = join(dir, "link.txt");
    writeFileSync(target, "old\n");
    symlinkSync("target.txt", link);
    const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", link);
    expect(result.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("target.txt");
    expect(readFileSync(target, "utf8")).toMatch(HEADER);
  });

  it("train --out - writes the text vectors to standard output and the summary to stderr", async () => {
    const result = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", "-");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(HEADER);
    expect(result.stdout).not.toMatch(/trained/);
    expect(result.stderr).toMatch(/wrote standard output \(word2vec text\)/);
  });

  it("train --out - refuses --binary and --model -", async () => {
    const binary = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--out", "-", "--binary");
    expect(binary.code).toBe(1);
    expect(binary.stderr).toBe(
      'neglab: --out: "-" (standard output) takes the text format only: drop --binary or name a file\n',
    );
    const model = await neglab(dir, "train", "--corpus", corpus, ...QUICK, "--model", "-");
    expect(model.code).toBe(1);
    expect(model.stderr).toBe('neglab: --model: "-" (standard output) is not possible for a model file: name a file\n');
  });

  it("samplers weights --out - writes the weights to standard output", async () => {
    const result = await neglab(
      dir,
      "samplers",
      "weights",
      "--domain",
      corpus,
      "--background",
      background,
      "--min-count",
      "1",
      "--out",
      "-",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^the\t\d/m);
    expect(result.stderr).toMatch(/wrote \d+ weights to standard output/);
  });
});
