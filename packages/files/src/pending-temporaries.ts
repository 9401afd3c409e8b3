import { rmSync } from "node:fs";

/** Temporary files to delete if the process is interrupted or exits before their write ends. */
const pending = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM"] as const;

function removePending(): void {
  for (const path of pending) rmSync(path, { force: true });
  pending.clear();
}

/**
 * On SIGINT / SIGTERM: deletes the pending files, then, unless the program
 * handles the signal itself (another listener, e.g. a CLI that prints a
 * message and exits 130 / 143), re-raises it so that the process ends as the
 * signal's default action would (a shell then sees 130 / 143).
 */
function onSignal(signal: NodeJS.Signals): void {
  removePending();
  uninstall();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
  // Prepended, so the files go even when a later listener exits the process at once.
  for (const signal of SIGNALS) process.prependListener(signal, onSignal);
  process.on("exit", removePending);
}

function uninstall(): void {
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  process.removeListener("exit", removePending);
}

/**
 * Registers `path` to be deleted if the process receives SIGINT or SIGTERM or
 * exits (`process.exit`) while it exists, so an interrupted write leaves no
 * temporary file; returns the function that unregisters it once the file has
 * been renamed into place or deleted.
 */
export function removeOnInterrupt(path: string): () => void {
  if (pending.size === 0) install();
  pending.add(path);
  return () => {
    if (!pending.delete(path) || pending.size > 0) return;
    uninstall();
  };
}
