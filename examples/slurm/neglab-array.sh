#!/bin/bash
# An experiment's grid as a Slurm array job: each task runs one shard of the (strategy × seed) cells into one shared
# results directory. Submit from the repository root (after `pnpm build`), one task per shard:
#
#   jobid=$(sbatch --parsable --array=1-3 examples/slurm/neglab-array.sh experiments/alpha-sweep /shared/runs/alpha-sweep)
#
# and the report once every task has succeeded (or add --wait to the first sbatch and run merge after it):
#
#   sbatch --dependency=afterok:$jobid --wrap "node apps/neglab/dist/bin.js merge experiments/alpha-sweep --out /shared/runs/alpha-sweep"
#
# Any evenly spaced array works (--array=1-3, 0-2, 1-9:4): task (id − first id) / step runs shard 1…n of n tasks.
# The submitting shell's environment reaches the tasks (sbatch's default --export=ALL), NEGLAB_DATA included.
# A failed task leaves its cells missing; `neglab merge` then names them and the shard that has not run, and
# submitting the array again trains only those cells (the others are cached). --cpus-per-task is for the
# experiment's train.workers threads.
#SBATCH --job-name=neglab
#SBATCH --cpus-per-task=4
#SBATCH --time=02:00:00
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: sbatch --array=1-<shards> examples/slurm/neglab-array.sh <experiment> <results directory>" >&2
  exit 2
fi
if [ ! -f apps/neglab/dist/bin.js ]; then
  echo "$(pwd)/apps/neglab/dist/bin.js not found: submit from the repository root, after pnpm build" >&2
  exit 2
fi
exec node apps/neglab/dist/bin.js run "$1" --out "$2"
