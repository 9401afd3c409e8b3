import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { requireSlurm } from "@neglab/testkit";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { runFixture } from "./run-fixture.js";

// Issue #21: the documented Slurm job script, submitted as an array job to a real cluster (in CI a one-node cluster
// that .ci/run starts with scripts/slurm-cluster.sh), gives the same results.csv as a single process.

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const jobScript = join(repoRoot, "examples", "slurm", "neglab-array.sh");

/** How long one `sbatch --wait` of a three-task array of small cells may take (sbatch polls the job every few seconds). */
const SBATCH_TIMEOUT_MS = 300_000;

describe("examples/slurm/neglab-array.sh", () => {
  it("is the job script apps/neglab/README.md shows, verbatim", () => {
    const readme = readFileSync(join(repoRoot, "apps", "neglab", "README.md"), "utf8");
    expect(
      readme.includes(`\`\`\`sh\n${readFileSync(jobScript, "utf8")}\`\`\`\n`),
      "apps/neglab/README.md does not show examples/slurm/neglab-array.sh verbatim in a ```sh block",
    ).toBe(true);
  });
});

describe("requireSlurm", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("skips with a message naming sbatch outside CI, and fails in CI", () => {
    vi.stubEnv("PATH", mkdtempSync(join(tmpdir(), "neglab-no-slurm-")));
    vi.stubEnv("CI", "1");
    expect(() => requireSlurm()).toThrow(
      /sbatch is not on PATH: install Debian's slurm-wlm and munge — CI must provide a Slurm cluster/,
    );
    vi.stubEnv("CI", "");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(requireSlurm()).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[skip\] sbatch is not on PATH/));
    warn.mockRestore();
  });

  it("names a SLURM_CONF that does not exist at once (Slurm's clients would retry it for a minute)", () => {
    const bin = mkdtempSync(join(tmpdir(), "neglab-sbatch-"));
    writeFileSync(join(bin, "sbatch"), "#!/bin/sh\nexit 0\n");
    chmodSync(join(bin, "sbatch"), 0o755);
    vi.stubEnv("PATH", bin);
    vi.stubEnv("SLURM_CONF", join(bin, "slurm.conf"));
    vi.stubEnv("CI", "1");
    expect(() => requireSlurm()).toThrow(
      `SLURM_CONF=${join(bin, "slurm.conf")} does not exist: start a one-node cluster with eval "$(scripts/slurm-cluster.sh start)"`,
    );
  });
});

describe.skipIf(!requireSlurm())(
  "the job script as a Slurm array (sbatch --array=1-3 --wait), then neglab merge",
  () => {
    // 2 strategies × 2 seeds on a planted corpus, 1 worker, 1 epoch: four cells of well under a second each.
    // Made in beforeAll: vitest calls a skipped suite's body too, to list its tests.
    let fixture: ReturnType<typeof runFixture>;
    let file: string;
    let single: string;
    beforeAll(async () => {
      fixture = runFixture("neglab-slurm-");
      writeFileSync(
        join(fixture.dir, "data", "analogy.txt"),
        ": animals-tools\ncat dog saw drill\ncow pig hammer wrench\ndog cat drill saw\npig hen wrench file\n",
      );
      file = fixture.experiment("slurm", {
        benchmarks: [
          { name: "pairs", type: "similarity", path: "pairs.tsv" },
          { name: "analogy", type: "analogy", path: "analogy.txt" },
        ],
      });
      single = join(fixture.dir, "single");
      const run = await fixture.neglab(["run", file, "--out", single]);
      expect(run.code, run.stderr).toBe(0);
    });

    /**
     * `sbatch --array=1-3 --wait <script> <experiment> <out>` from the repository root, one CPU per task; a child
     * process awaited, not spawnSync, so that the test worker keeps answering vitest while the array runs.
     */
    const sbatch = (script: string, out: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const args = [
          "--array=1-3",
          "--wait",
          "--cpus-per-task=1",
          `--output=${join(fixture.dir, "slurm-%A_%a.out")}`,
          script,
          file,
          out,
        ];
        // The tasks inherit this environment (sbatch --export=ALL): the fixture's data and cache, SLURM_CONF, and this node.
        const env = { ...fixture.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ""}` };
        const child = spawn("sbatch", args, { cwd: repoRoot, env, timeout: SBATCH_TIMEOUT_MS });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
      });
    /** What the tasks of the job that `sbatch` reported in `stdout` printed (their --output files). */
    const taskLogs = (stdout: string) => {
      const id = /Submitted batch job (\d+)/.exec(stdout)?.[1] ?? "?";
      return readdirSync(fixture.dir)
        .filter((f) => f.startsWith(`slurm-${id}_`))
        .sort()
        .map((f) => `--- ${f}\n${readFileSync(join(fixture.dir, f), "utf8")}`)
        .join("\n");
    };

    it("gives a results.csv byte for byte equal to the single-process run's", async () => {
      const out = join(fixture.dir, "array");
      const job = await sbatch(jobScript, out);
      expect(job.code, `${job.stderr}\n${taskLogs(job.stdout)}`).toBe(0);
      const logs = taskLogs(job.stdout);
      // Each task ran its own shard (the last to finish also writes the report), and no cell was trained twice.
      expect(readdirSync(join(out, "shards")).sort()).toEqual(["1-of-3.json", "2-of-3.json", "3-of-3.json"]);
      expect(logs.match(/: trained in /g), logs).toHaveLength(4);
      const merged = await fixture.neglab(["merge", file, "--out", out]);
      expect(merged.code, merged.stderr).toBe(0);
      const csv = readFileSync(join(out, "results.csv"));
      expect(
        csv.equals(readFileSync(join(single, "results.csv"))),
        "results.csv of the array run differs from the single run's",
      ).toBe(true);
      // Something real to compare: every cell scored on both benchmarks.
      expect(JSON.parse(readFileSync(join(out, "summary.json"), "utf8")).cells).toBe(4);
      const rows = csv.toString("utf8").trim().split("\n").slice(1);
      for (const strategy of ["uniform", "unigram"])
        for (const seed of [1, 2])
          for (const benchmark of ["pairs", "analogy"])
            expect(
              rows.some((r) => r.startsWith(`${strategy},${seed},${benchmark},`)),
              `${strategy} seed ${seed} on ${benchmark}`,
            ).toBe(true);
    });

    it("a task that fails: merge names the missing cell and its shard; the array again completes it", async () => {
      const out = join(fixture.dir, "failed");
      // A wrapper around the documented script that fails task 2 before neglab starts, as a node failure or a bad
      // environment would.
      const wrapper = join(fixture.dir, "fail-task-2.sh");
      writeFileSync(
        wrapper,
        `#!/bin/bash\nif [ "$SLURM_ARRAY_TASK_ID" = 2 ]; then echo "task 2 made to fail" >&2; exit 1; fi\nexec bash '${jobScript.replaceAll("'", "'\\''")}' "$@"\n`,
      );
      chmodSync(wrapper, 0o755);
      const job = await sbatch(wrapper, out);
      // sbatch --wait exits with the array's highest exit code only if slurmctld still holds the job's record when it
      // polls; the cluster forgets finished jobs after MinJobAge (6 s here), and a poll delayed on a loaded machine comes
      // too late (seen in CI: exit 0). The failure is established from the task's own log and from what merge finds.
      expect([0, 1], taskLogs(job.stdout)).toContain(job.code);
      expect(taskLogs(job.stdout)).toContain("task 2 made to fail");
      expect(existsSync(join(out, "shards", "2-of-3.json"))).toBe(false);
      const merged = await fixture.neglab(["merge", file, "--out", out]);
      expect(merged.code).toBe(1);
      // Cells in strategy-major order: shard 2/3 owns cell 1, uniform seed 2.
      expect(merged.stderr.trimEnd().split("\n").at(-1)).toBe(
        `neglab: ${out}: 1 of 4 cells are missing (uniform seed 2): shard 2/3 has not run (1 cell; no shards/2-of-3.json); run the remaining shards first`,
      );
      // Submitting the documented array again trains only the missing cell.
      const again = await sbatch(jobScript, out);
      expect(again.code, taskLogs(again.stdout)).toBe(0);
      expect(taskLogs(again.stdout).match(/cached/g)).toHaveLength(3);
      expect((await fixture.neglab(["merge", file, "--out", out])).code).toBe(0);
      expect(readFileSync(join(out, "results.csv")).equals(readFileSync(join(single, "results.csv")))).toBe(true);
    });
  },
);
