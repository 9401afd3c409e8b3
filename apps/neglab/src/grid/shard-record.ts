import { mkdir, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomically } from "@neglab/files";
import type { Experiment } from "../experiment/definition.js";
import type { InputDigests } from "./input-digests.js";
import type { Shard } from "./shard.js";

/**
 * What one shard's cells were made from, stored as `<out>/shards/<i>-of-<n>.json`
 * by `neglab run`: the experiment definition as validated (without the paths of
 * the machine that ran it), and the digests of the corpus and of the benchmark and
 * sampler files. `neglab merge` compares them with its own to name what changed
 * between shards instead of only counting missing cells.
 */
export interface ShardRecord {
  /** `i/n`, 1-based as users count. */
  shard: string;
  definition: Record<string, unknown>;
  corpus: string;
  inputs: InputDigests;
}

/** The record of the run of `shard` of `experiment` with these digests. */
export function shardRecord(experiment: Experiment, shard: Shard, corpus: string, inputs: InputDigests): ShardRecord {
  const { file: _file, baseDir: _baseDir, ...definition } = experiment;
  return { shard: `${shard.index + 1}/${shard.count}`, definition, corpus, inputs };
}

/** Writes `record` atomically into `<out>/shards/`. */
export async function writeShardRecord(out: string, record: ShardRecord): Promise<void> {
  await mkdir(join(out, "shards"), { recursive: true });
  const [i, n] = record.shard.split("/");
  await writeFileAtomically(join(out, "shards", `${i}-of-${n}.json`), [
    new TextEncoder().encode(`${JSON.stringify(record, null, 1)}\n`),
  ]);
}

/** How many differing fields a message lists before "and N more". */
const LISTED_FIELDS = 6;

/**
 * For every shard record in `<out>/shards/` that differs from `current`, one
 * sentence naming the shard and the differing fields (definition field paths;
 * files whose contents changed). An unreadable record is named through `warn` and skipped.
 */
export async function shardDifferences(
  out: string,
  current: ShardRecord,
  warn: (message: string) => void,
): Promise<string[]> {
  const dir = join(out, "shards");
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort();
  const mine = flattenRecord(current);
  const sentences: string[] = [];
  for (const name of names) {
    let record: ShardRecord;
    try {
      record = JSON.parse(await readFile(join(dir, name), "utf8")) as ShardRecord;
      if (typeof record.shard !== "string" || typeof record.definition !== "object" || record.definition === null)
        throw new Error("not a shard record");
    } catch (error) {
      warn(`${join(dir, name)}: unreadable shard record (${(error as Error).message}); ignored`);
      continue;
    }
    const theirs = flattenRecord(record);
    const changed = [...new Set([...mine.keys(), ...theirs.keys()])].filter(
      (path) => mine.get(path) !== theirs.get(path),
    );
    if (changed.length === 0) continue;
    const listed = changed
      .slice(0, LISTED_FIELDS)
      .map((path) =>
        path.endsWith("(contents)")
          ? path
          : `${path} (${theirs.get(path) ?? "absent"} there, ${mine.get(path) ?? "absent"} here)`,
      );
    const more = changed.length > LISTED_FIELDS ? `, and ${changed.length - LISTED_FIELDS} more` : "";
    sentences.push(
      `shard ${record.shard}'s cells were made with a different experiment definition or inputs: ${listed.join(", ")}${more}`,
    );
  }
  return sentences;
}

/** Field path → JSON text of every leaf of a record's definition, plus one entry per input file digest. */
function flattenRecord(record: ShardRecord): Map<string, string> {
  const leaves = new Map<string, string>();
  flatten(record.definition, "", leaves);
  leaves.set("corpus.source (contents)", String(record.corpus));
  for (const [name, digest] of Object.entries(record.inputs?.benchmarks ?? {}))
    leaves.set(`benchmark "${name}" file (contents)`, String(digest));
  for (const [strategy, files] of Object.entries(record.inputs?.samplerFiles ?? {})) {
    for (const [field, digest] of Object.entries(files ?? {}))
      leaves.set(`strategy "${strategy}" sampler ${field} file (contents)`, String(digest));
  }
  return leaves;
}

function flatten(value: unknown, path: string, leaves: Map<string, string>): void {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => flatten(item, `${path}[${i}]`, leaves));
  else if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) flatten(item, path === "" ? key : `${path}.${key}`, leaves);
  } else leaves.set(path, JSON.stringify(value));
}

/**
 * Which shards owe the `missing` cells, for every shard count that `<out>/shards/`
 * holds records of (`<i>-of-<n>.json`): a shard owns the cells whose index ≡ i−1
 * (mod n), as `neglab run --shard i/n` picks them. A shard with a record got as far
 * as reading the corpus and then stopped or still runs; one without has not run
 * (an array task that failed before `neglab run` started, or was never
 * submitted). One phrase per such shard, e.g. `shard 2/3 has not run (no
 * shards/2-of-3.json)`; none when no shard left a record (an unsharded run).
 */
export async function unfinishedShards(out: string, missing: readonly { index: number }[]): Promise<string[]> {
  const names = await readdir(join(out, "shards")).catch(() => [] as string[]);
  const recorded = new Map<number, Set<number>>();
  for (const name of names) {
    const match = /^(\d+)-of-(\d+)\.json$/.exec(name);
    if (!match) continue;
    const [i, n] = [Number(match[1]), Number(match[2])];
    if (!recorded.has(n)) recorded.set(n, new Set());
    recorded.get(n)!.add(i);
  }
  const phrases: string[] = [];
  for (const n of [...recorded.keys()].sort((a, b) => a - b)) {
    const owed = new Map<number, number>();
    for (const { index } of missing) owed.set((index % n) + 1, (owed.get((index % n) + 1) ?? 0) + 1);
    for (const i of [...owed.keys()].sort((a, b) => a - b)) {
      const cells = `${owed.get(i)} ${owed.get(i) === 1 ? "cell" : "cells"}`;
      phrases.push(
        recorded.get(n)!.has(i)
          ? `shard ${i}/${n} started but has not finished (${cells})`
          : `shard ${i}/${n} has not run (${cells}; no shards/${i}-of-${n}.json)`,
      );
    }
  }
  return phrases;
}
