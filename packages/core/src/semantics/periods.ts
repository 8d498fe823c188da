/**
 * The order and length of periods: week < month < quarter < half-year < year. Used by the
 * frequency checks (KPI401, KPI402) and by the domain of an aggregated value (a sum over the
 * weeks of a month can be five weeks' worth).
 */
import type { Period } from './model.js';

const PER_YEAR: Record<Period, number> = {
  week: 52,
  month: 12,
  quarter: 4,
  'half-year': 2,
  year: 1,
};

const PLURAL: Record<Period, string> = {
  week: 'weeks',
  month: 'months',
  quarter: 'quarters',
  'half-year': 'half-years',
  year: 'years',
};

const ADVERB: Record<Period, string> = {
  week: 'weekly',
  month: 'monthly',
  quarter: 'quarterly',
  'half-year': 'half-yearly',
  year: 'annually',
};

/** Negative when `a` is the shorter period, positive when longer, 0 when the same. */
export function comparePeriods(a: Period, b: Period): number {
  return PER_YEAR[b] - PER_YEAR[a];
}

/** At most how many `short` periods fall in one `long` period (5 weeks in a month). */
export function periodsWithin(short: Period, long: Period): number {
  return Math.ceil(PER_YEAR[short] / PER_YEAR[long]);
}

/** How many `short` periods make one `long` period exactly, or undefined (weeks in a month). */
export function exactPeriodsWithin(short: Period, long: Period): number | undefined {
  const ratio = PER_YEAR[short] / PER_YEAR[long];
  return Number.isInteger(ratio) ? ratio : undefined;
}

export function periodAdverb(period: Period): string {
  return ADVERB[period];
}

export function periodPlural(period: Period): string {
  return PLURAL[period];
}
