import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";

const PACKAGES = [
  "@neglab/random",
  "@neglab/corpus",
  "@neglab/samplers",
  "@neglab/trainer",
  "@neglab/vectors",
  "@neglab/eval",
  "@neglab/report-html",
];

/**
 * The version in the package.json of the package `name` as this module imports it, or "unknown". Every NegLab
 * package exports `./package.json`, so ESM resolution finds it wherever the package is installed (workspace link,
 * plain npm install, hoisted or not).
 */
function packageVersion(name: string): string {
  try {
    const manifest = fileURLToPath(import.meta.resolve(`${name}/package.json`));
    return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/** What a reader needs to reproduce a run: package versions, git commit, Node version, CPU. */
export function environment(): Record<string, unknown> {
  const versions = Object.fromEntries(PACKAGES.map((name) => [name, packageVersion(name)]));
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    // not a git checkout
  }
  const cpu = cpus();
  return {
    packages: versions,
    gitCommit: commit,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
  };
}
