import { readFileSync } from "node:fs";
import yargs, { type CommandModule } from "yargs";
import { compareCommand } from "./commands/compare.js";
import { corpusStatsCommand } from "./commands/corpus-stats.js";
import { dataCommand } from "./commands/data.js";
import { evalCommand } from "./commands/eval.js";
import { mergeCommand } from "./commands/merge.js";
import { reportCommand } from "./commands/report.js";
import { runCommand } from "./commands/run.js";
import { samplersCommand } from "./commands/samplers.js";
import { trainCommand } from "./commands/train.js";
import { EXIT, UsageError, describeError } from "./errors.js";
import { COMMAND_GROUPS, commandPath, explainInvalidChoice, explainUnknownArguments, unknownCommand } from "./usage.js";

/** The app's version, from its package.json (one directory above src/ and dist/). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

/** `neglab corpus <command>`: the corpus group (only `stats` so far), so that `corpus <typo>` is an unknown command. */
const corpusCommand: CommandModule = {
  command: "corpus <command>",
  describe: "Corpora: statistics (tokens, types, sentences, vocabulary after minCount, subsampling)",
  builder: (y) => y.command(corpusStatsCommand).demandCommand(1),
  handler: () => undefined,
};

/** The first word of each command, e.g. `samplers` for `samplers <command>`, plus yargs' own `completion` and `help`. */
const COMMAND_NAMES: readonly string[] = [
  ...[
    corpusCommand,
    runCommand,
    mergeCommand,
    reportCommand,
    samplersCommand,
    trainCommand,
    evalCommand,
    compareCommand,
    dataCommand,
  ].map((c) => String(c.command).split(" ")[0]),
  "completion",
  "help",
];

/** yargs' options of the command being parsed (its `getOptions` is missing from @types/yargs). */
function optionNames(cli: object): string[] {
  return Object.keys((cli as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
}

/**
 * Runs the `neglab` command line with the arguments `given` (without the
 * node and script paths; `help <command>` is `<command> --help`) and resolves
 * to the process exit code ({@link EXIT}): 0 on success, 1 on a user error
 * (one line, no stack trace), 2 on a usage error, 70 on an internal error. A usage error — an unknown or mistyped command, subcommand
 * or option, a missing argument, a value outside a flag's choices — is
 * detected while the arguments are parsed, before any command handler runs,
 * so nothing is read, trained or written. `NEGLAB_DEBUG=1` adds the stack of
 * any error.
 */
export async function main(given: string[]): Promise<number> {
  // `neglab help <command>` (as in git) is `neglab <command> --help`.
  const args = given[0] === "help" ? [...given.slice(1), "--help"] : given;
  const cli = yargs(args)
    .scriptName("neglab")
    .usage("$0 <command> [options]\n\nCompare negative-sampling strategies for word2vec.")
    .command(corpusCommand)
    .command(runCommand)
    .command(mergeCommand)
    .command(reportCommand)
    .command(samplersCommand)
    .command(trainCommand)
    .command(evalCommand)
    .command(compareCommand)
    .command(dataCommand)
    .completion(
      "completion",
      "Print a bash/zsh completion script (add it to your shell: neglab completion >> ~/.bashrc)",
    )
    .demandCommand(1, "name a command")
    .strict()
    .help()
    .alias("h", "help")
    .version(VERSION)
    .wrap(Math.min(120, process.stdout.columns ?? 80))
    // Never call process.exit (after --help, --version or a failure): main() decides the exit code.
    .exitProcess(false)
    .fail((message, error) => {
      if (error) throw error;
      // Throwing here is what stops yargs from going on to run the command's handler.
      throw new UsageError(usageProblem(message, args, optionNames(cli)));
    });
  try {
    await cli.parseAsync();
    return EXIT.ok;
  } catch (error) {
    return report(error, args);
  }
}

/** yargs' failure `message` in the CLI's words: unknown commands and options get the closest valid name. */
function usageProblem(message: string, args: readonly string[], options: readonly string[]): string {
  const commandProblem = /^(Unknown arguments?|Not enough non-option arguments|name a command)/.test(message)
    ? unknownCommand(args, COMMAND_NAMES)
    : undefined;
  if (commandProblem !== undefined) return commandProblem;
  if (message === "name a command")
    return `name a command (${COMMAND_NAMES.filter((name) => name !== "help").join(", ")})`;
  if (message.startsWith("Not enough non-option arguments")) {
    const path = commandPath(args, COMMAND_NAMES);
    const group = path.length === 1 ? COMMAND_GROUPS[path[0]] : undefined;
    if (group !== undefined) return `name a subcommand of "${path[0]}" (${group.join(", ")})`;
    const counts = /got (\d+), need at least (\d+)/.exec(message);
    return `missing argument: "neglab ${path.join(" ")}" takes ${counts === null ? "more" : `at least ${counts[2]}, got ${counts[1]}`}`;
  }
  return explainInvalidChoice(explainUnknownArguments(message, args, options)).replace(/\s*\n\s*/g, " ");
}

/** Prints `error` as the CLI reports it and returns the exit code. */
function report(error: unknown, args: readonly string[]): number {
  const debug = Boolean(process.env.NEGLAB_DEBUG);
  if (error instanceof UsageError) {
    const path = commandPath(args, COMMAND_NAMES).join(" ");
    process.stderr.write(`neglab: ${error.message}\nRun "neglab ${path === "" ? "" : `${path} `}--help" for usage.\n`);
    return EXIT.usage;
  }
  const { message, internal } = describeError(error);
  if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(`${error.stack}\n`);
  if (internal) {
    process.stderr.write(
      `neglab: ${message} (internal error${debug ? "" : "; rerun with NEGLAB_DEBUG=1 for the stack"})\n`,
    );
    return EXIT.internal;
  }
  process.stderr.write(`neglab: ${message}\n`);
  return EXIT.input;
}
