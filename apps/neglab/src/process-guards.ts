import { EXIT, describeError } from "./errors.js";

/** Ends {@link guardProcess}'s watch once the command's promise has settled. */
export interface ProcessGuard {
  /** Call once main() has resolved: from then on an empty event loop is a normal end. */
  finished(): void;
}

/**
 * Makes every way a command can end keep the exit-code promise (see {@link EXIT})
 * and print at most one line:
 *
 * - SIGINT (Ctrl-C) and SIGTERM (`kill`, Slurm's `scancel`) print
 *   `neglab: interrupted by SIGINT` and exit 128 + the signal number (130, 143),
 *   as a shell reports a process the signal killed. The exit is deferred by one
 *   turn so that other listeners of the signal (e.g. one removing a partial
 *   download) run first; finished cells and atomically written files are then
 *   complete or absent.
 * - An error raised outside the command's promise chain (an unhandled stream
 *   error, a rejected promise nobody awaits) is described like any other
 *   ({@link describeError}) instead of Node's stack dump.
 * - If the event loop empties while the command still waits on a promise that
 *   can never settle, Node would exit 13 without a word; the guard says what
 *   happened and exits {@link EXIT.internal}. (So commands return their exit
 *   code from main() and never call `process.exit(0)` themselves.)
 */
export function guardProcess(): ProcessGuard {
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nneglab: interrupted by ${signal}\n`);
      setImmediate(() => process.exit(code));
    });
  }
  for (const event of ["uncaughtException", "unhandledRejection"] as const) {
    process.on(event, (error: unknown) => {
      const { message, internal } = describeError(error);
      if (process.env.NEGLAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
      process.stderr.write(`neglab: ${message}${internal ? " (internal error)" : ""}\n`);
      process.exit(internal ? EXIT.internal : EXIT.input);
    });
  }
  let finished = false;
  process.on("exit", (code) => {
    if (finished || code !== EXIT.ok) return;
    process.stderr.write("neglab: the command ended while still waiting for a result that never came (a promise that never settles, e.g. in a custom sampler module) (internal error)\n");
    process.exitCode = EXIT.internal;
  });
  return {
    finished() {
      finished = true;
    },
  };
}
