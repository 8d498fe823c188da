/**
 * The lines of the overall rating as results show them: the line a total falls in, and each
 * line as a `RatingMatch`, made once per line and shared by every result that reaches it,
 * frozen.
 */
import type { RatingLine } from '@kpilang/rule-set';
import { describeInterval, intervalContains } from './band.js';
import type { Rational } from './rational.js';
import type { RatingMatch } from './results.js';

/** The first line whose interval holds `total`, or undefined when none does. */
export function ratingLineOf(
  lines: readonly RatingLine[],
  total: Rational,
): RatingLine | undefined {
  return lines.find((line) => intervalContains(line.interval, total));
}

export function toRatingMatch(line: RatingLine): RatingMatch {
  let match = matches.get(line);
  if (match === undefined) {
    match = Object.freeze({
      id: line.id,
      label: line.label,
      interval: line.interval,
      condition: describeInterval(line.interval),
    });
    matches.set(line, match);
  }
  return match;
}

const matches = new WeakMap<RatingLine, RatingMatch>();
