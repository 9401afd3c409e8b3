import { closestName } from "@neglab/suggest";

/**
 * The subcommands of each command group (`neglab samplers list`, …). Kept here
 * because yargs only learns a group's subcommands once it runs the group's
 * builder; the CLI tests run `--help` on every pair, so a subcommand added
 * without listing it here fails them.
 */
export const COMMAND_GROUPS: Readonly<Record<string, readonly string[]>> = {
  corpus: ["stats"],
  samplers: ["list", "inspect", "weights"],
  data: ["list", "fetch", "verify"],
};

/** The words of `args` that are not flags: the command path and positional arguments. */
function positionals(args: readonly string[]): string[] {
  return args.filter((arg) => !arg.startsWith("-"));
}

/**
 * The command path `args` names as far as it is valid (`["samplers", "list"]`),
 * for the "see neglab … --help" hint. `commands` are the top-level command names.
 */
export function commandPath(args: readonly string[], commands: readonly string[]): string[] {
  const [command, sub] = positionals(args);
  if (command === undefined || !commands.includes(command)) return [];
  return sub !== undefined && COMMAND_GROUPS[command]?.includes(sub) ? [command, sub] : [command];
}

/**
 * The usage problem of an unknown command or subcommand in `args`, with the
 * closest valid name suggested (`unknown command "trian"; did you mean
 * "train"?`), or undefined when the command path is valid. `commands` are the
 * top-level command names. Only the first word and, for a group, the second
 * are commands; the flags before them take no value (only `--help`/`--version`).
 */
export function unknownCommand(args: readonly string[], commands: readonly string[]): string | undefined {
  const [command, sub] = positionals(args);
  if (command === undefined) return undefined;
  if (!commands.includes(command)) return `unknown command "${command}"${didYouMean(command, commands, "")}`;
  const subcommands = COMMAND_GROUPS[command];
  if (subcommands === undefined || sub === undefined || subcommands.includes(sub)) return undefined;
  return `unknown command "${command} ${sub}"${didYouMean(sub, subcommands, `${command} `)}`;
}

/**
 * Rewrites yargs' "Unknown argument(s): a, b" for the words of `args`: an
 * unknown flag becomes `unknown option --epoch; did you mean --epochs?`
 * (`known` are the current command's option names), a stray word
 * `unexpected argument "x"`. Other messages are returned as they are.
 */
export function explainUnknownArguments(message: string, args: readonly string[], known: readonly string[]): string {
  const match = /^Unknown arguments?: (.*)$/.exec(message);
  if (match === null) return message;
  const flags = known.filter((name) => name.length > 1 && !/[A-Z]/.test(name));
  const names = match[1].split(", ");
  // yargs lists an unknown `--vector-sise` twice, also as `vectorSise`.
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return names
    .filter((name) => !/[A-Z]/.test(name) || !names.includes(kebab(name)))
    .map((name) => {
      const given = args.find((arg) => [`--${name}`, `--no-${name}`, `-${name}`].includes(arg.split("=")[0]));
      if (given === undefined) return `unexpected argument "${name}"`;
      const flag = given.split("=")[0];
      const negated = flag.startsWith("--no-") && !flags.includes(name);
      const near = closestName(name, flags);
      return `unknown option ${flag}${near === undefined ? "" : `; did you mean --${negated ? "no-" : ""}${near}?`}`;
    })
    .join("; ");
}

/**
 * Rewrites yargs' "Invalid values: Argument: method, Given: "3cosmull",
 * Choices: "3cosadd", "3cosmul"" as `--method: "3cosmull" is not one of
 * "3cosadd", "3cosmul"; did you mean "3cosmul"?`. Other messages are returned as they are.
 */
export function explainInvalidChoice(message: string): string {
  const problems = [...message.matchAll(/Argument: ([^,]+), Given: (.*?), Choices: (.*)$/gm)];
  if (!message.startsWith("Invalid values:") || problems.length === 0) return message;
  return problems
    .map(([, flag, given, choices]) => {
      const names = choices.split(", ").map((choice) => choice.replace(/^"|"$/g, ""));
      const near = closestName(given.replace(/^"|"$/g, ""), names);
      return `--${flag}: ${given} is not one of ${choices}${near === undefined ? "" : `; did you mean "${near}"?`}`;
    })
    .join("; ");
}

function didYouMean(name: string, candidates: readonly string[], prefix: string): string {
  const near = closestName(name, candidates);
  return near === undefined ? ` (commands: ${candidates.join(", ")})` : `; did you mean "${prefix}${near}"?`;
}
