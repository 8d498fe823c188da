/**
 * The parts of a person's total (`parts` of the rule set, such as the 30 points of general
 * criteria and the 70 of task results): each part's points are the sum of the contributions of
 * its indicators that count. Parts add nothing to the arithmetic; they are the total split.
 */
import type { Part } from '@kpilang/rule-set';
import { decimal } from './band.js';
import { toExactNumber } from './exact-number.js';
import { valueText } from './measure-indicator.js';
import { Rational } from './rational.js';
import type { PartResult } from './results.js';

/** An indicator's part and its contribution to the total (undefined when it adds nothing). */
export interface PartShare {
  part: string | undefined;
  contribution: Rational | undefined;
}

/**
 * Each part with the points the person scored in it, in the rule set's order (the points are
 * null when the person has no total), and the same in words for the explanation:
 * `general 28 of 30, task_results 59 of 70` (empty without parts or a total).
 */
export function partResults(
  parts: readonly Part[],
  shares: readonly PartShare[],
  hasTotal: boolean,
): { parts: PartResult[]; text: string } {
  const words: string[] = [];
  const results = parts.map((part): PartResult => {
    let points = Rational.ZERO;
    for (const share of shares) {
      if (share.part === part.id && share.contribution !== undefined) {
        points = points.add(share.contribution);
      }
    }
    if (hasTotal) words.push(`${part.id} ${valueText(points)} of ${part.points}`);
    return {
      id: part.id,
      label: part.label,
      points: hasTotal ? toExactNumber(points) : null,
      max: toExactNumber(decimal(part.points)),
    };
  });
  return { parts: results, text: words.join(', ') };
}
