import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { PassThrough } from "node:stream";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FileWriteError, createAtomicFile, writeFileAtomically, writeToStream } from "../src/index.js";

const dir = mkdtempSync(join(tmpdir(), "neglab-atomic-"));
const bytes = (text: string): Uint8Array[] => [Buffer.from(text)];

/** A FIFO made with mkfifo(1) in the test's own temporary directory. */
function fifo(name: string): string {
  const path = join(dir, name);
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  return path;
}

/** Starts `cat path` and resolves to everything it read once it exits. */
function readWithCat(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("cat", [path]);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

describe("writeFileAtomically", () => {
  it("replaces a regular file and keeps its permission bits", async () => {
    const path = join(dir, "plain.txt");
    writeFileSync(path, "old\n");
    chmodSync(path, 0o640);
    await writeFileAtomically(path, bytes("new\n"));
    expect(readFileSync(path, "utf8")).toBe("new\n");
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes a symbolic link's target and leaves the link a link", async () => {
    const target = join(dir, "target.txt");
    const link = join(dir, "link.txt");
    writeFileSync(target, "old\n");
    symlinkSync("target.txt", link);
    await writeFileAtomically(link, bytes("through the link\n"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("target.txt");
    expect(readFileSync(target, "utf8")).toBe("through the link\n");
  });

  it("creates the missing target of a dangling link, gzipped when the name ends in .gz", async () => {
    const sub = join(dir, "sub");
    mkdirSync(sub);
    const link = join(dir, "dangling.gz");
    symlinkSync(join(sub, "made.gz"), link);
    await writeFileAtomically(link, bytes("zipped\n"), { gzip: true });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(gunzipSync(readFileSync(join(sub, "made.gz"))).toString()).toBe("zipped\n");
  });

  it("writes through a FIFO that a process reads, and the FIFO stays a FIFO", async () => {
    const path = fifo("pipe-read");
    const read = readWithCat(path);
    await writeFileAtomically(path, bytes("down the pipe\n"));
    expect(await read).toBe("down the pipe\n");
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it("refuses a FIFO that nobody reads after the reader timeout, without replacing it", async () => {
    const path = fifo("pipe-unread");
    const started = Date.now();
    const error = await writeFileAtomically(path, bytes("lost\n"), { readerTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toBe(
      `${path}: cannot write: a FIFO that no process opened for reading within 0.2 s: nothing written`,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(lstatSync(path).isFIFO()).toBe(true);
  });

  it("refuses a directory, naming it", async () => {
    const path = join(dir, "a-directory");
    mkdirSync(path);
    await expect(writeFileAtomically(path, bytes("x"))).rejects.toThrow(new FileWriteError(path, "it is a directory"));
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it("names the user's path, never the temporary file, when the directory is missing", async () => {
    const path = join(dir, "missing", "out.txt");
    const error = (await writeFileAtomically(path, bytes("x")).catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).toBe(`${path}: cannot write: its directory does not exist (ENOENT)`);
    expect(error.message).not.toMatch(/\.tmp/);
  });

  it("leaves the old file untouched when the chunks fail midway", async () => {
    const path = join(dir, "kept.txt");
    writeFileSync(path, "keep me\n");
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("half");
      throw new RangeError("source failed");
    }
    await expect(writeFileAtomically(path, failing())).rejects.toThrow(new RangeError("source failed"));
    expect(readFileSync(path, "utf8")).toBe("keep me\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an interrupted write leaves no temporary file", () => {
  const cases = [
    {
      name: "process.exit midway (as a SIGINT handler does)",
      interrupt: "process.exit(130)",
      ended: { status: 130, signal: null },
    },
    {
      name: "SIGTERM midway, without a handler: the process ends by the signal",
      interrupt: 'process.kill(process.pid, "SIGTERM")',
      ended: { status: null, signal: "SIGTERM" },
    },
  ];
  it.each(cases)("$name", ({ interrupt, ended }) => {
    const sub = mkdtempSync(join(dir, "interrupted-"));
    const dist = pathToFileURL(fileURLToPath(new URL("../dist/index.js", import.meta.url))).href;
    const script = `
      import { writeFileAtomically } from ${JSON.stringify(dist)};
      async function* slow() {
        yield Buffer.from("half");
        setTimeout(() => ${interrupt}, 50);
        await new Promise((resolve) => setTimeout(resolve, 60_000));
      }
      await writeFileAtomically(${JSON.stringify(join(sub, "out.txt"))}, slow());`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect({ status: child.status, signal: child.signal }).toEqual(ended);
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe("writeToStream", () => {
  it("writes every chunk without ending the stream", async () => {
    const stream = new PassThrough();
    let out = "";
    stream.on("data", (chunk: Buffer) => (out += chunk.toString()));
    await writeToStream(stream, [Buffer.from("a "), Buffer.from("b\n")]);
    expect(out).toBe("a b\n");
    expect(stream.writableEnded).toBe(false);
  });
});

describe("writeFileAtomically, options", () => {
  it("writes text as UTF-8", async () => {
    const path = join(dir, "text.txt");
    await writeFileAtomically(path, "héllo\n");
    expect(readFileSync(path, "utf8")).toBe("héllo\n");
  });

  it("with specialFiles: refuse, refuses a FIFO, which stays a FIFO, and leaves no temporary file", async () => {
    const path = fifo("pipe-refused");
    await expect(writeFileAtomically(path, "x", { specialFiles: "refuse" })).rejects.toThrow(
      new FileWriteError(path, "it is a FIFO"),
    );
    expect(lstatSync(path).isFIFO()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("fails as beforeRename fails, keeping the old file and no temporary file", async () => {
    const path = join(dir, "verified.txt");
    writeFileSync(path, "good\n");
    let seen = "";
    const verify = () => {
      seen = readdirSync(dir)
        .filter((name) => name.startsWith(".verified.txt.") && name.endsWith(".part"))
        .join();
      throw new RangeError("checksum mismatch");
    };
    await expect(writeFileAtomically(path, "bad\n", { beforeRename: verify, suffix: "part" })).rejects.toThrow(
      new RangeError("checksum mismatch"),
    );
    expect(seen).not.toBe(""); // the bytes were in a hidden .part file beside the target when it was checked
    expect(readFileSync(path, "utf8")).toBe("good\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".part"))).toEqual([]);
  });
});

describe("createAtomicFile", () => {
  it("takes positional writes into a hidden temporary file and renames it onto the target on commit", async () => {
    const path = join(dir, "positional.bin");
    const file = await createAtomicFile(path);
    expect(dirname(file.temporary)).toBe(dirname(path));
    expect(basename(file.temporary)).toMatch(/^\.positional\.bin\..+\.tmp$/);
    writeSync(file.fd, Buffer.from("world"), 0, 5, 6);
    writeSync(file.fd, Buffer.from("hello "), 0, 6, 0);
    expect(existsSync(path)).toBe(false);
    await file.commit();
    expect(readFileSync(path, "utf8")).toBe("hello world");
    expect(existsSync(file.temporary)).toBe(false);
  });

  it("abort removes the temporary file and leaves the target as it was, twice or after commit", async () => {
    const path = join(dir, "aborted.bin");
    writeFileSync(path, "old");
    const file = await createAtomicFile(path);
    writeSync(file.fd, Buffer.from("new"));
    await file.abort();
    await file.abort();
    expect(readFileSync(path, "utf8")).toBe("old");
    expect(existsSync(file.temporary)).toBe(false);
    await expect(file.commit()).rejects.toThrow(/already ended/);
  });

  it("refuses a path that is not a regular file", async () => {
    const path = fifo("pipe-atomic");
    await expect(createAtomicFile(path)).rejects.toThrow(new FileWriteError(path, "it is a FIFO"));
  });
});
