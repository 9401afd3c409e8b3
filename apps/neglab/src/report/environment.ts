import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { createRequire } from "node:module";

const PACKAGES = ["@neglab/corpus", "@neglab/samplers", "@neglab/trainer", "@neglab/vectors", "@neglab/eval"];

/** What a reader needs to reproduce a run: package versions, git commit, Node version, CPU. */
export function environment(): Record<string, unknown> {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of PACKAGES) {
    try {
      const main = require.resolve(name);
      const pkg = JSON.parse(readFileSync(new URL("../package.json", `file://${main}`), "utf8")) as { version: string };
      versions[name] = pkg.version;
    } catch {
      versions[name] = "unknown";
    }
  }
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    // not a git checkout
  }
  const cpu = cpus();
  return { packages: versions, gitCommit: commit, node: process.version, platform: `${process.platform}-${process.arch}`, cpu: cpu[0]?.model ?? "unknown", cores: cpu.length };
}
