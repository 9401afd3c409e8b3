/**
 * Optimal-string-alignment distance (restricted Damerau–Levenshtein; Damerau
 * 1964): the fewest insertions, deletions, substitutions and adjacent
 * transpositions, each costing 1, turning `a` into `b`. Dynamic programme over
 * prefixes with three rows: d(i, j) = min(d(i−1, j) + 1, d(i, j−1) + 1,
 * d(i−1, j−1) + [a_i ≠ b_j], d(i−2, j−2) + 1 if a_i a_{i−1} = b_{j−1} b_j).
 */
function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, beforePrevious[j - 2] + 1);
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/**
 * `; did you mean "x"?` for the candidate closest to `name` (case-insensitive
 * {@link editDistance}, ties to the earlier candidate) when it is within
 * max(2, ⌈length/2⌉) edits, else the list of valid names.
 */
export function suggestion(name: string, candidates: readonly string[]): string {
  let best = "";
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.ceil(best.length / 2)) ? `; did you mean "${best}"?` : ` (expected one of: ${candidates.join(", ")})`;
}
