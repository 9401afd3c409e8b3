import { DATASETS, fetchDataset, getDataset, locateDataset, verifyDataset } from "@neglab/eval";
import { createTable } from "../terminal.js";
import type { CommandModule } from "yargs";
import { DATA_LOCATION_FLAGS, dataLocation } from "./data-directory.js";
import { FETCH_TIMEOUT_FLAG, fetchTimeouts } from "./fetch-timeout.js";

interface LocationArgs {
  "data-dir": string | undefined;
  "cache-dir": string | undefined;
}

/** The path a dataset is found at (data directory first, then the fetch cache), or null. */
function findDataset(name: string, location: ReturnType<typeof dataLocation>): string | null {
  try {
    return locateDataset(name, location);
  } catch {
    return null;
  }
}

/** `neglab data list`: the registered benchmarks, where each is found, and its source and licence. */
const dataListCommand: CommandModule<object, LocationArgs & { json: boolean }> = {
  command: "list",
  describe: "List the benchmark datasets: kind, size, where the file is found (or missing), source",
  builder: (y) =>
    y.options(DATA_LOCATION_FLAGS).option("json", { type: "boolean", default: false, describe: "Print JSON" }),
  handler: (args) => {
    const location = dataLocation(args);
    const rows = DATASETS.map((d) => ({ ...d, path: findDataset(d.name, location) }));
    if (args.json) {
      console.log(JSON.stringify({ dataDir: location.dataDir ?? null, datasets: rows }, null, 2));
      return;
    }
    const table = createTable({ head: ["name", "kind", "items", "file", "found at"] });
    for (const d of rows) table.push([d.name, d.kind, d.items.toLocaleString("en"), d.file, d.path ?? "missing"]);
    console.log(`data directory: ${location.dataDir ?? "none (set NEGLAB_DATA or --data-dir)"}\n${table.toString()}`);
    const missing = rows.filter((d) => d.path === null).map((d) => d.name);
    if (missing.length > 0)
      console.log(`\nmissing: ${missing.join(", ")}; download with: neglab data fetch ${missing.join(" ")}`);
  },
};

interface FetchArgs extends LocationArgs {
  names: string[];
  all: boolean;
  url: string | undefined;
  "base-url": string | undefined;
  force: boolean;
  timeout: number;
}

/** `neglab data fetch <name…>`: downloads datasets into the cache, verified against the registry's SHA-256. */
const dataFetchCommand: CommandModule<object, FetchArgs> = {
  command: "fetch [names..]",
  describe: "Download datasets into the cache (checked against their SHA-256; nothing partial is kept)",
  builder: (y) =>
    y
      .positional("names", {
        type: "string",
        array: true,
        default: [],
        describe: "Dataset names (see neglab data list)",
      })
      .option("all", { type: "boolean", default: false, describe: "Fetch every dataset not found yet" })
      .option("url", { type: "string", describe: "Download the (single) named dataset from this URL instead" })
      .option("base-url", {
        type: "string",
        describe: "A mirror of the data directory: download <base-url>/<registry path>",
      })
      .option("force", { type: "boolean", default: false, describe: "Download even when a verified copy exists" })
      .options(FETCH_TIMEOUT_FLAG)
      .options(DATA_LOCATION_FLAGS),
  handler: async (args) => {
    // 1. Check the names (unknown ones get the closest suggested) and the flag combinations first.
    const location = dataLocation(args);
    const timeouts = fetchTimeouts(args.timeout);
    if (args.all && args.names.length > 0) throw new Error("give dataset names or --all, not both");
    const names = args.all
      ? DATASETS.filter((d) => args.force || findDataset(d.name, location) === null).map((d) => d.name)
      : args.names.map((n) => getDataset(n).name);
    if (!args.all && names.length === 0) throw new Error("name the datasets to fetch (see neglab data list), or --all");
    if (args.url !== undefined && names.length !== 1)
      throw new Error(`--url: give exactly one dataset name with it, got ${names.length}`);

    // 2. Fetch one by one, skipping those already present in the data directory.
    for (const name of names) {
      const present = findDataset(name, location);
      if (!args.force && present !== null && location.dataDir !== undefined && present.startsWith(location.dataDir)) {
        console.log(`${name}: present at ${await verifyDataset(name, { ...location, path: present })} (verified)`);
        continue;
      }
      const result = await fetchDataset(name, {
        ...(location.cacheDir === undefined ? {} : { cacheDir: location.cacheDir }),
        ...(args.url === undefined ? {} : { url: args.url }),
        ...(args["base-url"] === undefined ? {} : { baseUrl: args["base-url"] }),
        force: args.force,
        ...timeouts,
      });
      console.log(
        result.url === null
          ? `${name}: cached at ${result.path} (verified)`
          : `${name}: ${result.bytes.toLocaleString("en")} bytes from ${result.url} → ${result.path} (verified)`,
      );
    }
    if (names.length === 0) console.log("every dataset is present");
  },
};

/** `neglab data verify [name…]`: checks dataset files against the registry's SHA-256. */
const dataVerifyCommand: CommandModule<object, LocationArgs & { names: string[] }> = {
  command: "verify [names..]",
  describe: "Check dataset files against their SHA-256 (default: every dataset found)",
  builder: (y) =>
    y
      .positional("names", {
        type: "string",
        array: true,
        default: [],
        describe: "Dataset names (default: all that are present)",
      })
      .options(DATA_LOCATION_FLAGS),
  handler: async (args) => {
    const location = dataLocation(args);
    const named = args.names.length > 0;
    const datasets = named
      ? args.names.map((n) => getDataset(n))
      : DATASETS.filter((d) => findDataset(d.name, location) !== null);
    if (datasets.length === 0)
      throw new Error(
        `no dataset found in ${location.dataDir ?? "(no data directory)"} or the cache; see neglab data list`,
      );
    const failures: string[] = [];
    for (const d of datasets) {
      try {
        console.log(`ok       ${d.name}  ${await verifyDataset(d.name, location)}`);
      } catch (error) {
        console.log(`FAILED   ${d.name}  ${(error as Error).message}`);
        failures.push(d.name);
      }
    }
    if (failures.length > 0)
      throw new Error(`${failures.length} of ${datasets.length} datasets failed verification: ${failures.join(", ")}`);
  },
};

/** `neglab data <list|fetch|verify>`: the benchmark datasets of `@neglab/eval`'s registry. */
export const dataCommand: CommandModule = {
  command: "data <command>",
  describe: "Benchmark datasets: list them, fetch them into the cache, verify their checksums",
  builder: (y) => y.command(dataListCommand).command(dataFetchCommand).command(dataVerifyCommand).demandCommand(1),
  handler: () => undefined,
};
