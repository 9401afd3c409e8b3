/**
 * The characters Python's `str.split()` treats as whitespace (Unicode White_Space
 * plus the ASCII separators \x1c–\x1f; CPython's `_PyUnicode_IsWhitespace`).
 * JavaScript's `\s` differs: it lacks \x1c–\x1f and \x85 and adds \ufeff, so it
 * cannot be used if vocabularies are to match gensim's exactly.
 */
// eslint-disable-next-line no-control-regex -- these control characters are Python whitespace
const PYTHON_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/**
 * Splits a line into tokens exactly as gensim's `LineSentence` does
 * (`utils.to_unicode(line).split()`): on runs of Python whitespace, with no
 * empty tokens at either end. Case and punctuation are left as they are.
 */
export function splitWhitespace(line: string): string[] {
  const parts = line.split(PYTHON_WHITESPACE);
  // A leading or trailing separator leaves one empty string at that end.
  let start = 0;
  let end = parts.length;
  if (end > 0 && parts[0] === "") start = 1;
  if (end > start && parts[end - 1] === "") end -= 1;
  return start === 0 && end === parts.length ? parts : parts.slice(start, end);
}

/** gensim's `MAX_WORDS_IN_BATCH`: `LineSentence` cuts longer lines into sentences of at most this many tokens. */
export const MAX_SENTENCE_LENGTH = 10_000;
