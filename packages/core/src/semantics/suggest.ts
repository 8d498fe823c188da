/**
 * "Did you mean": the closest known name to a misspelt one, by edit distance. Used by name
 * resolution (KPI101) and by the enumerated words (KPI102). Pure; no diagnostics here.
 */

/**
 * The optimal-string-alignment distance between `a` and `b`: insertions, deletions,
 * substitutions and swaps of two neighbouring characters each cost one. Case is ignored,
 * so that `Quarterly` is one step from nothing and zero steps from `quarterly`.
 */
export function editDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);

  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      const swapped =
        i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1];
      if (swapped) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }

  return previous[right.length] ?? 0;
}

/**
 * The candidate closest to `written`, when it is close enough to be a likely misspelling:
 * at most a third of the word's length in edits (at least one, at most four). Ties go to the
 * earlier candidate, so callers list the likelier words first. Undefined when nothing is close.
 */
export function suggest(written: string, candidates: Iterable<string>): string | undefined {
  const allowed = Math.min(4, Math.max(1, Math.floor(written.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;

  for (const candidate of candidates) {
    if (candidate === written) continue;
    const distance = editDistance(written, candidate);
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }

  return best;
}
