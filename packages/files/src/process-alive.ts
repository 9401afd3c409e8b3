import { readFileSync } from "node:fs";

/**
 * Whether a process with this id runs on this host (EPERM: it exists but
 * belongs to another user). A zombie — killed, not yet reaped by its parent —
 * still answers signal 0, so on Linux its state in /proc/<pid>/stat is checked too.
 */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !ended(pid);
}

/** Whether /proc says the process has ended (state Z or X); false where /proc is not available. */
function ended(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The state follows the command name, which is in parentheses and may itself contain ") ".
    const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
    return state === "Z" || state === "X";
  } catch {
    return false;
  }
}
