import { BenchmarkError } from "../errors.js";
import { suggestion } from "@neglab/suggest";

/** What a benchmark measures: analogy questions or word-pair similarity judgements. */
export type DatasetKind = "analogy" | "similarity";

/**
 * The file format: `questions-words` (`: section` headers, `a b c d` lines; {@link readAnalogies}),
 * `gensim-tsv` (`#` comments, `word1<TAB>word2<TAB>score`) or `word-pairs` (`word1 word2 score`, tab or
 * space separated); the last two are both read by {@link readPairs}.
 */
export type DatasetFormat = "questions-words" | "gensim-tsv" | "word-pairs";

/** One standard benchmark: where its canonical file lives and how to credit it. */
export interface Dataset {
  /** The registry name, as given to `getDataset` and `neglab data fetch`. */
  name: string;
  /** The benchmark's usual name. */
  title: string;
  kind: DatasetKind;
  format: DatasetFormat;
  /** Path of the file relative to the data directory (and to the fetch cache), e.g. `eval/similarity/EN-MEN-TR-3k.txt`. */
  file: string;
  /** Questions or word pairs in the file. */
  items: number;
  /** The paper that introduced the data. */
  citation: string;
  /** The licence as stated at the source. */
  licence: string;
  /** Where the canonical file was copied from (repository, commit, path). */
  source: string;
  /** The download URL of that file, pinned to the commit. */
  url: string;
  /** SHA-256 of the canonical file, lowercase hex. */
  sha256: string;
}

const GENSIM = "piskvorky/gensim";
const GENSIM_COMMIT = "37f90ec121eb";
const GENSIM_LICENCE = "none stated in the file; gensim repository: LGPL-2.1 (COPYING)";
const EWV = "mfaruqui/eval-word-vectors";
const EWV_COMMIT = "94b3dd9fdbac";
const EWV_LICENCE = "MIT (eval-word-vectors LICENSE, (c) 2017 Manaal Faruqui)";

const FINKELSTEIN =
  "Finkelstein, Gabrilovich, Matias, Rivlin, Solan, Wolfman & Ruppin (2002). Placing search in context: the concept revisited. ACM TOIS 20(1), 116–131.";
const AGIRRE =
  "Agirre, Alfonseca, Hall, Kravalova, Paşca & Soroa (2009). A study on similarity and relatedness using distributional and WordNet-based approaches. NAACL-HLT 2009, 19–27.";
const HILL =
  "Hill, Reichart & Korhonen (2015). SimLex-999: evaluating semantic models with (genuine) similarity estimation. Computational Linguistics 41(4), 665–695.";

/** An entry of a file in gensim's test data. */
function gensimFile(
  entry: Omit<Dataset, "file" | "licence" | "source" | "url"> & { fileName: string; folder: string },
): Dataset {
  const { fileName, folder, ...rest } = entry;
  const path = `gensim/test/test_data/${fileName}`;
  return {
    ...rest,
    file: `eval/${folder}/${fileName}`,
    licence: GENSIM_LICENCE,
    source: `GitHub ${GENSIM} @ ${GENSIM_COMMIT}, ${path}`,
    url: `https://raw.githubusercontent.com/${GENSIM}/${GENSIM_COMMIT}/${path}`,
  };
}

/** An entry of a file in eval-word-vectors' data/word-sim. */
function ewvFile(
  entry: Omit<Dataset, "kind" | "format" | "file" | "licence" | "source" | "url"> & { fileName: string },
): Dataset {
  const { fileName, ...rest } = entry;
  const path = `data/word-sim/${fileName}`;
  return {
    ...rest,
    kind: "similarity",
    format: "word-pairs",
    file: `eval/similarity/${fileName}`,
    licence: EWV_LICENCE,
    source: `GitHub ${EWV} @ ${EWV_COMMIT}, ${path}`,
    url: `https://raw.githubusercontent.com/${EWV}/${EWV_COMMIT}/${path}`,
  };
}

/**
 * The standard benchmarks, as the files in the shared data directory (see its
 * README.md and SHA256SUMS): the Google analogy set and gensim's copies of
 * WordSim-353 and SimLex-999, and the word-similarity sets of eval-word-vectors
 * (Faruqui & Dyer 2014), byte for byte.
 */
export const DATASETS: readonly Dataset[] = [
  gensimFile({
    name: "questions-words",
    title: "Google analogy (questions-words.txt)",
    kind: "analogy",
    format: "questions-words",
    folder: "analogy",
    fileName: "questions-words.txt",
    items: 19_544,
    citation:
      "Mikolov, Chen, Corrado & Dean (2013). Efficient estimation of word representations in vector space. ICLR 2013 workshop, arXiv:1301.3781.",
    sha256: "8c29b3332afc46f3fb8be04cb5297bf96f39aa7131272dff57869b4485b22a36",
  }),
  gensimFile({
    name: "wordsim353",
    title: "WordSim-353 (gensim's TSV)",
    kind: "similarity",
    format: "gensim-tsv",
    folder: "similarity",
    fileName: "wordsim353.tsv",
    items: 353,
    citation: FINKELSTEIN,
    sha256: "f92a022fc2537793a15bc3a8c162ebcd74990e033a228bb6388cb71e4c0b1e1d",
  }),
  gensimFile({
    name: "simlex999",
    title: "SimLex-999 (gensim's TSV)",
    kind: "similarity",
    format: "gensim-tsv",
    folder: "similarity",
    fileName: "simlex999.txt",
    items: 999,
    citation: HILL,
    sha256: "d5e0501971478a511430ee880bd0121e94ac701ba86d90544d83e6d2ba3db05d",
  }),
  ewvFile({
    name: "ws353-all",
    title: "WordSim-353, all pairs",
    fileName: "EN-WS-353-ALL.txt",
    items: 353,
    citation: FINKELSTEIN,
    sha256: "ce12919b240af45bdf46d243601eaca2b6212b159b5e7e9b435ee7ee40c5619c",
  }),
  ewvFile({
    name: "ws353-rel",
    title: "WordSim-353, relatedness subset",
    fileName: "EN-WS-353-REL.txt",
    items: 252,
    citation: AGIRRE,
    sha256: "66a7c88100624d0a391605ff61ce84e11d11ee620d51ec0298da49592838f8fa",
  }),
  ewvFile({
    name: "ws353-sim",
    title: "WordSim-353, similarity subset",
    fileName: "EN-WS-353-SIM.txt",
    items: 203,
    citation: AGIRRE,
    sha256: "f1da938998863c94e53f72f984a5c6e215f0b46c323aae8f0f4930703a339107",
  }),
  ewvFile({
    name: "simlex999-en",
    title: "SimLex-999 (eval-word-vectors, no POS column)",
    fileName: "EN-SIMLEX-999.txt",
    items: 999,
    citation: HILL,
    sha256: "405394ffb7d25f6d0e3c041f87c9f27d29dc6b047506769953e85c4523b11685",
  }),
  ewvFile({
    name: "men",
    title: "MEN (3,000 pairs, scores 0–50)",
    fileName: "EN-MEN-TR-3k.txt",
    items: 3000,
    citation: "Bruni, Boleda, Baroni & Tran (2012). Distributional semantics in technicolor. ACL 2012, 136–145.",
    sha256: "888b13580faa362c7b11da0a670258cf1b1eb4bf0ecbcd418918729a3bd3f43a",
  }),
  ewvFile({
    name: "rw",
    title: "Stanford Rare Words",
    fileName: "EN-RW-STANFORD.txt",
    items: 2034,
    citation:
      "Luong, Socher & Manning (2013). Better word representations with recursive neural networks for morphology. CoNLL 2013, 104–113.",
    sha256: "5108d54dfc746f44f9c3d7e31d2857c37cf71430bc1594175a61a3b89bb0ae1f",
  }),
  ewvFile({
    name: "mturk-287",
    title: "MTurk-287",
    fileName: "EN-MTurk-287.txt",
    items: 287,
    citation:
      "Radinsky, Agichtein, Gabrilovich & Markovitch (2011). A word at a time: computing word relatedness using temporal semantic analysis. WWW 2011, 337–346.",
    sha256: "a9ae3a9decb75a9700fe0cf18b048c1344774d9f40e0196baf8e34d4cd9d1ce5",
  }),
  ewvFile({
    name: "mturk-771",
    title: "MTurk-771",
    fileName: "EN-MTurk-771.txt",
    items: 771,
    citation:
      "Halawi, Dror, Gabrilovich & Koren (2012). Large-scale learning of word relatedness with constraints. KDD 2012, 1406–1414.",
    sha256: "04dc297c9e86b6fa7cf8ef0e4ba2e2c8d3399ec68d92fb7a53c0b4aae27198b5",
  }),
  ewvFile({
    name: "simverb-3500",
    title: "SimVerb-3500",
    fileName: "EN-SimVerb-3500.txt",
    items: 3500,
    citation:
      "Gerz, Vulić, Hill, Reichart & Korhonen (2016). SimVerb-3500: a large-scale evaluation set of verb similarity. EMNLP 2016, 2173–2182.",
    sha256: "9d84274e7ad029fd3cf69dd0516e9ade624bbef9bd4e2050f6cc1fa01471e0f5",
  }),
  ewvFile({
    name: "rg-65",
    title: "RG-65",
    fileName: "EN-RG-65.txt",
    items: 65,
    citation:
      "Rubenstein & Goodenough (1965). Contextual correlates of synonymy. Communications of the ACM 8(10), 627–633.",
    sha256: "c243f3a91c3f5d8cf67f21a67f6fb80bde8b6bb060851a6a48e6f2d68ec98c9f",
  }),
  ewvFile({
    name: "mc-30",
    title: "MC-30",
    fileName: "EN-MC-30.txt",
    items: 30,
    citation:
      "Miller & Charles (1991). Contextual correlates of semantic similarity. Language and Cognitive Processes 6(1), 1–28.",
    sha256: "33ee05911496ff83d95cac351d0746c6f63b9181b605cb7d307f4daa8864511b",
  }),
  ewvFile({
    name: "yp-130",
    title: "YP-130",
    fileName: "EN-YP-130.txt",
    items: 130,
    citation: "Yang & Powers (2006). Verb similarity on the taxonomy of WordNet. GWC 2006, 121–128.",
    sha256: "7643fdbc6158c3424061e2cba450c71285767266ff9f3db947bfc1f1f5ce67ab",
  }),
  ewvFile({
    name: "verb-143",
    title: "VERB-143 (the file has 144 pairs)",
    fileName: "EN-VERB-143.txt",
    items: 144,
    citation:
      "Baker, Reichart & Korhonen (2014). An unsupervised model for instance level subcategorization acquisition. EMNLP 2014, 278–289.",
    sha256: "7259e19961c81912aa4c72de0102e480b2ad2bb9f4ce97d036fbde8e1a403001",
  }),
];

/**
 * The registry entry of a dataset, by name (case-insensitive; see {@link DATASETS}).
 *
 * @throws BenchmarkError for an unknown name, suggesting the closest registered one.
 */
export function getDataset(name: string): Dataset {
  const found = DATASETS.find((d) => d.name === name.toLowerCase());
  if (found !== undefined) return found;
  throw new BenchmarkError(
    `unknown dataset ${JSON.stringify(name)}${suggestion(
      name,
      DATASETS.map((d) => d.name),
    )}`,
  );
}
