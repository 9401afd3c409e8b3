export { CorpusError } from "./errors.js";
export { Vocabulary } from "./vocabulary.js";
