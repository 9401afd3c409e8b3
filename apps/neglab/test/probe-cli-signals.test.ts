import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { bin } from "./cli-helpers.js";

describe("probe: an interrupt ends the process even while a thread-pool open() blocks", () => {
  it("SIGINT during a read of a FIFO without writer: one line, ends as 130 within seconds", async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), "neglab-probe-signal-")), "fifo");
    execFileSync("mkfifo", [fifo]);
    const guards = pathToFileURL(join(bin, "..", "process-guards.js")).href;
    const script = [
      `import { readFile } from "node:fs/promises";`,
      `import { guardProcess } from ${JSON.stringify(guards)};`,
      `guardProcess();`,
      `readFile(${JSON.stringify(fifo)}, "utf8");`,
      `process.stderr.write("waiting\\n");`,
      `await new Promise(() => setInterval(() => undefined, 1000));`,
    ].join("\n");
    const started = Date.now();
    const result = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
      (resolve) => {
        const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
        const guard = setTimeout(() => child.kill("SIGKILL"), 10_000);
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          if (stderr === "waiting\n") setTimeout(() => child.kill("SIGINT"), 200);
        });
        child.on("close", (code, signal) => {
          clearTimeout(guard);
          resolve({ code, signal, stderr });
        });
      },
    );
    // Ended by SIGINT itself (process.exit would hang joining the pool): a shell reports 130, as for exit(130).
    expect(result.signal === "SIGINT" || result.code === 130).toBe(true);
    expect(result.signal).not.toBe("SIGKILL");
    expect(result.stderr).toBe("waiting\n\nneglab: interrupted by SIGINT\n");
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 15_000);
});
