import yargs from "yargs";
import { compareCommand } from "./commands/compare.js";
import { corpusStatsCommand } from "./commands/corpus-stats.js";
import { dataCommand } from "./commands/data.js";
import { evalCommand } from "./commands/eval.js";
import { mergeCommand } from "./commands/merge.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { samplersCommand } from "./commands/samplers.js";
import { trainCommand } from "./commands/train.js";

/** Built-in error types that signal a bug rather than bad input. */
const PROGRAMMING_ERRORS = [TypeError, ReferenceError, SyntaxError, EvalError];

/**
 * Runs the `neglab` command line with `args` (without the node and script
 * paths) and resolves to the process exit code: 0 on success, 1 on a user
 * error (printed without a stack trace), 2 on a usage error.
 */
export async function main(args: string[]): Promise<number> {
  let usageError = false;
  const cli = yargs(args)
    .scriptName("neglab")
    .usage("$0 <command> [options]\n\nCompare negative-sampling strategies for word2vec.")
    .command(corpusStatsCommand)
    .command(runCommand)
    .command(mergeCommand)
    .command(reportCommand)
    .command(samplersCommand)
    .command(trainCommand)
    .command(evalCommand)
    .command(compareCommand)
    .command(dataCommand)
    .demandCommand(1, "Name a command: see neglab --help")
    .strict()
    .help()
    .alias("h", "help")
    .version(false)
    .fail((message, error) => {
      if (error) throw error;
      usageError = true;
      process.stderr.write(`neglab: ${message}\nRun neglab --help for usage.\n`);
    });
  try {
    await cli.parseAsync();
    return usageError ? 2 : 0;
  } catch (error) {
    // Input errors (bad files, options, specs) are one line; programming errors keep their stack.
    if (error instanceof Error && !PROGRAMMING_ERRORS.some((type) => error.constructor === type) && !process.env.NEGLAB_DEBUG) {
      process.stderr.write(`neglab: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
