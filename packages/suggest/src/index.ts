/**
 * @neglab/suggest — "did you mean …?" for names users type: sampler types,
 * dataset names, experiment fields. One distance (optimal string alignment,
 * where a swap of two adjacent letters is one edit) and one rule for when a
 * suggestion is close enough to help.
 */
export { editDistance, closestName, suggestion } from "./closest-name.js";
