import type { CommandModule } from "yargs";
import { samplersInspectCommand } from "./samplers-inspect.js";
import { samplersListCommand } from "./samplers-list.js";
import { samplersWeightsCommand } from "./samplers-weights.js";

/** `neglab samplers <list|inspect|weights>`: the negative samplers. */
export const samplersCommand: CommandModule = {
  command: "samplers <command>",
  describe: "Negative samplers: list the types, inspect a distribution on a corpus, derive domain weights",
  builder: (y) =>
    y.command(samplersListCommand).command(samplersInspectCommand).command(samplersWeightsCommand).demandCommand(1),
  handler: () => undefined,
};
