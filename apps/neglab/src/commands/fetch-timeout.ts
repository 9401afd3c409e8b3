import { DEFAULT_FETCH_TIMEOUTS } from "@neglab/eval";
import { numberFlag } from "./number-flags.js";

/**
 * `--timeout <seconds>` of the commands that download: the limit both for the server to answer and for a silence
 * within the body (`fetchDataset`'s `connectTimeout` and `idleTimeout`), so a stalled server cannot hang a command.
 */
export const FETCH_TIMEOUT_FLAG = {
  timeout: numberFlag("timeout", {
    default: DEFAULT_FETCH_TIMEOUTS.idle / 1000,
    describe: "Seconds to wait for the server to answer, and for more data while downloading, before giving up",
  }),
};

/** The `fetchDataset` timeouts for `--timeout <seconds>`; anything but a positive number of seconds (up to 24 days, setTimeout's range) is an error naming the flag. */
export function fetchTimeouts(seconds: number): { connectTimeout: number; idleTimeout: number } {
  if (!(Number.isFinite(seconds) && seconds > 0 && seconds * 1000 <= 2 ** 31 - 1))
    throw new Error(`--timeout: expected a positive number of seconds (at most 2147483), got ${seconds}`);
  return { connectTimeout: seconds * 1000, idleTimeout: seconds * 1000 };
}
