// What a user of the published packages gets (issue #22): every public package is packed as pnpm publishes it
// (`workspace:*` rewritten to versions), checked with publint and @arethetypeswrong/cli, installed alone — its
// tarball and its internal dependencies' tarballs, nothing else local — into an empty directory with plain npm, and
// its README example (`examples/`, shown verbatim in the README) runs there. Workspace links would hide a missing
// `files` entry, an undeclared dependency or a build output outside `dist/`; this install has none.
//
//   pnpm build && pnpm check:packages        (node --test scripts/packages.test.mjs)
//
// External dependencies come from the npm registry (npm's cache first); each install and each example is bounded
// by a timeout, and a failure names the package, the command and its output.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { after, before, describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const INSTALL_TIMEOUT_MS = 240_000;
const EXAMPLE_TIMEOUT_MS = 120_000;
const TOOL_TIMEOUT_MS = 120_000;

/** The public (non-private) packages of the workspace: `packages/*` and `apps/*`. */
function publicPackages() {
  const found = [];
  for (const parent of ["packages", "apps"]) {
    for (const name of readdirSync(join(root, parent)).sort()) {
      const dir = join(root, parent, name);
      const manifestPath = join(dir, "package.json");
      if (!existsSync(manifestPath)) continue;
      const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (!manifest.private) found.push({ dir, rel: relative(root, dir), manifest });
    }
  }
  return found;
}

/**
 * Runs `command args` in `cwd` and resolves with its stdout; rejects with an error naming the command, the
 * directory, the exit code or the timeout, and the tail of stdout and stderr.
 */
function run(command, args, { cwd, timeout, env }) {
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolvePromise({ stdout, stderr });
        const why = error.killed ? `timed out after ${timeout / 1000} s` : `exited with ${error.code ?? error.signal}`;
        const tail = (text) => text.split("\n").slice(-25).join("\n");
        reject(
          new Error(
            `\`${command} ${args.join(" ")}\` in ${cwd} ${why}\n--- stdout\n${tail(stdout)}\n--- stderr\n${tail(stderr)}`,
          ),
        );
      },
    );
  });
}

const packages = publicPackages();
const byName = new Map(packages.map((p) => [p.manifest.name, p]));

/** `name` and the workspace packages it depends on at run time (`dependencies`), transitively. */
function internalClosure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const dep of Object.keys(byName.get(name).manifest.dependencies ?? {})) {
    if (byName.has(dep)) internalClosure(dep, seen);
    else
      assert.ok(
        !String(byName.get(name).manifest.dependencies[dep]).startsWith("workspace:"),
        `${name}: ${dep} is a workspace dependency that is not a public package`,
      );
  }
  return seen;
}

/** What each example must print or leave behind, beyond exiting 0: the behaviour its README promises. */
const EXPECT = {
  "packages/random/examples/streams.mjs": ({ stdout }) => {
    // The same seed gives the same stream on every platform.
    assert.match(stdout, /^871031591$/m);
  },
  "packages/files/examples/atomic-write.mjs": ({ stdout }) => {
    assert.match(stdout, /^unigram,0\.61$/m);
    assert.match(stdout, /^the source failed$/m);
    assert.match(stdout, /^latest\.csv results\.csv$/m);
    assert.match(stdout, /^true its directory does not exist \(ENOENT\)$/m);
  },
  "packages/suggest/examples/did-you-mean.mjs": ({ stdout }) => {
    assert.match(stdout, /^unigram$/m);
    assert.match(stdout, /unknown sampler "unfiorm"; did you mean "uniform"\?/);
  },
  "packages/corpus/examples/brown-vocabulary.mjs": ({ stdout }) => {
    assert.match(stdout, /retainedTypes: 2623/);
    assert.match(stdout, /^82268 4583$/m);
  },
  "packages/samplers/examples/sampler.mjs": ({ stdout }) => {
    assert.match(stdout, /^0\.2793$/m);
    assert.match(stdout, /^uniform, unigram, fasttext, domain, annealed, adaptive/m);
  },
  "packages/vectors/examples/toy-vectors.mjs": ({ stdout, dir }) => {
    assert.match(stdout, /word: 'queen'/);
    assert.match(stdout, / apple$/m);
    assert.ok(existsSync(join(dir, "toy.vec.gz")));
  },
  "packages/trainer/examples/train-small.mjs": ({ stdout, dir }) => {
    const m = /king~queen (\S+) king~apple (\S+)/.exec(stdout);
    assert.ok(m, "prints the two similarities");
    assert.ok(Number(m[1]) > Number(m[2]) + 0.3, `words of one topic end up closer: ${m[0]}`);
    assert.match(readFileSync(join(dir, "vectors.txt"), "utf8"), /^16 20\n/);
    assert.match(stdout, /^epoch 5: loss\/word /m);
  },
  "packages/eval/examples/toy-benchmarks.mjs": ({ stdout }) => {
    assert.match(stdout, /^family 3\/3 of 3$/m);
    assert.match(stdout, /^gram-plural 2\/2 of 3$/m);
    assert.match(stdout, /^spearman 1\.000 /m);
  },
  "packages/report-html/examples/report.mjs": ({ dir }) => {
    const html = readFileSync(join(dir, "report.html"), "utf8");
    assert.match(html, /<svg/);
    assert.match(html, /alpha sweep/);
  },
  "apps/neglab/examples/quickstart.sh": async ({ stdout, dir, manifest }) => {
    assert.match(stdout, new RegExp(`^${manifest.version.replace(/\./g, "\\.")}$`, "m"));
    assert.match(readFileSync(join(dir, "vectors.txt"), "utf8"), /^\d+ 50\n/);
    assert.match(stdout, /pairs\.txt/);
    // The environment a run records names the installed packages' versions (found through their
    // `./package.json` export), not "unknown".
    const { environment } = await import(
      pathToFileURL(join(dir, "node_modules/neglab/dist/report/environment.js")).href
    );
    for (const [name, version] of Object.entries(environment().packages))
      assert.equal(version, byName.get(name).manifest.version, name);
  },
};

/** The example files of a package (`examples/*.mjs`, `examples/*.sh`), repository-relative. */
function examplesOf(pkg) {
  const dir = join(pkg.dir, "examples");
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(mjs|sh)$/.test(f))
    .sort()
    .map((f) => `${pkg.rel}/examples/${f}`);
}

let work;
const tarballs = new Map();

before(async () => {
  work = mkdtempSync(join(tmpdir(), "neglab-packages-"));
  mkdirSync(join(work, "tarballs"));
  for (const pkg of packages) {
    assert.ok(existsSync(join(pkg.dir, "dist")), `${pkg.rel}/dist is missing: run \`pnpm build\` first`);
    const { stdout } = await run("pnpm", ["pack", "--pack-destination", join(work, "tarballs")], {
      cwd: pkg.dir,
      timeout: TOOL_TIMEOUT_MS,
    });
    const tarball = stdout.trim().split("\n").pop().trim();
    assert.ok(tarball.endsWith(".tgz") && existsSync(tarball), `pnpm pack in ${pkg.rel} printed no tarball: ${stdout}`);
    tarballs.set(pkg.manifest.name, tarball);
  }
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test("every public package has a README example that runs here", () => {
  for (const pkg of packages) {
    const examples = examplesOf(pkg);
    assert.ok(examples.length > 0, `${pkg.rel}/examples/ has no example`);
    for (const file of examples) assert.ok(EXPECT[file], `${file}: no expectation in scripts/packages.test.mjs`);
  }
});

describe("README examples are the example files, verbatim", () => {
  for (const pkg of packages) {
    test(pkg.manifest.name, () => {
      const readme = readFileSync(join(pkg.dir, "README.md"), "utf8");
      for (const file of examplesOf(pkg)) {
        const source = readFileSync(join(root, file), "utf8");
        const fence = file.endsWith(".sh") ? "```sh" : "```js";
        assert.ok(
          readme.includes(`${fence}\n${source}\`\`\`\n`),
          `${pkg.rel}/README.md does not show ${file} verbatim in a ${fence} block`,
        );
      }
    });
  }
});

describe("tarball contents and metadata", () => {
  for (const pkg of packages) {
    test(pkg.manifest.name, async () => {
      const tarball = tarballs.get(pkg.manifest.name);
      const { stdout } = await run("tar", ["-tzf", tarball], { cwd: work, timeout: TOOL_TIMEOUT_MS });
      const files = stdout
        .trim()
        .split("\n")
        .map((f) => f.replace(/^package\//, ""));
      for (const required of ["package.json", "README.md", "LICENSE"])
        assert.ok(files.includes(required), `${tarball} lacks ${required}`);
      assert.deepEqual(
        files.filter((f) => f.endsWith(".map")),
        [],
        "maps point at src/, which is not published",
      );
      // Besides dist/: the manifest, README and LICENSE, and the files the package exports by name (neglab's experiment.schema.json).
      const exported = Object.values(pkg.manifest.exports)
        .filter((target) => typeof target === "string")
        .map((target) => target.replace(/^\.\//, ""));
      for (const file of exported) assert.ok(files.includes(file), `${tarball} lacks ${file}, which it exports`);
      assert.deepEqual(
        files.filter(
          (f) => !f.startsWith("dist/") && !["package.json", "README.md", "LICENSE", ...exported].includes(f),
        ),
        [],
      );
      const { stdout: packed } = await run("tar", ["-xzOf", tarball, "package/package.json"], {
        cwd: work,
        timeout: TOOL_TIMEOUT_MS,
      });
      const manifest = JSON.parse(packed);
      assert.doesNotMatch(packed, /workspace:/, "pnpm pack rewrites workspace: versions");
      assert.equal(manifest.license, "MIT");
      assert.match(
        readFileSync(join(pkg.dir, "LICENSE"), "utf8"),
        /^MIT License\n\nCopyright \(c\) \d{4} NegLab contributors\n/,
      );
      assert.deepEqual(manifest.engines, { node: ">=20" });
      assert.deepEqual(manifest.repository, {
        type: "git",
        url: "git+https://github.com/neglab/neglab.git",
        directory: pkg.rel,
      });
      assert.equal(manifest.homepage, `https://github.com/neglab/neglab/tree/main/${pkg.rel}#readme`);
      assert.deepEqual(manifest.bugs, { url: "https://github.com/neglab/neglab/issues" });
      assert.equal(manifest.exports["./package.json"], "./package.json");
    });
  }
});

describe("publint and arethetypeswrong", () => {
  for (const pkg of packages) {
    test(pkg.manifest.name, async () => {
      const tarball = tarballs.get(pkg.manifest.name);
      await run(join(root, "node_modules/.bin/publint"), ["run", tarball, "--strict"], {
        cwd: root,
        timeout: TOOL_TIMEOUT_MS,
      });
      // ESM only by design (`"type": "module"`, an `import` condition): the esm-only profile does not ask for
      // CommonJS `require` to work, and checks every other resolution mode.
      await run(join(root, "node_modules/.bin/attw"), [tarball, "--profile", "esm-only", "--no-color", "--no-emoji"], {
        cwd: root,
        timeout: TOOL_TIMEOUT_MS,
      });
    });
  }
});

describe("installs alone with npm and runs its README example", { concurrency: 2 }, () => {
  for (const pkg of packages) {
    test(pkg.manifest.name, async () => {
      const dir = join(work, `install-${pkg.manifest.name.replace(/[@/]/g, "_")}`);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "pack-install", private: true, type: "module" }));
      const closure = [...internalClosure(pkg.manifest.name)];
      await run(
        "npm",
        ["install", "--no-audit", "--no-fund", "--prefer-offline", ...closure.map((n) => tarballs.get(n))],
        {
          cwd: dir,
          timeout: INSTALL_TIMEOUT_MS,
          env: { npm_config_update_notifier: "false" },
        },
      );
      for (const name of closure) {
        const installed = join(dir, "node_modules", name);
        assert.ok(
          lstatSync(installed).isDirectory() && !lstatSync(installed).isSymbolicLink(),
          `${name} is installed from its tarball`,
        );
      }
      for (const file of examplesOf(pkg)) {
        const local = join(dir, file.split("/").pop());
        writeFileSync(local, readFileSync(join(root, file)));
        const [command, args] = file.endsWith(".sh") ? ["sh", [local]] : [process.execPath, [local]];
        const { stdout } = await run(command, args, {
          cwd: dir,
          timeout: EXAMPLE_TIMEOUT_MS,
          env: { NEGLAB_DATA: join(dir, "no-data") },
        });
        await EXPECT[file]({ stdout, dir, manifest: pkg.manifest });
      }
    });
  }
});
