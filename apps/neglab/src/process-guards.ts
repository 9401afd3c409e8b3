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
 *   complete or absent. When a thread of libuv's pool stays blocked (see
 *   {@link exitAfterSignal}), the process ends by the signal itself instead,
 *   which a shell also reports as 130 or 143.
 * - An error raised outside the command's promise chain (an unhandled stream
 *   error, a rejected promise nobody awaits) is described like any other
 *   ({@link describeError}) instead of Node's stack dump.
 * - If the event loop empties while the command still waits on a promise that
 *   can never settle, Node would exit 13 without a word; the guard says what
 *   happened and exits {@link EXIT.internal}. (So commands return their exit
 *   code from main() and never call `process.exit(0)` themselves.)
 */
export function guardProcess(): ProcessGuard {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nneglab: interrupted by ${signal}\n`);
      setImmediate(() => exitAfterSignal(signal, code, Date.now() + THREADPOOL_WAIT_MS));
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
    process.stderr.write(
      "neglab: the command ended while still waiting for a result that never came (a promise that never settles, e.g. in a custom sampler module) (internal error)\n",
    );
    process.exitCode = EXIT.internal;
  });
  return {
    finished() {
      finished = true;
    },
  };
}

/**
 * Requests that occupy a thread of libuv's pool (file system calls, host name
 * lookups). `process.exit` joins that pool (`uv_library_shutdown`), so it
 * blocks for as long as one of them does: forever for an `open()` of a FIFO
 * that no process writes to.
 */
const THREADPOOL_REQUEST = /^(FSReq|GetAddrInfoReqWrap|GetNameInfoReqWrap)/;

/** How long an interrupted process waits for pending pool requests before ending by the signal itself (ms). */
const THREADPOOL_WAIT_MS = 1000;

/**
 * Ends the process after `signal`: `process.exit(code)` once no thread-pool
 * request is pending (an ordinary file read ends within milliseconds). A
 * request still pending at `deadline` may never end, and `process.exit` would
 * then hang, so the process restores the signal's default action and sends the
 * signal to itself: the kernel ends it at once, and the parent sees it killed
 * by the signal, which a shell reports as 128 + the number like the exit code
 * would (and which is how a program that caught SIGINT should end, so that a
 * calling shell script stops too).
 */
function exitAfterSignal(signal: "SIGINT" | "SIGTERM", code: number, deadline: number): void {
  if (!process.getActiveResourcesInfo().some((resource) => THREADPOOL_REQUEST.test(resource))) process.exit(code);
  if (Date.now() < deadline) {
    setTimeout(() => exitAfterSignal(signal, code, deadline), 20);
    return;
  }
  // Without listeners Node restores the default action (termination) of the signal.
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
