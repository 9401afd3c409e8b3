import { readSync, writeSync } from "node:fs";

/** Writes all of `bytes` to `fd` at `position`, however many `write(2)` calls it takes. */
export function writeFully(fd: number, bytes: Uint8Array, position: number): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/**
 * Reads `bytes.length` bytes of `fd` at `position` into `bytes`, however many
 * `read(2)` calls it takes; returns how many were read, fewer only where the file ends.
 */
export function readFully(fd: number, bytes: Uint8Array, position: number): number {
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}
