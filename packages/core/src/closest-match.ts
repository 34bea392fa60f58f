import damerauLevenshtein from 'damerau-levenshtein';

/**
 * The candidate closest to a mistyped `input` (`--teir` -> `--tier`,
 * `deskop` -> `desktop`, `pakage` -> `package`), or `undefined` when none is
 * close enough to be a plausible typo. Distance is Damerau-Levenshtein
 * (a swap of two neighbours counts as one edit), case-insensitive; at most one
 * edit per three characters of the input is tolerated (at least one). A
 * unique candidate that starts with the input also matches (`pack` ->
 * `package`). Ties go to the earlier candidate.
 *
 * @example
 * ```ts
 * closestMatch('teir', ['root', 'tier', 'json']) // 'tier'
 * closestMatch('xyz', ['root', 'tier'])          // undefined
 * ```
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase();
  if (wanted.length === 0) return undefined;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestSteps = Number.POSITIVE_INFINITY;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower === wanted) return candidate;
    if (lower.startsWith(wanted)) prefixed.push(candidate);
    const steps = damerauLevenshtein(wanted, lower).steps;
    if (steps <= limit && steps < bestSteps) {
      best = candidate;
      bestSteps = steps;
    }
  }
  return best ?? (prefixed.length === 1 ? prefixed[0] : undefined);
}

/** `did you mean "x"?` for the closest candidate, or `undefined` when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>, quote: (s: string) => string = (s) => `"${s}"`): string | undefined {
  const match = closestMatch(input, candidates);
  return match === undefined ? undefined : `did you mean ${quote(match)}?`;
}
