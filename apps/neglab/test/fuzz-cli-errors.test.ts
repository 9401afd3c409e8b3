import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeError } from "../src/errors.js";
import { explainInvalidChoice, explainUnknownArguments, unknownCommand } from "../src/usage.js";

const COMMANDS = [
  "corpus",
  "run",
  "merge",
  "report",
  "samplers",
  "train",
  "eval",
  "compare",
  "data",
  "completion",
  "help",
];

/** Errors as they reach the CLI: any class name, any message (stack frames and line breaks included), an optional errno code, path and cause. */
const thrown = fc.oneof(
  fc.anything({ withNullPrototype: true, withBigInt: true }),
  fc
    .record({
      name: fc.constantFrom("Error", "TypeError", "SyntaxError", "RangeError", "SamplerError", "CorpusError"),
      message: fc.string({ unit: "grapheme", maxLength: 200 }),
      frames: fc.array(fc.constantFrom("    at f (file:///x.js:1:2)", "\n", "\r\n", "line"), { maxLength: 4 }),
      code: fc.option(fc.constantFrom("ENOENT", "EACCES", "ENOSPC", "EISDIR", "EXYZ", "ERR_X", "E")),
      path: fc.option(fc.string({ maxLength: 40 })),
      cause: fc.option(fc.anything({ withNullPrototype: true })),
    })
    .map(({ name, message, frames, code, path, cause }) => {
      const error = new Error([message, ...frames].join("\n"), cause === null ? undefined : { cause });
      error.name = name;
      return Object.assign(error, code === null ? {} : { code }, path === null ? {} : { path });
    }),
);

describe("fuzz: whatever is thrown, the CLI prints one line", () => {
  it("describeError never throws and never returns a line break or a stack frame", () => {
    fc.assert(
      fc.property(thrown, (error) => {
        const { message, internal } = describeError(error);
        expect(typeof internal).toBe("boolean");
        expect(message).not.toMatch(/[\r\n]/);
        expect(message).not.toMatch(/\bat f \(file:/);
      }),
      { seed: 1, numRuns: 400 },
    );
  });

  it("usage messages are rewritten without throwing, whatever the arguments", () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), fc.array(word, { maxLength: 6 }), word, (args, known, name) => {
        expect(typeof unknownCommand(args, COMMANDS)).toMatch(/string|undefined/);
        expect(typeof explainUnknownArguments(`Unknown argument: ${name}`, args, known)).toBe("string");
        expect(
          typeof explainInvalidChoice(
            `Invalid values:\n  Argument: ${name}, Given: "${name}", Choices: ${known.map((k) => `"${k}"`).join(", ")}`,
          ),
        ).toBe("string");
      }),
      { seed: 1, numRuns: 300 },
    );
  });
});
