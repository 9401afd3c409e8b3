#!/usr/bin/env node
import { main } from "./cli.js";
import { guardProcess } from "./process-guards.js";

const guard = guardProcess();
process.exitCode = await main(process.argv.slice(2));
guard.finished();
