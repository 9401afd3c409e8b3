/**
 * Optimal-string-alignment distance (the restricted Damerau–Levenshtein
 * distance; Damerau 1964, Wagner & Fischer 1974): the fewest insertions,
 * deletions, substitutions and transpositions of two adjacent characters,
 * each costing 1, that turn `a` into `b`, no substring being edited twice.
 * So "unigarm" is 1 from "unigram" (one transposition) but 2 from "uniform".
 *
 * Dynamic programme over prefixes, d(i, j) = min of d(i−1, j) + 1,
 * d(i, j−1) + 1, d(i−1, j−1) + [a_i ≠ b_j], and d(i−2, j−2) + 1 when
 * a_i a_{i−1} = b_{j−1} b_j; three rows suffice.
 */
export function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      // The two characters ending here are the two ending b's prefix, swapped.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, beforePrevious[j - 2] + 1);
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name` by case-insensitive optimal-string-alignment
 * distance ({@link editDistance}: insertions, deletions, substitutions and
 * adjacent transpositions cost 1; ties go to the earlier candidate), or
 * undefined when even the closest needs more than max(2, ⌈length / 2⌉) edits,
 * length being the candidate's (a suggestion that far off would mislead more
 * than help). E.g. `closestName("unigarm", ["uniform", "unigram"])` is "unigram".
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.ceil(best.length / 2)) ? best : undefined;
}

/** `; did you mean "x"?` when a close candidate exists, else the list of valid names. */
export function suggestion(name: string, candidates: readonly string[]): string {
  const closest = closestName(name, candidates);
  return closest === undefined
    ? ` (expected one of: ${candidates.map((c) => `"${c}"`).join(", ")})`
    : `; did you mean "${closest}"?`;
}
