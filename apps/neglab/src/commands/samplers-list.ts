import { listSamplers } from "@neglab/samplers";
import { createTable } from "../terminal.js";
import type { CommandModule } from "yargs";

/** `neglab samplers list`: every registered sampler type with its options and defaults. */
export const samplersListCommand: CommandModule<object, { json: boolean }> = {
  command: "list",
  describe: "List the sampler types with their options and defaults",
  builder: (y) => y.option("json", { type: "boolean", default: false, describe: "Print JSON" }),
  handler: (args) => {
    const samplers = listSamplers();
    if (args.json) {
      console.log(JSON.stringify(samplers, null, 2));
      return;
    }
    const table = createTable({
      head: ["type", "description", "options (default)"],
      colWidths: [14, 50, 50],
      wordWrap: true,
    });
    for (const s of samplers)
      table.push([
        s.name,
        `${s.description}\n(${s.reference})`,
        s.options.map((o) => `${o.name} (${JSON.stringify(o.default)})`).join(", "),
      ]);
    console.log(table.toString());
  },
};
