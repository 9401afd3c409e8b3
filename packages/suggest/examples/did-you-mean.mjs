import { closestName, editDistance, suggestion } from "@neglab/suggest";

console.log(editDistance("unigarm", "unigram"), editDistance("unigarm", "uniform")); // 1 2
console.log(closestName("unigarm", ["uniform", "unigram"]));           // unigram
console.log(`unknown sampler "unfiorm"${suggestion("unfiorm", ["uniform", "unigram"])}`);
// unknown sampler "unfiorm"; did you mean "uniform"?
