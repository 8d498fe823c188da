/**
 * Which measured periods give an indicator its value in the scored cycle. An indicator
 * measured as often as the cycle, or more often, takes the periods of its frequency that lie
 * within the scored period. One measured less often is rated in the last cycle of each of its
 * periods (an annual indicator in the fourth quarter); in the cycles before, `carry` rates the
 * period before it again and `missing` gives no value.
 */
import type { Indicator } from '@kpilang/rule-set';
import {
  KIND_NOUN,
  kindRank,
  periodContaining,
  periodWithin,
  periodsWithin,
  previousPeriod,
  type CalendarPeriod,
  type PeriodKind,
} from './period.js';
import type { RejectionCode } from './data-row.js';

export type MeasurementPlan =
  | {
      kind: 'periods';
      frequency: PeriodKind;
      /** The measured periods, in time order. */
      periods: CalendarPeriod[];
      /** True when the one period lies before the scored cycle (`carry`). */
      carried: boolean;
    }
  | {
      kind: 'between';
      frequency: PeriodKind;
      /** The period whose measurement the scored cycle lies within. */
      measured: CalendarPeriod;
      /** The cycle that measurement is rated in. */
      ratedIn: CalendarPeriod;
    };

/** The plan for `indicator` when the cycle `scored` (of kind `cycle`) is scored. */
export function planMeasurement(
  indicator: Indicator,
  scored: CalendarPeriod,
  cycle: PeriodKind,
): MeasurementPlan {
  const frequency = indicator.frequency ?? cycle;
  if (kindRank(frequency) <= kindRank(cycle)) {
    return {
      kind: 'periods',
      frequency,
      periods: periodsWithin(scored, frequency),
      carried: false,
    };
  }

  // A coarser period always contains the cycle: weeks lie in the months of their Thursdays.
  const measured = periodContaining(scored, frequency) ?? scored;
  const cycles = periodsWithin(measured, cycle);
  const ratedIn = cycles[cycles.length - 1] ?? scored;
  if (ratedIn.text === scored.text) {
    return { kind: 'periods', frequency, periods: [measured], carried: false };
  }
  if (indicator.between === 'carry') {
    return { kind: 'periods', frequency, periods: [previousPeriod(measured)], carried: true };
  }
  return { kind: 'between', frequency, measured, ratedIn };
}

/**
 * Why a row of `period` cannot serve `indicator` under `plan`, or undefined when it can: it
 * can when its period lies within one of the measured periods (a month of a quarterly
 * measure adds to the quarter).
 */
export function periodProblem(
  period: CalendarPeriod,
  indicator: Indicator,
  plan: MeasurementPlan,
  scored: CalendarPeriod,
): { code: RejectionCode; reason: string } | undefined {
  const frequency = plan.frequency;
  if (plan.kind === 'periods' && plan.periods.some((measured) => periodWithin(period, measured))) {
    return undefined;
  }
  if (plan.kind === 'between' && periodWithin(period, plan.measured)) {
    return {
      code: 'outside-period',
      reason:
        `Indicator "${indicator.id}" is measured every ${KIND_NOUN[frequency]} and rated in ` +
        `${plan.ratedIn.text}; ${scored.text} lies between its measurements, so its ` +
        `${plan.measured.text} figures are not used.`,
    };
  }
  if (kindRank(period.kind) > kindRank(frequency)) {
    return {
      code: 'coarser-than-measured',
      reason:
        `The period ${period.text} is a ${KIND_NOUN[period.kind]}, longer than the ` +
        `${KIND_NOUN[frequency]} indicator "${indicator.id}" is measured for.`,
    };
  }
  const carried =
    plan.kind === 'periods' && plan.carried ? ` or the ${plan.periods[0]?.text} it carries` : '';
  return {
    code: 'outside-period',
    reason: `The period ${period.text} is outside the scored period ${scored.text}${carried}.`,
  };
}
