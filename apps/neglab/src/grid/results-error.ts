/**
 * A problem with a results directory of `neglab run`/`merge`/`report` that the
 * user can act on (a damaged file, a run already in progress, shards made from
 * different definitions): the message names the file or directory and what to do.
 * The command line prints it as one line and exits 1.
 */
export class ResultsError extends Error {
  override name = "ResultsError";
}
