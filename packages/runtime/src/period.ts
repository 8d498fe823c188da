/**
 * Calendar periods as measured data writes them (`2024`, `2024-H1`, `2024-Q1`, `2024-03`,
 * `2024-W05`), and how they nest. Years, halves, quarters and months nest exactly. A week is
 * an ISO 8601 week (Monday to Sunday, week 1 holds the year's first Thursday) and belongs to
 * the month, quarter, half-year and year of its Thursday, so every week lies in exactly one
 * period of each coarser kind, as it does in ISO week-numbering years.
 */
import type { Period as PeriodKind } from '@kpilang/rule-set';

export type { PeriodKind };

/** A parsed period. `index` counts from 1 within the year (always 1 for a year). */
export interface CalendarPeriod {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly index: number;
  /** The canonical text, as it was written. */
  readonly text: string;
}

/** The forms a period may take, for messages. */
export const PERIOD_FORMS = '2024, 2024-H1, 2024-Q1, 2024-03 or 2024-W05';

/** Finest to coarsest. */
const KIND_ORDER: readonly PeriodKind[] = ['week', 'month', 'quarter', 'half-year', 'year'];

/** Months in a period of each calendar kind. */
const MONTHS: Record<Exclude<PeriodKind, 'week'>, number> = {
  month: 1,
  quarter: 3,
  'half-year': 6,
  year: 12,
};

/** How a period of each kind is named in messages: "measured every quarter". */
export const KIND_NOUN: Record<PeriodKind, string> = {
  week: 'week',
  month: 'month',
  quarter: 'quarter',
  'half-year': 'half-year',
  year: 'year',
};

const PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3])))?$/;

const cache = new Map<string, CalendarPeriod | null>();
const CACHE_LIMIT = 10_000;

/**
 * Reads a period in one of the five forms. Returns undefined for anything else, including a
 * week 53 in a year that has only 52 ISO weeks and the year 0000. Letters are upper case.
 */
export function parsePeriod(text: string): CalendarPeriod | undefined {
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;

  const period = readPeriod(text);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, period ?? null);
  return period;
}

/** The rank of a kind, finest first: week 0 ... year 4. */
export function kindRank(kind: PeriodKind): number {
  return RANK[kind];
}

const RANK: Record<PeriodKind, number> = {
  week: 0,
  month: 1,
  quarter: 2,
  'half-year': 3,
  year: 4,
};

/** True when `inner` lies within `outer` (a period lies within itself). */
export function periodWithin(inner: CalendarPeriod, outer: CalendarPeriod): boolean {
  if (inner.kind === outer.kind) return inner.year === outer.year && inner.index === outer.index;
  if (kindRank(inner.kind) > kindRank(outer.kind) || outer.kind === 'week') return false;

  const [start, end] = monthRange(outer);
  const [innerStart, innerEnd] = monthRange(inner);
  return start <= innerStart && innerEnd <= end;
}

/** The periods of `kind` that lie within `outer`, in time order; empty when `kind` is coarser. */
export function periodsWithin(outer: CalendarPeriod, kind: PeriodKind): CalendarPeriod[] {
  if (kind === outer.kind) return [outer];
  if (kindRank(kind) > kindRank(outer.kind)) return [];

  const [start, end] = monthRange(outer);
  const periods: CalendarPeriod[] = [];
  if (kind === 'week') {
    for (let week = 1; week <= weeksInYear(outer.year); week += 1) {
      const anchor = thursdayMonth(outer.year, week);
      if (start <= anchor && anchor <= end) periods.push(makePeriod('week', outer.year, week));
    }
    return periods;
  }

  for (let month = start; month <= end; month += MONTHS[kind]) {
    periods.push(calendarPeriodAt(kind, month));
  }
  return periods;
}

/** The period of `kind` that `inner` lies within; undefined when `kind` is finer or a week. */
export function periodContaining(
  inner: CalendarPeriod,
  kind: PeriodKind,
): CalendarPeriod | undefined {
  if (kind === inner.kind) return inner;
  if (kindRank(kind) < kindRank(inner.kind) || kind === 'week') return undefined;
  return calendarPeriodAt(kind, monthRange(inner)[0]);
}

/** The period of the same kind just before `period`. */
export function previousPeriod(period: CalendarPeriod): CalendarPeriod {
  if (period.index > 1) return makePeriod(period.kind, period.year, period.index - 1);
  const year = period.year - 1;
  const last =
    period.kind === 'week'
      ? weeksInYear(year)
      : period.kind === 'year'
        ? 1
        : 12 / MONTHS[period.kind];
  return makePeriod(period.kind, year, last);
}

/** The number of ISO weeks (52 or 53) in an ISO week-numbering year. */
export function weeksInYear(year: number): number {
  return civilYear(thursdayOfWeek(year, 53)) === year ? 53 : 52;
}

/**
 * The last day of a period as `YYYY-MM-DD`: the last day of its last month, or the Sunday of
 * an ISO week (which may fall in the next year: 2020-W53 ends on 2021-01-03).
 */
export function periodEnd(period: CalendarPeriod): string {
  const days =
    period.kind === 'week'
      ? thursdayOfWeek(period.year, period.index) + 3
      : lastDayOfMonth(monthRange(period)[1]);
  const [year, month, day] = civilFromDays(days);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** Days since 1970-01-01 of the last day of the absolute month `month`. */
function lastDayOfMonth(month: number): number {
  const next = month + 1;
  const year = Math.floor(next / 12);
  return daysFromCivil(year, next - year * 12 + 1, 1) - 1;
}

/**
 * Every period that `period` lies within, of every coarser kind, with itself: the keys under
 * which two periods that overlap meet (for weeks, through the periods of their Thursday).
 */
export function periodAndAncestors(period: CalendarPeriod): CalendarPeriod[] {
  const chain = [period];
  for (const kind of KIND_ORDER) {
    if (kindRank(kind) <= kindRank(period.kind)) continue;
    const outer = periodContaining(period, kind);
    if (outer !== undefined) chain.push(outer);
  }
  return chain;
}

function readPeriod(text: string): CalendarPeriod | undefined {
  const match = PATTERN.exec(text);
  if (match === null) return undefined;
  const [, yearText = '', half, quarter, month, week] = match;
  const year = Number(yearText);
  if (year === 0) return undefined;

  if (half !== undefined) return makePeriod('half-year', year, Number(half));
  if (quarter !== undefined) return makePeriod('quarter', year, Number(quarter));
  if (month !== undefined) return makePeriod('month', year, Number(month));
  if (week === undefined) return makePeriod('year', year, 1);
  const index = Number(week);
  return index <= weeksInYear(year) ? makePeriod('week', year, index) : undefined;
}

function makePeriod(kind: PeriodKind, year: number, index: number): CalendarPeriod {
  const yearText = String(year).padStart(4, '0');
  const two = String(index).padStart(2, '0');
  const text =
    kind === 'year'
      ? yearText
      : kind === 'half-year'
        ? `${yearText}-H${index}`
        : kind === 'quarter'
          ? `${yearText}-Q${index}`
          : kind === 'month'
            ? `${yearText}-${two}`
            : `${yearText}-W${two}`;
  return { kind, year, index, text };
}

/**
 * The first and last month of a period, counted as `year * 12 + month - 1`. A week's range is
 * the one month of its Thursday.
 */
function monthRange(period: CalendarPeriod): [number, number] {
  if (period.kind === 'week') {
    const month = thursdayMonth(period.year, period.index);
    return [month, month];
  }
  const size = MONTHS[period.kind];
  const start = period.year * 12 + (period.index - 1) * size;
  return [start, start + size - 1];
}

/** The period of a calendar kind that holds the absolute month `month`. */
function calendarPeriodAt(kind: Exclude<PeriodKind, 'week'>, month: number): CalendarPeriod {
  const year = Math.floor(month / 12);
  return makePeriod(kind, year, Math.floor((month - year * 12) / MONTHS[kind]) + 1);
}

/** The absolute month (`year * 12 + month - 1`) of the Thursday of an ISO week. */
function thursdayMonth(isoYear: number, week: number): number {
  const [year, month] = civilFromDays(thursdayOfWeek(isoYear, week));
  return year * 12 + month - 1;
}

/** Days since 1970-01-01 of the Thursday of ISO week `week` of `isoYear`. */
function thursdayOfWeek(isoYear: number, week: number): number {
  const january4 = daysFromCivil(isoYear, 1, 4);
  const weekday = mod(january4 + 3, 7); // 0 is Monday: 1970-01-01 was a Thursday.
  const mondayOfWeek1 = january4 - weekday;
  return mondayOfWeek1 + 7 * (week - 1) + 3;
}

function civilYear(days: number): number {
  return civilFromDays(days)[0];
}

/** Days since 1970-01-01 of a proleptic Gregorian date (integer arithmetic only). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The year, month (1 to 12) and day of a day counted from 1970-01-01. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  return [year, month, day];
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
