/**
 * Levenshtein edit distance (insertions, deletions, substitutions each cost 1),
 * by the classic two-row dynamic programme (Wagner & Fischer 1974).
 */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `name` by case-insensitive edit distance, or
 * undefined when even the closest needs more edits than half its length (a
 * suggestion that far off would mislead more than help).
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
