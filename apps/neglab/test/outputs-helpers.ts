import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** A fresh temporary directory holding a small corpus (`corpus.txt`) and a background corpus (`background.txt`). */
export function outputsWorkspace(prefix: string): { dir: string; corpus: string; background: string } {
  const dir = mkdtempSync(join(tmpdir(), `neglab-${prefix}-`));
  const corpus = join(dir, "corpus.txt");
  const lines = Array.from({ length: 300 }, (_, i) =>
    i % 2 === 0 ? "the cat eats grass near the dog on the farm" : "a saw cuts wood beside the drill in the shop",
  );
  writeFileSync(corpus, `${lines.join("\n")}\n`);
  const background = join(dir, "background.txt");
  writeFileSync(background, `${lines.map((line) => `${line} and then some more words here`).join("\n")}\n`);
  return { dir, corpus, background };
}

/** Flags of a quick training on the small corpus. */
export const QUICK = ["--vector-size", "4", "--epochs", "1", "--min-count", "1", "--workers", "1", "--sample", "0"];

/** Runs the built CLI as a child process in `cwd`. */
export function neglab(
  cwd: string,
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, CI: "1", NEGLAB_DATA: join(cwd, "data") },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Makes a FIFO with mkfifo(1) (tests create their own, in their temporary directory). */
export function mkfifo(path: string): string {
  const made = spawnSync("mkfifo", [path]);
  if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr}`);
  return path;
}
