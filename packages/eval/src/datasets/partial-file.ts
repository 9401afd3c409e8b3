import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { readdir, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

/**
 * The temporary file a download of `target` is written to before it is
 * verified and renamed onto `target`: in the target's own directory (so the
 * rename is atomic) and named `.<file>.<host>.<pid>.<random>.part`, so that a
 * later fetch can tell whether the process that wrote it is still alive.
 */
export function partialPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${hostname()}.${process.pid}.${randomBytes(4).toString("hex")}.part`);
}

/** How long a `.part` file may go unmodified before it counts as abandoned, whichever host wrote it. */
const SILENT_STALE_MS = 60 * 60 * 1000;

/**
 * Deletes the `.part` files of earlier downloads of `target` that can never
 * complete: those written on this host by a process that no longer runs
 * (killed with SIGKILL, or a power loss), and any, from this host or another
 * sharing the cache (a home directory on a cluster), not modified for an hour,
 * or for twice `idleMs` when that is longer — a live download writes at least
 * once per idle timeout, so a longer silence means its process is gone (or
 * its pid was reused). Returns the names deleted.
 */
export async function removeStalePartials(target: string, idleMs: number): Promise<string[]> {
  const dir = dirname(target);
  const escaped = basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // The host part is absent in the names of older versions, which only ever ran locally.
  const pattern = new RegExp(`^\\.${escaped}\\.(?:(.+)\\.)?(\\d+)\\.[0-9a-f]{8}\\.part$`);
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const [, host, pid] = match;
    const path = join(dir, name);
    const local = host === undefined || host === hostname();
    const deadLocal = local && Number(pid) !== process.pid && !processAlive(Number(pid));
    const silent = Date.now() - (await stat(path).then((s) => s.mtimeMs, () => Date.now())) > Math.max(SILENT_STALE_MS, 2 * idleMs);
    if (!deadLocal && !silent) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}

/** Whether a process with this id runs on this host (EPERM: it runs, under another user). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Temporary files to delete if the process is interrupted or exits before its download finishes. */
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
 * exits (`process.exit`) while it exists, so an interrupted download leaves no
 * `.part` file; returns the function that unregisters it once the download has
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
