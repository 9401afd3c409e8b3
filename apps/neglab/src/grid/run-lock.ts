import { closeSync, linkSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { processAlive } from "@neglab/files";
import { ResultsError } from "./results-error.js";
import type { Shard } from "./shard.js";

/** What a lock file holds: who runs the shard, so that a second run can name it and tell a stale lock. */
interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO 8601 start time. */
  started: string;
}

/** A held lock on one shard of a results directory; {@link RunLock.release} is idempotent. */
export interface RunLock {
  path: string;
  release(): void;
}

/** The lock file of `shard` in results directory `out`: one per shard, since Slurm array tasks share one `--out` on purpose. */
function lockPath(out: string, shard: Shard): string {
  return join(out, `.lock-shard-${shard.index + 1}-of-${shard.count}`);
}

/**
 * A live lock in `out` of another shard layout (a different shard count n):
 * locks are per shard, so an unsharded run and shard 1/2 of the same grid
 * would not see each other and would both train the overlapping cells. A lock
 * held on another host counts as live (its process cannot be checked from here).
 */
function liveLockOfOtherLayout(
  out: string,
  shard: Shard,
  host: string,
): { file: string; count: number; holder: LockHolder } | null {
  for (const file of readdirSync(out)) {
    const match = /^\.lock-shard-(\d+)-of-(\d+)$/.exec(file);
    if (match === null || Number(match[2]) === shard.count) continue;
    const holder = readHolder(join(out, file));
    if (holder !== null && (holder.hostname !== host || processAlive(holder.pid)))
      return { file: join(out, file), count: Number(match[2]), holder };
  }
  return null;
}

/** The holder recorded in a lock file; null when it is unreadable or damaged (a writer killed between create and write). */
function readHolder(path: string): LockHolder | null {
  try {
    const json = JSON.parse(readFileSync(path, "utf8")) as Partial<LockHolder>;
    return Number.isSafeInteger(json.pid) && typeof json.hostname === "string" && typeof json.started === "string"
      ? (json as LockHolder)
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of `shard` on results directory `out` (which must exist), so
 * that two `neglab run`s of the same shard do not both train every cell. The
 * lock file is created exclusively (`wx`) and holds the pid, host name and start
 * time. A lock whose process is gone from this host, or that is damaged, is
 * stale: it is taken over with a `notice`. A live holder, or one on another host
 * (whose process cannot be checked from here), stops this run with a
 * {@link ResultsError} naming it. The lock is released by `release()`, on exit,
 * and on SIGINT/SIGTERM (after which the signal's default action ends the
 * process, unless another handler takes it). A stale lock is first renamed
 * aside (atomic) and checked to still be the stale one, so that of two runs
 * taking it over at the same instant one cannot remove the other's new lock:
 * only one of them creates the file, the other stops.
 */
export function lockRun(out: string, shard: Shard, notice: (message: string) => void): RunLock {
  const path = lockPath(out, shard);
  const label = shard.count === 1 ? "this experiment" : `shard ${shard.index + 1}/${shard.count}`;
  const me: LockHolder = { pid: process.pid, hostname: hostname(), started: new Date().toISOString() };
  // Two attempts: the first may find a stale lock to remove; the second create must then succeed or lose to a racing run.
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST")
        throw new ResultsError(`${path}: cannot create the run lock (${(error as Error).message})`);
      const holder = readHolder(path);
      if (holder !== null && holder.hostname !== me.hostname) {
        throw new ResultsError(
          `${out}: ${label} is being run by pid ${holder.pid} on host ${holder.hostname} since ${holder.started}; if that run is gone, delete ${path}`,
        );
      }
      if (holder !== null && processAlive(holder.pid)) {
        throw new ResultsError(
          `${out}: ${label} is already being run by pid ${holder.pid} since ${holder.started}; wait for it to finish or stop it (lock file ${path})`,
        );
      }
      notice(
        `${path}: ${holder === null ? "damaged lock file" : `stale lock of pid ${holder.pid} (started ${holder.started}), which is no longer running`}; taking it over`,
      );
      removeStale(path, holder, `${out}: another run took the lock of ${label} at the same moment (${path})`);
      continue;
    }
    try {
      writeSync(fd, `${JSON.stringify(me)}\n`);
    } finally {
      closeSync(fd);
    }
    const other = liveLockOfOtherLayout(out, shard, me.hostname);
    if (other !== null) {
      unlinkSync(path);
      throw new ResultsError(
        `${out}: ${other.file} is held by pid ${other.holder.pid}${other.holder.hostname === me.hostname ? "" : ` on host ${other.holder.hostname}`} since ${other.holder.started}, a run split into ${other.count} shard(s); ${label} of ${shard.count} would train the same cells: wait for it, or run with --shard i/${other.count}`,
      );
    }
    return holdLock(path, me);
  }
  throw new ResultsError(`${out}: another run took the lock of ${label} at the same moment (${path})`);
}

/**
 * Removes the stale lock at `path` that named `stale`: renames it aside, and
 * if what was moved is not that lock (a racing run replaced it meanwhile), puts
 * it back with an exclusive link and stops with `raced`.
 */
function removeStale(path: string, stale: LockHolder | null, raced: string): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    // Already removed by a racing run: the next exclusive create decides.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new ResultsError(`${path}: cannot remove the stale run lock (${(error as Error).message})`);
  }
  const moved = readHolder(aside);
  const same =
    moved === null
      ? stale === null
      : stale !== null &&
        moved.pid === stale.pid &&
        moved.started === stale.started &&
        moved.hostname === stale.hostname;
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // A third run created the lock meanwhile: it holds it now.
    }
    unlinkSync(aside);
    throw new ResultsError(raced);
  }
  unlinkSync(aside);
}

/** Installs the release on exit and on SIGINT/SIGTERM; releasing removes the file only while it still names this process. */
function holdLock(path: string, me: LockHolder): RunLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    const holder = readHolder(path);
    if (holder?.pid === me.pid && holder.started === me.started) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
    // Only now: with its last listener gone a signal takes its default action, so a second Ctrl-C arriving while
    // the file was read and removed would have ended the process with the lock still in place.
    process.off("exit", release);
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    // Re-raise so the process ends as the signal means (130 for SIGINT), unless someone else handles it.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const handlers = (["SIGINT", "SIGTERM"] as const).map((signal) => [signal, () => onSignal(signal)] as const);
  process.on("exit", release);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  return { path, release };
}
