import type { Embeddings } from "@neglab/vectors";
import { BenchmarkError } from "../errors.js";
import { skippedLines, type SkippedLines } from "../skipped-lines.js";
import { defaultThreads, parallelScan } from "./parallel-scan.js";
import { readAnalogies, type AnalogyQuestion, type AnalogySet } from "./questions-file.js";
import { restrictedVocab } from "./restricted-vocab.js";

/** How an analogy a : b :: c : ? is answered. */
export type AnalogyMethod = "3CosAdd" | "3CosMul";

/** Options of {@link evaluateAnalogies}; defaults are gensim 4's. */
export interface AnalogyOptions {
  /** Only the first N words (the most frequent in a frequency-sorted vocabulary) count as known and as answers. Default 300,000 (word2vec.c's compute-accuracy uses 30,000). */
  restrictVocab?: number;
  /** Compare words upper-cased; the first (most frequent) of several case variants is used. Default true. */
  caseInsensitive?: boolean;
  /** Count questions with unknown words as wrong instead of skipping them. Default false. */
  dummy4unknown?: boolean;
  /** 3CosAdd (gensim `most_similar`, the default) or 3CosMul (Levy & Goldberg 2014). */
  method?: AnalogyMethod;
  /** How many leading sections are semantic (the rest syntactic). Default 5, as in questions-words.txt. */
  semanticSections?: number;
  /** Worker threads for the scan. Default: available cores, at most 2. Results do not depend on it. */
  threads?: number;
  /** Called as the scan advances with the vocabulary rows scanned so far and the rows to scan. */
  onProgress?: (rowsDone: number, rows: number) => void;
  /** Refuse a file with unparsable lines (a {@link BenchmarkError} naming the first) instead of skipping them as gensim does. Default false. */
  strict?: boolean;
}

/** Correct answers out of evaluated questions. */
export interface Score {
  correct: number;
  /** Evaluated questions (correct + wrong). */
  total: number;
  /** correct / total, 0 when nothing was evaluated (as gensim). */
  accuracy: number;
}

/** One section's score. */
export interface SectionScore extends Score {
  name: string;
  kind: "semantic" | "syntactic";
  /** Well-formed questions of the section in the file, skipped ones included (so `total` of `questions` were evaluated). */
  questions: number;
}

/** What happened to one question: answered correctly, wrongly, or skipped for unknown words. */
export type QuestionStatus = "correct" | "wrong" | "skipped";

/** Per-question outcome, aligned with {@link AnalogySet.questions}. */
export interface QuestionOutcome {
  status: QuestionStatus;
  /** A question word is outside the restricted vocabulary (skipped, or wrong with `dummy4unknown`). */
  oov: boolean;
  /** The model's answer (null when the question was not evaluated or no candidate exists). */
  predicted: string | null;
}

/** The result of {@link evaluateAnalogies}. */
export interface AnalogyResult {
  source: string;
  method: AnalogyMethod;
  restrictVocab: number;
  caseInsensitive: boolean;
  dummy4unknown: boolean;
  /** How many leading sections counted as semantic. */
  semanticSections: number;
  /** Per section, in file order (gensim's `sections` without the last "Total accuracy"). */
  sections: SectionScore[];
  /** All sections together (gensim's "Total accuracy" and the score it returns). */
  total: Score;
  semantic: Score;
  syntactic: Score;
  /** Well-formed questions in the file. */
  questions: number;
  /** Lines that are neither a section header nor four words, skipped as gensim skips them (none are left with `strict`). */
  skippedLines: SkippedLines;
  /** Questions with a word outside the restricted vocabulary. */
  oov: number;
  /** 100 · oov / questions, as gensim logs it. */
  oovPercent: number;
  /** One per question, aligned with the question list: the input of paired tests such as McNemar's. */
  outcomes: QuestionOutcome[];
  /** The questions themselves, in file order. */
  questionList: AnalogyQuestion[];
}

/** gensim asks `most_similar` for 5 answers; with the 3 question words it ranks 8 rows. */
const ANSWERS = 5;
const RANKED = ANSWERS + 3;

/**
 * Word-analogy accuracy with the semantics of gensim 4.2's
 * `KeyedVectors.evaluate_word_analogies` (Mikolov et al. 2013, the
 * compute-accuracy tool of word2vec.c), exactly:
 *
 * 1. The known vocabulary is the first `restrictVocab` words, upper-cased when
 *    `caseInsensitive` (the first of several case variants wins).
 * 2. A question with a word outside it is skipped (or counted wrong with
 *    `dummy4unknown`); otherwise the answer is searched among the same rows.
 * 3. 3CosAdd ranks a row by cos(row, unit(b̂ + ĉ − â)) — computed as
 *    cos(row, b) + cos(row, c) − cos(row, a), the same ranking — and 3CosMul by
 *    (1+cos b)/2·(1+cos c)/2 / ((1+cos a)/2 + 1e-6).
 * 4. As gensim: the 8 best rows are ranked, the rows of a, b, c dropped, the
 *    first 5 kept, and the answer is the first of those whose (folded) form is
 *    not a, b or c (if none, the last one) — so the question words never answer.
 *
 * All questions are scored in one batched, blocked matrix computation: the
 * distinct question words' unit vectors times the unit-normalised vocabulary,
 * block by block (row ranges split across worker threads), then combined per
 * question — not one `mostSimilar` query at a time.
 */
export async function evaluateAnalogies(
  emb: Embeddings,
  analogies: AnalogySet | string,
  options: AnalogyOptions = {},
): Promise<AnalogyResult> {
  const set = typeof analogies === "string" ? await readAnalogies(analogies) : analogies;
  const restrict = options.restrictVocab ?? 300_000;
  const caseInsensitive = options.caseInsensitive ?? true;
  const dummy4unknown = options.dummy4unknown ?? false;
  const method = options.method ?? "3CosAdd";
  const semanticSections = options.semanticSections ?? 5;
  if (method !== "3CosAdd" && method !== "3CosMul")
    throw new BenchmarkError(`unknown analogy method ${JSON.stringify(method)}; use "3CosAdd" or "3CosMul"`);
  if (!Number.isInteger(restrict) || restrict < 0)
    throw new BenchmarkError(`restrictVocab must be a non-negative integer, got ${restrict}`);
  const skipped = skippedLines(set, options.strict ?? false, "a section header `: name` or four words `a b c d`");

  const vocab = restrictedVocab(emb, restrict, caseInsensitive);
  const fold = (w: string): string => (caseInsensitive ? w.toUpperCase() : w);

  // 1. Resolve every question's words; those with an unknown word are not scanned.
  const rowsOf: Int32Array[] = [];
  const scanned: number[] = [];
  set.questions.forEach((q, i) => {
    const rows = Int32Array.from([q.a, q.b, q.c, q.d], (w) => vocab.get(fold(w)) ?? -1);
    rowsOf.push(rows);
    if (rows.every((r) => r >= 0)) scanned.push(i);
  });

  // 2. One batched scan of the searched rows for all answerable questions.
  const rowEnd = Math.min(restrict, emb.size);
  const table = await parallelScan(
    {
      method,
      ...buildQueries(
        emb,
        scanned.map((i) => rowsOf[i]),
      ),
      unit: emb.normalized(),
      dim: emb.dim,
      rowEnd,
      k: RANKED,
    },
    options.threads ?? defaultThreads(),
    options.onProgress,
  );

  // 3. Pick each answer as gensim does and tally.
  const outcomes: QuestionOutcome[] = set.questions.map((_, i) => {
    const oov = rowsOf[i].some((r) => r < 0);
    return { status: oov && !dummy4unknown ? "skipped" : "wrong", oov, predicted: null };
  });
  scanned.forEach((i, slot) => {
    const q = set.questions[i];
    const [ra, rb, rc] = rowsOf[i];
    const ignore = new Set([fold(q.a), fold(q.b), fold(q.c)]);
    let predicted: string | null = null;
    let kept = 0;
    for (let j = slot * RANKED; j < (slot + 1) * RANKED && kept < ANSWERS; j++) {
      const row = table.ids[j];
      if (row < 0 || row === ra || row === rb || row === rc) continue;
      kept++;
      predicted = emb.words[row];
      if (!ignore.has(fold(predicted))) break;
    }
    outcomes[i].predicted = predicted;
    outcomes[i].status = predicted !== null && fold(predicted) === fold(q.d) ? "correct" : "wrong";
  });
  return {
    ...tally(set, outcomes, { method, restrictVocab: restrict, caseInsensitive, dummy4unknown, semanticSections }),
    skippedLines: skipped,
  };
}

/** The scan inputs: the distinct question words' unit vectors and, per question, the slots of its a, b, c. */
function buildQueries(emb: Embeddings, questionRows: Int32Array[]): { wordVectors: Float32Array; slots: Int32Array } {
  const slotOf = new Map<number, number>();
  const slots = new Int32Array(questionRows.length * 3);
  questionRows.forEach(([a, b, c], i) => {
    [a, b, c].forEach((row, j) => {
      if (!slotOf.has(row)) slotOf.set(row, slotOf.size);
      slots[3 * i + j] = slotOf.get(row)!;
    });
  });
  const wordVectors = new Float32Array(slotOf.size * emb.dim);
  for (const [row, slot] of slotOf) wordVectors.set(emb.unitVector(row), slot * emb.dim);
  return { wordVectors, slots };
}

function score(correct: number, total: number): Score {
  return { correct, total, accuracy: total === 0 ? 0 : correct / total };
}

/** Per-section, total, semantic and syntactic scores from the outcomes. */
function tally(
  set: AnalogySet,
  outcomes: QuestionOutcome[],
  settings: {
    method: AnalogyMethod;
    restrictVocab: number;
    caseInsensitive: boolean;
    dummy4unknown: boolean;
    semanticSections: number;
  },
): Omit<AnalogyResult, "skippedLines"> {
  const correct = new Array<number>(set.sections.length).fill(0);
  const total = new Array<number>(set.sections.length).fill(0);
  const questions = new Array<number>(set.sections.length).fill(0);
  set.questions.forEach((q, i) => {
    questions[q.section]++;
    if (outcomes[i].status === "skipped") return;
    total[q.section]++;
    if (outcomes[i].status === "correct") correct[q.section]++;
  });
  const sections: SectionScore[] = set.sections.map((name, s) => ({
    name,
    kind: s < settings.semanticSections ? "semantic" : "syntactic",
    ...score(correct[s], total[s]),
    questions: questions[s],
  }));
  const sum = (list: SectionScore[]): Score =>
    score(
      list.reduce((n, s) => n + s.correct, 0),
      list.reduce((n, s) => n + s.total, 0),
    );
  const oov = outcomes.filter((o) => o.oov).length;
  return {
    source: set.source,
    ...settings,
    sections,
    total: sum(sections),
    semantic: sum(sections.filter((s) => s.kind === "semantic")),
    syntactic: sum(sections.filter((s) => s.kind === "syntactic")),
    questions: set.questions.length,
    oov,
    oovPercent: set.questions.length === 0 ? 0 : (100 * oov) / set.questions.length,
    outcomes,
    questionList: set.questions,
  };
}
