// Writes experiment.schema.json (the published JSON Schema of experiment definitions) from the zod schema in
// src/experiment/definition.ts, through the built dist/. `pnpm --filter neglab schema` after changing any schema
// it embeds (experiment, trainer settings, sampler options); test/experiment-schema.test.ts fails while the
// committed file differs from what this writes.
import { writeFileSync } from "node:fs";
import { experimentJsonSchemaText } from "../dist/experiment/json-schema.js";

writeFileSync(new URL("../experiment.schema.json", import.meta.url), experimentJsonSchemaText());
