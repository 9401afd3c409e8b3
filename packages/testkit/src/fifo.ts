import { execFileSync } from "node:child_process";
import { closeSync, constants, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A FIFO in a fresh temporary directory that no process writes to, for tests of readers that must refuse it. */
export interface FifoWithoutWriter {
  readonly path: string;
  /**
   * Opens the FIFO for writing without blocking (which releases a reader stuck
   * in open(2), so a broken reader cannot keep the test process alive), then
   * removes the directory.
   */
  release(): void;
}

/** Makes a {@link FifoWithoutWriter} named `name` (with `mkfifo`, in a mkdtemp directory, never a system path). */
export function fifoWithoutWriter(name = "input.fifo"): FifoWithoutWriter {
  const dir = mkdtempSync(join(tmpdir(), "neglab-fifo-"));
  const path = join(dir, name);
  execFileSync("mkfifo", [path]);
  return {
    path,
    release() {
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // ENXIO: no reader has it open, so nothing is stuck.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
