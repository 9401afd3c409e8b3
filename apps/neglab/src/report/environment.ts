import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGES = ["@neglab/random", "@neglab/corpus", "@neglab/samplers", "@neglab/trainer", "@neglab/vectors", "@neglab/eval", "@neglab/report-html"];

/** The version in the package.json of the package `name` as this module imports it (ESM resolution), or "unknown". */
function packageVersion(name: string): string {
  try {
    // The packages export only an `import` condition, so resolve as ESM and walk up to their package.json.
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** What a reader needs to reproduce a run: package versions, git commit, Node version, CPU. */
export function environment(): Record<string, unknown> {
  const versions = Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // not a git checkout
  }
  const cpu = cpus();
  return { packages: versions, gitCommit: commit, node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpu[0]?.model ?? "unknown", cores: cpu.length };
}
