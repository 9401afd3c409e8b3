import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { vi } from "vitest";
import { main } from "../src/cli.js";

/** The built command, as `npm install -g` would run it. */
export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

/** What a command printed and how it exited. */
export interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs main() in this process (the module graph is loaded once, unlike a
 * child process), capturing what it prints through console and the streams.
 */
export async function runMain(...args: string[]): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const capture = (into: string[]) => (text: unknown) => {
    into.push(String(text));
    return true;
  };
  vi.spyOn(console, "log").mockImplementation((...parts: unknown[]) => capture(stdout)(`${parts.join(" ")}\n`));
  vi.spyOn(console, "error").mockImplementation((...parts: unknown[]) => capture(stderr)(`${parts.join(" ")}\n`));
  vi.spyOn(process.stdout, "write").mockImplementation(capture(stdout));
  vi.spyOn(process.stderr, "write").mockImplementation(capture(stderr));
  try {
    const code = await main(args);
    return { code, stdout: stdout.join(""), stderr: stderr.join("") };
  } finally {
    vi.restoreAllMocks();
  }
}

/** Runs the built CLI as a child process in `cwd` with `env` added (CI set: plain progress lines). */
export function runBin(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, CI: "1", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
