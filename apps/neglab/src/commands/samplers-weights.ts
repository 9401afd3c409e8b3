import {
  brownCorpus,
  buildVocabulary,
  openCorpus,
  PUNCTUATION_MODES,
  type Corpus,
  type PunctuationMode,
  type Vocabulary,
} from "@neglab/corpus";
import { writeFileAtomically, writeToStream } from "@neglab/files";
import { domainWeights, SamplerError } from "@neglab/samplers";
import type { CommandModule } from "yargs";
import { checkOutputs } from "../output-paths.js";
import { numberFlag } from "./number-flags.js";

/** A `samplers weights` option that is out of range, or weights it would make that no file can hold; the message names the flag. */
class DomainWeightsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DomainWeightsError";
  }
}

interface WeightsArgs {
  domain: string;
  background: string;
  out: string;
  beta: number;
  smoothing: number;
  "min-count": number;
  lowercase: boolean;
  punctuation: PunctuationMode;
}

/** `neglab samplers weights`: a `domain` sampler weights file from a domain sub-corpus against a background corpus. */
export const samplersWeightsCommand: CommandModule<object, WeightsArgs> = {
  command: "weights",
  describe: "Derive domain weights (p_domain/p_background)^beta for the `domain` sampler",
  builder: (y) =>
    y
      .option("domain", {
        type: "string",
        demandOption: true,
        describe: "Domain corpus: a path, or brown:<genre>[,<genre>] (e.g. brown:religion)",
      })
      .option("background", { type: "string", default: "brown", describe: "Background corpus: a path or `brown`" })
      .option("out", {
        type: "string",
        nargs: 1,
        demandOption: true,
        describe: "Weights file to write (word<TAB>weight per line; - for standard output)",
      })
      .option(
        "beta",
        numberFlag("beta", {
          default: 1,
          describe: "Exponent β: 0 gives all weights 1, larger sharpens the domain preference",
        }),
      )
      .option("smoothing", numberFlag("smoothing", { default: 1, describe: "Add-λ smoothing of both distributions" }))
      .option(
        "min-count",
        numberFlag("min-count", { default: 5, describe: "Background vocabulary's minCount (match the experiment's)" }),
      )
      .option("lowercase", { type: "boolean", default: false, describe: "Lowercase tokens" })
      .option("punctuation", {
        choices: PUNCTUATION_MODES,
        default: "keep" as const,
        describe: "Punctuation-only tokens",
      }),
  handler: async (args) => {
    // 1. Every flag and the output before any corpus is read.
    if (!(args.smoothing > 0))
      throw new DomainWeightsError(`--smoothing ${args.smoothing}: expected a finite number > 0`);
    if (!Number.isInteger(args["min-count"]) || args["min-count"] < 1)
      throw new DomainWeightsError(`--min-count ${args["min-count"]}: expected an integer ≥ 1`);
    const paths = [
      { label: "--domain", path: args.domain },
      { label: "--background", path: args.background },
    ].filter(({ path }) => path !== "brown" && !path.startsWith("brown:"));
    await checkOutputs([{ label: "--out", path: args.out }], paths, { stdout: true });

    // 2. Count both corpora, derive the weights, write them.
    const normalize = { lowercase: args.lowercase, punctuation: args.punctuation };
    const open = (source: string): Promise<Corpus> =>
      source.startsWith("brown:")
        ? brownCorpus({ categories: source.slice(6).split(","), normalize })
        : openCorpus(source, { normalize });
    const { vocabulary: background } = await buildVocabulary(await open(args.background), {
      minCount: args["min-count"],
    });
    const { vocabulary: domain } = await buildVocabulary(await open(args.domain), { minCount: 1 });
    const weights = weightsNamingFlags(domain, background, args.beta, args.smoothing);
    const chunks = [Buffer.from(weights.map(([w, x]) => `${w}\t${x.toPrecision(6)}`).join("\n") + "\n")];
    await (args.out === "-" ? writeToStream(process.stdout, chunks) : writeFileAtomically(args.out, chunks));
    const top = [...weights].sort((a, b) => b[1] - a[1]).slice(0, 10);
    // With --out -, standard output holds the weights: the summary goes to stderr.
    (args.out === "-" ? console.error : console.log)(
      `wrote ${weights.length} weights to ${args.out === "-" ? "standard output" : args.out}; highest: ${top.map(([w, x]) => `${w} ${x.toFixed(2)}`).join(", ")}`,
    );
  },
};

/** {@link domainWeights} with a refused option named by its flag (`--beta 1000000: …`). */
function weightsNamingFlags(
  domain: Vocabulary,
  background: Vocabulary,
  beta: number,
  smoothing: number,
): [string, number][] {
  try {
    return domainWeights(domain, background, { beta, smoothing });
  } catch (error) {
    throw error instanceof SamplerError && error.field !== undefined
      ? new DomainWeightsError(`--${error.message}`)
      : error;
  }
}
