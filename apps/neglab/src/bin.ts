#!/usr/bin/env node
import { EXIT, main } from "./cli.js";
import { describeError } from "./errors.js";

// Ctrl-C and `kill` end the command with one line and the shell's 128 + signal
// number, so scripts and Slurm see an interruption, not a failure or success.
// The exit is deferred by one turn so that other SIGINT/SIGTERM listeners (e.g.
// removing a partial download) run first; finished cells and atomically written
// files are complete or absent either way.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
  process.once(signal, () => {
    process.stderr.write(`\nneglab: interrupted by ${signal}\n`);
    setImmediate(() => process.exit(code));
  });
}

// An error raised outside the command's promise chain (an unhandled stream
// error, a rejected promise nobody awaits) is reported like any other: one line.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    const { message, internal } = describeError(error);
    if (process.env.NEGLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.stderr.write(`neglab: ${message}${internal ? " (internal error)" : ""}\n`);
    process.exit(internal ? EXIT.internal : EXIT.input);
  });
}

// If the event loop empties while the command still waits on a promise that can
// never settle, Node would exit 13 without a word; say what happened instead.
let settled = false;
process.on("exit", (code) => {
  if (settled || code !== EXIT.ok) return;
  process.stderr.write("neglab: the command stopped before finishing (it waited on something that can never happen) (internal error)\n");
  process.exitCode = EXIT.internal;
});

process.exitCode = await main(process.argv.slice(2));
settled = true;
