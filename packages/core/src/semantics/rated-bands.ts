/**
 * What the threshold checks share: the bands of a clause whose values can be compared, the
 * domain assumed when the unit is unknown, and how a rule names its owner in messages.
 */
import type * as ast from '../syntax/ast.js';
import { conditionInterval, conditionNumbers } from './convert.js';
import type { Domain, Indicator, Interval } from './model.js';
import { valueProblem } from './values.js';

/** A band whose values can be compared: its level, its interval and its syntax node. */
export interface RatedBand {
  level: string;
  interval: Interval;
  node: ast.Band;
}

/** The domain used when the unit is unknown: every number, continuous. */
export const OPEN_DOMAIN: Domain = { integer: false };

/**
 * The bands of a clause that can be compared, without reporting anything: complete
 * conditions whose numbers fit the unit (a band in another unit means nothing here).
 */
export function ratedBands(indicator: Indicator, clause: ast.BandsClause): RatedBand[] {
  const rated: RatedBand[] = [];
  for (const band of clause.bands) {
    const interval = conditionInterval(band.condition);
    const numbers = conditionNumbers(band.condition);
    const unfit = numbers.some(
      (value) => valueProblem(value, indicator.unit, indicator.domain) === 'unit',
    );
    if (interval && !unfit) rated.push({ level: band.level.text, interval, node: band });
  }
  return rated;
}

/** `'task_completion'`, or `'task_completion' in 'head'` for a position's or context's rule. */
export function ownerText(indicator: Indicator, where: string | undefined): string {
  return where ? `'${indicator.id}' ${where}` : `'${indicator.id}'`;
}
