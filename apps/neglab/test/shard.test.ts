import { describe, expect, it } from "vitest";
import { resolveShard } from "../src/grid/shard.js";

/** The environment Slurm gives task `id` of `sbatch --array=<min>-<max>:<step>` (as seen on Slurm 22.05). */
function slurmTask(id: number, min: number, max: number, step = 1) {
  const count = Math.floor((max - min) / step) + 1;
  return {
    SLURM_ARRAY_TASK_ID: String(id),
    SLURM_ARRAY_TASK_MIN: String(min),
    SLURM_ARRAY_TASK_MAX: String(max),
    SLURM_ARRAY_TASK_STEP: String(step),
    SLURM_ARRAY_TASK_COUNT: String(count),
  };
}

describe("resolveShard", () => {
  it("--shard i/n counts from 1 and wins over the environment", () => {
    expect(resolveShard("2/3", undefined, slurmTask(1, 1, 3))).toEqual({ index: 1, count: 3 });
    for (const bad of ["0/3", "4/3", "1/0", "1-3", ""])
      expect(() => resolveShard(bad, undefined, {})).toThrow(/expected i\/n/);
  });

  it("numbers the tasks of any evenly spaced Slurm array 0 … count−1", () => {
    for (const [min, max, step] of [
      [1, 3, 1],
      [0, 2, 1],
      [5, 7, 1],
      [1, 9, 4],
      [0, 20, 10],
    ]) {
      const shards = [];
      for (let id = min!; id <= max!; id += step!)
        shards.push(resolveShard(undefined, undefined, slurmTask(id, min!, max!, step)));
      expect(shards, `--array=${min}-${max}:${step}`).toEqual([0, 1, 2].map((index) => ({ index, count: 3 })));
    }
  });

  it("stops every task of an array that is not one evenly spaced range", () => {
    // sbatch --array=1,3,7: Slurm reports min 1, max 7, step 1 and 3 tasks; task 3 alone would pass as shard 3/3.
    for (const id of [1, 3, 7]) {
      expect(() => resolveShard(undefined, undefined, { ...slurmTask(id, 1, 3), SLURM_ARRAY_TASK_MAX: "7" })).toThrow(
        "the Slurm array is not one evenly spaced range (tasks 1 to 7, step 1, 3 tasks), so its task ids do not number the shards: submit with --array=1-3 (or --shard i/n per task)",
      );
    }
  });

  it("names the variable when a task id is off the range or a value is not an integer", () => {
    expect(() => resolveShard(undefined, undefined, { ...slurmTask(1, 1, 9, 4), SLURM_ARRAY_TASK_ID: "3" })).toThrow(
      "SLURM_ARRAY_TASK_ID=3 is not SLURM_ARRAY_TASK_MIN=1 plus a multiple of SLURM_ARRAY_TASK_STEP=4",
    );
    expect(() => resolveShard(undefined, undefined, { ...slurmTask(1, 1, 3), SLURM_ARRAY_TASK_ID: "0" })).toThrow(
      /SLURM_ARRAY_TASK_ID=0 is not SLURM_ARRAY_TASK_MIN=1/,
    );
    expect(() => resolveShard(undefined, undefined, { ...slurmTask(1, 1, 3), SLURM_ARRAY_TASK_STEP: "0" })).toThrow(
      "SLURM_ARRAY_TASK_STEP=0: expected a positive integer",
    );
    expect(() => resolveShard(undefined, undefined, { ...slurmTask(1, 1, 3), SLURM_ARRAY_TASK_MIN: "one" })).toThrow(
      "SLURM_ARRAY_TASK_MIN=one: expected a non-negative integer",
    );
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "1" })).toThrow(
      /SLURM_ARRAY_TASK_COUNT is not: pass --shard-count/,
    );
  });

  it("--shard-count overrides the task count; a task beyond it is refused", () => {
    expect(resolveShard(undefined, 4, slurmTask(3, 1, 3))).toEqual({ index: 2, count: 4 });
    expect(() => resolveShard(undefined, 2, slurmTask(3, 1, 3))).toThrow(
      "SLURM_ARRAY_TASK_ID=3 is task 3 of the array (first id 1, step 1), beyond the shard count 2",
    );
  });

  it("an environment set by hand with only the id and count counts from 0", () => {
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "3" })).toEqual({
      index: 0,
      count: 3,
    });
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_COUNT: "3" })).toThrow(
      /beyond the shard count 3/,
    );
  });

  it("JOB_COMPLETION_INDEX counts from 0 with the count from --shard-count or NEGLAB_SHARD_COUNT", () => {
    expect(resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: "2", NEGLAB_SHARD_COUNT: "3" })).toEqual({
      index: 2,
      count: 3,
    });
    expect(resolveShard(undefined, 5, { JOB_COMPLETION_INDEX: "4", NEGLAB_SHARD_COUNT: "3" })).toEqual({
      index: 4,
      count: 5,
    });
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: "0" })).toThrow(
      "--shard-count or NEGLAB_SHARD_COUNT=: expected a positive integer",
    );
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: "-1", NEGLAB_SHARD_COUNT: "3" })).toThrow(
      "JOB_COMPLETION_INDEX=-1: expected a non-negative integer",
    );
  });

  it("runs the whole grid without a flag or an array environment", () => {
    expect(resolveShard(undefined, undefined, {})).toEqual({ index: 0, count: 1 });
  });
});
