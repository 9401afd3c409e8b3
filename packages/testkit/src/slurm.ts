import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** How long `sinfo` may take to answer before the cluster counts as absent (it answers in well under a second when up). */
const SINFO_TIMEOUT_MS = 30_000;

/**
 * Whether a Slurm cluster takes jobs from this machine, for tests that submit
 * job scripts: `sbatch` is on PATH and `sinfo` answers with at least one
 * partition (the controller named by `SLURM_CONF`, else `/etc/slurm/slurm.conf`,
 * is up). Returns false after printing what is missing, so the caller can
 * `describe.skipIf(!requireSlurm())` with a visible reason. In CI (`CI` set),
 * where .ci/run installs Debian's slurm-wlm and munge and starts a one-node
 * cluster with `scripts/slurm-cluster.sh`, a missing cluster throws instead, as
 * with `requirePython`.
 */
export function requireSlurm(): boolean {
  const what = slurmMissing();
  if (what === null) return true;
  if (process.env.CI)
    throw new Error(
      `${what} — CI must provide a Slurm cluster (.ci/run: Debian slurm-wlm and munge, scripts/slurm-cluster.sh start)`,
    );
  console.warn(`[skip] ${what}`);
  return false;
}

/** What keeps Slurm from taking jobs here, or null when nothing does. */
function slurmMissing(): string | null {
  if (onPath("sbatch") === null) return `sbatch is not on PATH: install Debian's slurm-wlm and munge`;
  const conf = process.env.SLURM_CONF;
  // Slurm's clients retry a missing configuration file for a minute before they give up.
  if (conf !== undefined && !existsSync(conf))
    return `SLURM_CONF=${conf} does not exist: start a one-node cluster with eval "$(scripts/slurm-cluster.sh start)"`;
  const sinfo = spawnSync("sinfo", ["--noheader", "--format=%P %a %t"], {
    encoding: "utf8",
    timeout: SINFO_TIMEOUT_MS,
  });
  const where = `SLURM_CONF=${conf ?? "unset, so /etc/slurm/slurm.conf"}`;
  if (sinfo.error || sinfo.status !== 0) {
    const reason = sinfo.error?.message ?? (sinfo.stderr.trim().split("\n").pop() || `exit status ${sinfo.status}`);
    return `sinfo does not answer (${reason}; ${where}): start a one-node cluster with eval "$(scripts/slurm-cluster.sh start)"`;
  }
  if (sinfo.stdout.trim() === "") return `sinfo lists no partition (${where})`;
  return null;
}

/** The executable file `command` in a directory of PATH, or null. */
function onPath(command: string): string | null {
  for (const entry of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(entry, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
