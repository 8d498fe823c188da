/**
 * Rates (`unit count per month`) against the period their rated value is really a figure
 * of. Used twice: by the domain of the rated value (a count per month measured monthly is a
 * whole count) and by the frequency checks (KPI406 when the rated value is a figure of
 * another period than the rate's own, so its bands would be read against the wrong figures).
 *
 * The period a rated value covers is its measurement period (`every`), except that
 * `aggregate sum` over periods finer than the cycle makes it a total of the whole cycle. The
 * other aggregations keep one period's figure: `mean` averages them (which makes it
 * continuous, see `domain.ts`), `min`, `max`, `last` and `every` pick one.
 */
import type { Aggregation, Indicator, Period, UnitInfo } from './model.js';
import { comparePeriods, periodAdverb } from './periods.js';
import type { CheckState } from './state.js';
import { BUILTIN_UNITS } from './units.js';

/**
 * The period one rated value is a figure of, or undefined when nothing says: no frequency,
 * or a sum without a cycle to sum over.
 */
export function coveredPeriod(
  frequency: Period | undefined,
  cycle: Period | undefined,
  aggregation: Aggregation | undefined,
): Period | undefined {
  if (!frequency) return undefined;
  if (aggregation !== 'sum') return frequency;
  if (!cycle) return undefined;
  return comparePeriods(frequency, cycle) < 0 ? cycle : frequency;
}

/**
 * True when a rate's values are whole numbers: it counts something whole (a built-in
 * whole-number unit, that is `count`; points of a scale are not counted things) and each
 * value covers exactly the rate's period. Measured over a longer period, a count per month
 * is that period's count shared out over its months (2 in a quarter is 0.67 a month); over
 * a shorter one, it would have to be scaled up; either way it falls between whole numbers.
 */
export function isWholeRate(unit: UnitInfo, covered: Period | undefined): boolean {
  if (!unit.per || unit.scale !== undefined) return false;
  return covered === unit.per && BUILTIN_UNITS.get(unit.name)?.integer === true;
}

/**
 * KPI406: the rated value is a figure of another period than the rate's. Two cases matter:
 * a sum that turns a rate into a total of the cycle, and a measurement that covers less than
 * the rate's period (a month's count against bands per quarter). A value covering a longer
 * period, not summed, is that period's figure read per the rate's period: an average, which
 * is what a rate is for, so it raises nothing.
 */
export function checkRatePeriod(state: CheckState, indicator: Indicator, cycle: Period): void {
  const { unit, frequency, aggregation, node } = indicator;
  if (!unit?.per || !frequency || !node.unit) return;
  const covered = coveredPeriod(frequency, cycle, aggregation);
  if (!covered || covered === unit.per) return;

  const uri = indicator.uri ?? '';
  const rate = ratePhrase(unit);
  const rewrite = `Write 'unit ${unit.name} per ${periodWord(covered)}'`;
  if (covered !== frequency && node.aggregate) {
    const covers =
      `the total of a ${covered} ` +
      `('aggregate sum' adds up the ${periodAdverb(frequency)} values)`;
    const mean =
      frequency === unit.per ? `, or use 'aggregate mean' for the average ${unit.per}` : '';
    const place = { uri, range: node.aggregate.range };
    state.reporter.report('KPI406', place, [indicator.id, rate, covers, `${rewrite}${mean}.`]);
    return;
  }

  if (comparePeriods(covered, unit.per) < 0) {
    const covers = `the figure of one ${covered}`;
    const fix = `${rewrite}, or measure it 'every ${periodWord(unit.per)}'.`;
    const place = { uri, range: node.unit.range };
    state.reporter.report('KPI406', place, [indicator.id, rate, covers, fix]);
  }
}

/** "a count per month", "in hours per week". */
function ratePhrase(unit: UnitInfo): string {
  const per = `per ${unit.per ?? ''}`;
  return unit.name === 'count' ? `a count ${per}` : `in ${unit.name} ${per}`;
}

/** The word a writer types for a period after `per` or `every`. */
function periodWord(period: Period): string {
  return period === 'half-year' ? 'half' : period;
}
