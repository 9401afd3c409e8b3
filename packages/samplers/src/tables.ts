/**
 * @neglab/samplers/tables — the sampling tables of the reference tools, for
 * code that must reproduce their draws: word2vec.c's 1e8-slot unigram table,
 * gensim's cumulative `cum_table`, fastText's table, and Walker's alias table
 * (Walker 1977; Vose 1991) that the `alias` method draws from in O(1).
 */
export { buildAliasTable } from "./tables/alias-table.js";
export { buildWord2vecTable, WORD2VEC_TABLE_SIZE } from "./tables/word2vec-table.js";
export { buildCumulativeTable, cumulativeTableProbabilities, GENSIM_DOMAIN } from "./tables/gensim-cum-table.js";
export { buildFasttextTable, FASTTEXT_TABLE_SIZE } from "./tables/fasttext-table.js";
