import { readdir, rm, stat } from "node:fs/promises";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { processAlive, temporaryNameOwner } from "@neglab/files";

/**
 * The suffix of the temporary file a download of `target` is written to
 * before it is verified and renamed onto `target`: `temporaryNameBeside` of
 * @neglab/files, `.<file>.<host>.<pid>.<random>.part`, in the target's own
 * directory (so the rename is atomic), naming the host and process that
 * write it, so that a later fetch can tell whether that process still runs.
 */
export const PARTIAL_SUFFIX = "part";

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
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const owner = temporaryNameOwner(name, basename(target), PARTIAL_SUFFIX);
    if (owner === null) continue;
    const path = join(dir, name);
    // The host part is absent in the names of older versions, which only ever ran locally.
    const local = owner.host === null || owner.host === hostname();
    const deadLocal = local && owner.pid !== process.pid && !processAlive(owner.pid);
    const silent =
      Date.now() -
        (await stat(path).then(
          (s) => s.mtimeMs,
          () => Date.now(),
        )) >
      Math.max(SILENT_STALE_MS, 2 * idleMs);
    if (!deadLocal && !silent) continue;
    await rm(path, { force: true });
    removed.push(name);
  }
  return removed;
}
