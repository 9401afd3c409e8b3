import { z } from "zod";
import { EXPERIMENT_SCHEMA } from "./definition.js";

/**
 * The published JSON Schema of experiment definitions (`experiment.schema.json`
 * in the neglab package, which `experiments/*\/experiment.json` name in
 * `$schema` so that editors validate and complete them), generated from
 * {@link EXPERIMENT_SCHEMA}: the same fields, types, ranges, allowed words,
 * defaults and descriptions that `neglab run` checks, sampler specs and trainer
 * settings included. It describes the input (defaults are not required). What
 * the schema cannot say (unique names, the baseline a strategy, relations
 * between options) `neglab run` still checks. Returned as the text of the
 * file: indented JSON and a final newline.
 */
export function experimentJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(EXPERIMENT_SCHEMA, { io: "input", target: "draft-2020-12" }), null, 2)}\n`;
}
