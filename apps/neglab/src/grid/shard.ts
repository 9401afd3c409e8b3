/** Which share of the grid this process runs: cells whose index ≡ `index` (mod `count`). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The shard from `--shard i/n` (1-based i, as users count), else a Slurm array
 * task's environment (see {@link slurmShard}), else Kubernetes Indexed Jobs'
 * `JOB_COMPLETION_INDEX` (0-based) with the count from `--shard-count` or
 * `NEGLAB_SHARD_COUNT`; else the whole grid. `--shard-count` also overrides
 * Slurm's `SLURM_ARRAY_TASK_COUNT`.
 */
export function resolveShard(
  flag: string | undefined,
  shardCount: number | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Shard {
  if (flag !== undefined) {
    const match = /^(\d+)\/(\d+)$/.exec(flag);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match || count < 1 || index < 1 || index > count)
      throw new Error(`--shard ${flag}: expected i/n with 1 ≤ i ≤ n, e.g. --shard 2/3`);
    return { index: index - 1, count };
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) return slurmShard(env, shardCount);
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    const index = integerVariable("JOB_COMPLETION_INDEX", env.JOB_COMPLETION_INDEX, 0);
    const count = integerVariable(
      "--shard-count or NEGLAB_SHARD_COUNT",
      shardCount?.toString() ?? env.NEGLAB_SHARD_COUNT,
      1,
    );
    if (index >= count) throw new Error(`JOB_COMPLETION_INDEX=${index} is not below the shard count ${count}`);
    return { index, count };
  }
  return { index: 0, count: 1 };
}

/**
 * The shard of a Slurm array task. Slurm numbers tasks as the user wrote the
 * array (`--array=1-3`, `0-2`, `1-9:4`) and tells each task the first id
 * (`SLURM_ARRAY_TASK_MIN`), the step of a range (`SLURM_ARRAY_TASK_STEP`), the last
 * id (`SLURM_ARRAY_TASK_MAX`) and how many tasks there are (`SLURM_ARRAY_TASK_COUNT`);
 * the shard index is (id − min) / step. A list that is not one evenly spaced range
 * (`--array=1,3,7`: Slurm reports step 1) would give some tasks the same shard and
 * leave others' cells to nobody, so every task of it stops: its max is not
 * min + (count − 1) · step. Without `SLURM_ARRAY_TASK_MIN` (an environment set by
 * hand) the first id is 0 and the step 1.
 */
function slurmShard(env: NodeJS.ProcessEnv, shardCount: number | undefined): Shard {
  const id = integerVariable("SLURM_ARRAY_TASK_ID", env.SLURM_ARRAY_TASK_ID, 0);
  const min =
    env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : integerVariable("SLURM_ARRAY_TASK_MIN", env.SLURM_ARRAY_TASK_MIN, 0);
  const step =
    env.SLURM_ARRAY_TASK_STEP === undefined
      ? 1
      : integerVariable("SLURM_ARRAY_TASK_STEP", env.SLURM_ARRAY_TASK_STEP, 1);
  const tasks =
    env.SLURM_ARRAY_TASK_COUNT === undefined
      ? undefined
      : integerVariable("SLURM_ARRAY_TASK_COUNT", env.SLURM_ARRAY_TASK_COUNT, 1);
  const count = shardCount ?? tasks;
  if (count === undefined)
    throw new Error("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: pass --shard-count, or --shard i/n");
  if (!Number.isInteger(count) || count < 1) throw new Error(`--shard-count ${count}: expected a positive shard count`);
  if (env.SLURM_ARRAY_TASK_MAX !== undefined && tasks !== undefined) {
    const max = integerVariable("SLURM_ARRAY_TASK_MAX", env.SLURM_ARRAY_TASK_MAX, 0);
    if (max !== min + (tasks - 1) * step) {
      throw new Error(
        `the Slurm array is not one evenly spaced range (tasks ${min} to ${max}, step ${step}, ${tasks} tasks), so its task ids do not number the shards: submit with --array=1-${tasks} (or --shard i/n per task)`,
      );
    }
  }
  if (id < min || (id - min) % step !== 0)
    throw new Error(
      `SLURM_ARRAY_TASK_ID=${id} is not SLURM_ARRAY_TASK_MIN=${min} plus a multiple of SLURM_ARRAY_TASK_STEP=${step}`,
    );
  const index = (id - min) / step;
  if (index >= count)
    throw new Error(
      `SLURM_ARRAY_TASK_ID=${id} is task ${index + 1} of the array (first id ${min}, step ${step}), beyond the shard count ${count}`,
    );
  return { index, count };
}

/** The integer value of environment variable (or flag) `name`, at least `least`; an error naming it otherwise. */
function integerVariable(name: string, text: string | undefined, least: number): number {
  const value = text === undefined || text.trim() === "" ? NaN : Number(text);
  if (!Number.isInteger(value) || value < least)
    throw new Error(`${name}=${text ?? ""}: expected ${least === 0 ? "a non-negative integer" : "a positive integer"}`);
  return value;
}
