import { PUNCTUATION_MODES, type PunctuationMode } from "@neglab/corpus";
import type { Options } from "yargs";

/** How punctuation-only tokens are treated (see `@neglab/corpus` `createNormalizer`). */
export type Punctuation = PunctuationMode;

/** The punctuation modes as a message lists them: `"keep", "drop" or "strip"`. */
export const PUNCTUATION_CHOICES = `${PUNCTUATION_MODES.slice(0, -1)
  .map((m) => `"${m}"`)
  .join(", ")} or "${PUNCTUATION_MODES.at(-1)}"`;

/**
 * yargs options choosing a corpus and its normalisation: `--corpus`
 * (`brown` or a path), `--lowercase`, `--punctuation`. No defaults here, so a
 * command can tell a given flag from an absent one (and fall back to a config file).
 */
export const CORPUS_FLAGS = {
  corpus: {
    type: "string",
    group: "Corpus:",
    describe: "A text file (one sentence per line), .gz, directory, or `brown` (embedded) [default: brown]",
  },
  lowercase: { type: "boolean", group: "Corpus:", describe: "Lowercase tokens [default: false]" },
  punctuation: {
    choices: PUNCTUATION_MODES,
    group: "Corpus:",
    describe: "Keep, drop punctuation-only tokens, or also strip edge punctuation [default: keep]",
  },
} as const satisfies Record<string, Options>;
