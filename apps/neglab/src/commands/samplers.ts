import type { CommandModule } from "yargs";
import { samplersListCommand } from "./samplers-list.js";
import { samplersWeightsCommand } from "./samplers-weights.js";

/** `neglab samplers <list|weights>`: the negative-sampling strategies. */
export const samplersCommand: CommandModule = {
  command: "samplers <command>",
  describe: "Negative-sampling strategies: list them, derive domain weights",
  builder: (y) => y.command(samplersListCommand).command(samplersWeightsCommand).demandCommand(1),
  handler: () => undefined,
};
