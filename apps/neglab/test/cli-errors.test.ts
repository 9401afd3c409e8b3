import { mkdir, mkdtemp, open, rename, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { temporaryNameBeside } from "@neglab/files";
import { describe, expect, it } from "vitest";
import { describeError, oneLine, userPath } from "../src/errors.js";
import { explainInvalidChoice, explainUnknownArguments, unknownCommand } from "../src/usage.js";
import { runMain } from "./cli-helpers.js";

const COMMANDS = [
  "corpus",
  "run",
  "merge",
  "report",
  "samplers",
  "train",
  "eval",
  "compare",
  "data",
  "completion",
  "help",
];

/** The error a file-system call raises (it must raise one). */
async function raised(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("describeError: system errors in plain words with the user's path", () => {
  it("names the path of a real ENOENT, ENOTDIR and EISDIR, never as raw errno text", async () => {
    const dir = await mkdtemp(join(tmpdir(), "neglab-cli-errors-"));
    const file = join(dir, "keep.txt");
    await writeFile(file, "keep\n");
    expect(describeError(await raised(() => open(join(dir, "missing.txt"))))).toEqual({
      message: `${join(dir, "missing.txt")}: no such file or directory`,
      internal: false,
    });
    expect(describeError(await raised(() => open(join(file, "x.txt"), "w"))).message).toBe(
      `${join(file, "x.txt")}: a component of the path is a file, not a directory (ENOTDIR)`,
    );
    const report = describeError(await raised(() => open(dir, "w")));
    expect(report.message).toBe(`${dir}: is a directory, not a file (EISDIR)`);
    expect(report.message).not.toMatch(/EISDIR: illegal operation|, open '/);
  });

  it("names the user's file, not the temporary file an atomic write or a download goes through", async () => {
    const dir = await mkdtemp(join(tmpdir(), "neglab-cli-errors-"));
    await mkdir(join(dir, "out.txt"));
    const temporary = temporaryNameBeside(join(dir, "out.txt"));
    await writeFile(temporary, "x");
    // Renaming the finished temporary file over a directory the user named as --out.
    const error = await raised(() => rename(temporary, join(dir, "out.txt")));
    expect(describeError(error).message).toMatch(
      new RegExp(`^${join(dir, "out.txt")}: .*\\((EISDIR|ENOTEMPTY|EEXIST)\\)$`),
    );
    expect(describeError(error).message).not.toContain(".tmp");
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      syscall: "open",
      path: temporaryNameBeside(join(dir, "v.bin")),
    });
    expect(describeError(full).message).toBe(`${join(dir, "v.bin")}: no space left on the device (ENOSPC)`);
    expect(userPath(temporaryNameBeside("/d/questions.txt", "part"))).toBe("/d/questions.txt");
    expect(userPath(temporaryNameBeside("/d/x.gz", "ids.tmp"))).toBe("/d/x.gz");
    expect(userPath(`/d/.report.html.${hostname()}.4194305.0123abcd.tmp`)).toBe(
      `/d/.report.html.${hostname()}.4194305.0123abcd.tmp`,
    );
    // Another process's (or the user's own) file that merely looks temporary keeps its name.
    expect(userPath("/d/results.5.tmp")).toBe("/d/results.5.tmp");
  });

  it("describes errors without a path by the failed call, and network failures by host", () => {
    const write = Object.assign(new Error("ENOSPC: no space left on device, write"), {
      code: "ENOSPC",
      syscall: "write",
    });
    expect(describeError(write).message).toBe("write failed: no space left on the device (ENOSPC)");
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), {
      code: "ECONNREFUSED",
      syscall: "connect",
      address: "127.0.0.1",
      port: 9,
    });
    // fetch() reports it as a TypeError whose cause is the system error: still the user's network, not a bug.
    expect(describeError(new TypeError("fetch failed", { cause: refused }))).toEqual({
      message: "fetch failed: 127.0.0.1:9: connection refused (ECONNREFUSED)",
      internal: false,
    });
  });
});

describe("describeError: user errors are one line, bugs are marked internal", () => {
  it("treats a JSON SyntaxError (a damaged user file) as a user error", () => {
    let error: unknown;
    try {
      JSON.parse('{"cells": [1, 2');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SyntaxError);
    expect(describeError(error)).toEqual({ message: (error as Error).message, internal: false });
  });

  it("marks TypeError, ReferenceError and the engine's RangeErrors internal, not package RangeErrors", () => {
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({
      message: "TypeError: Cannot read properties of undefined (reading 'x')",
      internal: true,
    });
    expect(describeError(new ReferenceError("x is not defined")).internal).toBe(true);
    expect(describeError(new RangeError("Invalid array length")).internal).toBe(true);
    expect(describeError(new RangeError("sample must be a finite number ≥ 0, got -1"))).toEqual({
      message: "sample must be a finite number ≥ 0, got -1",
      internal: false,
    });
    class SamplerError extends Error {
      override readonly name = "SamplerError";
    }
    expect(describeError(new SamplerError("w.tsv:3: weight must be finite"))).toEqual({
      message: "w.tsv:3: weight must be finite",
      internal: false,
    });
  });

  it("drops the stack frames a worker thread's error carries in its message", () => {
    const fromWorker = new Error(
      "training worker failed: SamplerError: my-sampler.js: draw threw: boom\n    at draw (file:///x/my-sampler.js:3:9)\n    at Worker.run (node:internal/worker:1:1)",
    );
    expect(describeError(fromWorker).message).toBe(
      "training worker failed: SamplerError: my-sampler.js: draw threw: boom",
    );
    expect(oneLine("first\n\nsecond\n    at f (file:///x.js:1:2)\nthird")).toBe("first; second; third");
  });
});

describe("usage problems get the closest valid name", () => {
  it("suggests a command or a group's subcommand", () => {
    expect(unknownCommand(["trian", "--corpus", "c.txt"], COMMANDS)).toBe(
      'unknown command "trian"; did you mean "train"?',
    );
    expect(unknownCommand(["samplers", "lst"], COMMANDS)).toBe(
      'unknown command "samplers lst"; did you mean "samplers list"?',
    );
    expect(unknownCommand(["data", "fecth", "wordsim353"], COMMANDS)).toBe(
      'unknown command "data fecth"; did you mean "data fetch"?',
    );
    expect(unknownCommand(["corpus", "xyzzy"], COMMANDS)).toBe('unknown command "corpus xyzzy" (commands: stats)');
    expect(unknownCommand(["train", "--out", "x.txt"], COMMANDS)).toBeUndefined();
  });

  it("suggests an option, in the form it was given", () => {
    const known = ["help", "version", "epochs", "vector-size", "vectorSize", "fetch", "shard", "h"];
    expect(
      explainUnknownArguments("Unknown arguments: vector-sise, vectorSise", ["train", "--vector-sise", "300"], known),
    ).toBe("unknown option --vector-sise; did you mean --vector-size?");
    expect(explainUnknownArguments("Unknown argument: epoch", ["train", "--epoch=1"], known)).toBe(
      "unknown option --epoch; did you mean --epochs?",
    );
    expect(explainUnknownArguments("Unknown argument: shards", ["run", "x", "--shards", "1/2"], known)).toBe(
      "unknown option --shards; did you mean --shard?",
    );
    expect(explainUnknownArguments("Unknown argument: extra", ["data", "list", "extra"], known)).toBe(
      'unexpected argument "extra"',
    );
    expect(
      explainInvalidChoice('Invalid values:\n  Argument: method, Given: "3cosmull", Choices: "3cosadd", "3cosmul"'),
    ).toBe('--method: "3cosmull" is not one of "3cosadd", "3cosmul"; did you mean "3cosmul"?');
  });
});

describe("messages that named the wrong problem", () => {
  it("an output path under a file says the file is not a directory, not that there is no such directory", async () => {
    const dir = await mkdtemp(join(tmpdir(), "neglab-cli-errors-"));
    const file = join(dir, "corpus.txt");
    await writeFile(file, "the cat sat\n");
    const { code, stdout, stderr } = await runMain("train", "--corpus", file, "--out", join(file, "vectors.txt"));
    expect([code, stdout, stderr]).toEqual([1, "", `neglab: --out: ${file}: is a file, not a directory\n`]);
    const missing = await runMain("train", "--corpus", file, "--out", join(dir, "nowhere", "vectors.txt"));
    expect(missing.stderr).toBe(`neglab: --out: ${join(dir, "nowhere")}: no such directory\n`);
  });
});
