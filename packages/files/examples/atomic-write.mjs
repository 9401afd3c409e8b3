import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileWriteError, sha256File, writeFileAtomically } from "@neglab/files";

const dir = mkdtempSync(join(tmpdir(), "files-example-"));
symlinkSync("results.csv", join(dir, "latest.csv"));

// Written into a hidden temporary file beside the link's target, fsynced, then renamed: the link stays a link.
await writeFileAtomically(join(dir, "latest.csv"), "strategy,accuracy\nunigram,0.61\n");
console.log(readFileSync(join(dir, "results.csv"), "utf8").trim().split("\n")[1]); // unigram,0.61
console.log(await sha256File(join(dir, "results.csv")));

// A failing source leaves the old file as it was, and no temporary file.
async function* failing() {
  yield Buffer.from("strategy,accuracy\n");
  throw new Error("the source failed");
}
await writeFileAtomically(join(dir, "latest.csv"), failing()).catch((error) => console.log(error.message));
console.log(readdirSync(dir).sort().join(" ")); // latest.csv results.csv

// Errors of the file system name the path, never the temporary file.
await writeFileAtomically(join(dir, "missing", "x.csv"), "x").catch((error) => console.log(error instanceof FileWriteError, error.reason));
