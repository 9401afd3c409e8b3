/** Which share of the grid this process runs: cells whose index ≡ `index` (mod `count`). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard from `--shard i/n` (1-based i, as users count), else Slurm's
 * `SLURM_ARRAY_TASK_ID`/`SLURM_ARRAY_TASK_COUNT` (0-based id with `--array=0-(n-1)`),
 * else Kubernetes Indexed Jobs' `JOB_COMPLETION_INDEX` with the count from
 * `--shard-count` or `NEGLAB_SHARD_COUNT`; else the whole grid.
 */
export function resolveShard(flag: string | undefined, shardCount: number | undefined, env: NodeJS.ProcessEnv = process.env): Shard {
  if (flag !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flag);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || index < 1 || index > count) throw new Error(`--shard ${flag}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/3`);
    return { index: index - 1, count };
  }
  const fromEnv = (idName: string, id: string | undefined, countName: string, countText: string | undefined): Shard => {
    const index = Number(id);
    const count = Number(countText);
    if (!Number.isInteger(index) || index < 0) throw new Error(`${idName}=${id}: expected a non-negative integer`);
    if (!Number.isInteger(count) || count < 1) throw new Error(`${countName}=${countText}: expected a positive shard count`);
    if (index >= count) throw new Error(`${idName}=${index} is not below the shard count ${count}`);
    return { index, count };
  };
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    return fromEnv("SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, "SLURM_ARRAY_TASK_COUNT", shardCount?.toString() ?? env.SLURM_ARRAY_TASK_COUNT);
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    return fromEnv("JOB_COMPLETION_INDEX", env.JOB_COMPLETION_INDEX, "--shard-count or NEGLAB_SHARD_COUNT", shardCount?.toString() ?? env.NEGLAB_SHARD_COUNT);
  }
  return { index: 0, count: 1 };
}
