/**
 * Exact interval analysis on the domain of a rated value: clipping to the domain, the values
 * no interval covers (gaps), intersections (overlaps), cuts (where one set of values ends and
 * the next begins) and order. On an integer domain every interval is first turned into the
 * whole numbers it holds, so that `<= 1` and `> 2` on a count leave exactly `{2}`, while on a
 * continuous domain they leave `(1, 2]`. All arithmetic is exact (see `util/decimal.ts`).
 */
import { add, ceil, compare, eq, floor, ONE, sub, type Decimal } from '../util/decimal.js';
import type { Domain, Interval } from './model.js';

/** The whole domain as an interval; unbounded sides stay open. */
export function domainInterval(domain: Domain): Interval {
  return {
    low: domain.low,
    lowInclusive: domain.low !== undefined,
    high: domain.high,
    highInclusive: domain.high !== undefined,
  };
}

/**
 * `interval` restricted to `domain`: clipped to its bounds and, on an integer domain, turned
 * into closed whole-number bounds. Undefined when nothing of the domain is left.
 */
export function normalize(interval: Interval, domain: Domain): Interval | undefined {
  const clipped = intersectRaw(interval, domainInterval(domain));
  if (!domain.integer) return isEmpty(clipped) ? undefined : clipped;

  const low =
    clipped.low && (clipped.lowInclusive ? ceil(clipped.low) : add(floor(clipped.low), ONE));
  const high =
    clipped.high && (clipped.highInclusive ? floor(clipped.high) : sub(ceil(clipped.high), ONE));
  const whole: Interval = {
    low,
    lowInclusive: low !== undefined,
    high,
    highInclusive: high !== undefined,
  };
  return isEmpty(whole) ? undefined : whole;
}

/** The values both intervals hold, within `domain`; undefined when there are none. */
export function intersect(a: Interval, b: Interval, domain: Domain): Interval | undefined {
  const left = normalize(a, domain);
  const right = normalize(b, domain);
  if (!left || !right) return undefined;
  const both = intersectRaw(left, right);
  return isEmpty(both) ? undefined : both;
}

/** True when `interval` holds no value at all. */
export function isEmpty(interval: Interval): boolean {
  if (interval.low === undefined || interval.high === undefined) return false;
  const order = compare(interval.low, interval.high);
  if (order !== 0) return order > 0;
  return !(interval.lowInclusive && interval.highInclusive);
}

/** True when `value` lies in `interval`. */
export function contains(interval: Interval, value: Decimal): boolean {
  if (interval.low !== undefined) {
    const order = compare(value, interval.low);
    if (order < 0 || (order === 0 && !interval.lowInclusive)) return false;
  }
  if (interval.high !== undefined) {
    const order = compare(value, interval.high);
    if (order > 0 || (order === 0 && !interval.highInclusive)) return false;
  }
  return true;
}

/** True when both intervals hold the same values of `domain`. */
export function sameValues(a: Interval, b: Interval, domain: Domain): boolean {
  const left = normalize(a, domain);
  const right = normalize(b, domain);
  if (!left || !right) return !left && !right;
  return (
    sameBound(left.low, left.lowInclusive, right.low, right.lowInclusive) &&
    sameBound(left.high, left.highInclusive, right.high, right.highInclusive)
  );
}

/** True when every value of `a` in the domain is above every value of `b` in it. */
export function entirelyAbove(a: Interval, b: Interval, domain: Domain): boolean {
  const upper = normalize(a, domain);
  const lower = normalize(b, domain);
  if (!upper || !lower || upper.low === undefined || lower.high === undefined) return false;
  const order = compare(upper.low, lower.high);
  return order > 0 || (order === 0 && !(upper.lowInclusive && lower.highInclusive));
}

/**
 * The values of `domain` that none of `intervals` covers, lowest first, as maximal intervals.
 * A sweep from the domain's low end: after each interval (in order of their low ends) the
 * first uncovered value moves past it, and whatever lies between moves into a gap.
 */
export function uncovered(domain: Domain, intervals: Interval[]): Interval[] {
  const parts = intervals
    .map((interval) => normalize(interval, domain))
    .filter((interval): interval is Interval => !!interval)
    .sort(compareLows);
  const gaps: Interval[] = [];
  const start = domain.low && domain.integer ? ceil(domain.low) : domain.low;
  let cursor: Cursor | 'end' = { value: start, inclusive: start !== undefined };

  for (const part of parts) {
    if (cursor === 'end') break;
    const gap = gapBefore(cursor, part, domain.integer);
    if (gap) gaps.push(gap);
    cursor = later(cursor, cursorAfter(part, domain.integer));
  }

  if (cursor !== 'end') {
    const tail = fromCursor(cursor, domain.high, domain.high !== undefined, domain.integer);
    if (tail) gaps.push(tail);
  }
  return gaps;
}

/** A boundary between values: just before `value` (value above it) or just after it. */
export interface Cut {
  value: Decimal;
  after: boolean;
}

/**
 * The cuts where a (normalised) interval starts and ends, leaving out those at or beyond the
 * domain's edges, which separate nothing. On an integer domain every cut is written as
 * "before n", so that `> 1` and `>= 2` give the same cut.
 */
export function cutsOf(interval: Interval, domain: Domain): Cut[] {
  const part = normalize(interval, domain);
  if (!part) return [];
  const cuts: Cut[] = [];

  if (part.low !== undefined) cuts.push({ value: part.low, after: !part.lowInclusive });
  if (part.high !== undefined) {
    cuts.push(
      domain.integer
        ? { value: add(part.high, ONE), after: false }
        : { value: part.high, after: part.highInclusive },
    );
  }
  return cuts.filter((cut) => separates(cut, domain));
}

export function sameCut(a: Cut, b: Cut): boolean {
  return a.after === b.after && eq(a.value, b.value);
}

/** The first position not yet known to be covered; `value` undefined means minus infinity. */
interface Cursor {
  value?: Decimal;
  inclusive: boolean;
}

function gapBefore(cursor: Cursor, part: Interval, integer: boolean): Interval | undefined {
  if (part.low === undefined) return undefined;
  if (integer) return fromCursor(cursor, sub(part.low, ONE), true, true);
  return fromCursor(cursor, part.low, !part.lowInclusive, false);
}

function fromCursor(
  cursor: Cursor,
  high: Decimal | undefined,
  highInclusive: boolean,
  integer: boolean,
): Interval | undefined {
  const top = high && integer ? floor(high) : high;
  const gap: Interval = {
    low: cursor.value,
    lowInclusive: cursor.inclusive,
    high: top,
    highInclusive,
  };
  return isEmpty(gap) ? undefined : gap;
}

function cursorAfter(part: Interval, integer: boolean): Cursor | 'end' {
  if (part.high === undefined) return 'end';
  if (integer) return { value: add(part.high, ONE), inclusive: true };
  return { value: part.high, inclusive: !part.highInclusive };
}

function later(a: Cursor, b: Cursor | 'end'): Cursor | 'end' {
  if (b === 'end') return 'end';
  if (a.value === undefined) return b;
  if (b.value === undefined) return a;
  const order = compare(a.value, b.value);
  if (order !== 0) return order > 0 ? a : b;
  return a.inclusive ? b : a;
}

function compareLows(a: Interval, b: Interval): number {
  if (a.low === undefined || b.low === undefined) {
    return (a.low === undefined ? 0 : 1) - (b.low === undefined ? 0 : 1);
  }
  const order = compare(a.low, b.low);
  if (order !== 0) return order;
  return (a.lowInclusive ? 0 : 1) - (b.lowInclusive ? 0 : 1);
}

function intersectRaw(a: Interval, b: Interval): Interval {
  const [low, lowInclusive] = tighter(a.low, a.lowInclusive, b.low, b.lowInclusive, 1);
  const [high, highInclusive] = tighter(a.high, a.highInclusive, b.high, b.highInclusive, -1);
  return { low, lowInclusive, high, highInclusive };
}

/** The tighter of two bounds: `sign` 1 keeps the larger low end, -1 the smaller high end. */
function tighter(
  a: Decimal | undefined,
  aInclusive: boolean,
  b: Decimal | undefined,
  bInclusive: boolean,
  sign: 1 | -1,
): [Decimal | undefined, boolean] {
  if (a === undefined) return [b, bInclusive];
  if (b === undefined) return [a, aInclusive];
  const order = compare(a, b) * sign;
  if (order > 0) return [a, aInclusive];
  if (order < 0) return [b, bInclusive];
  return [a, aInclusive && bInclusive];
}

function sameBound(
  a: Decimal | undefined,
  aInclusive: boolean,
  b: Decimal | undefined,
  bInclusive: boolean,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return eq(a, b) && aInclusive === bInclusive;
}

/** True when a cut has domain values on both sides of it. */
function separates(cut: Cut, domain: Domain): boolean {
  const belowExists =
    domain.low === undefined ||
    compare(cut.value, domain.low) > 0 ||
    (cut.after && eq(cut.value, domain.low));
  const aboveExists =
    domain.high === undefined ||
    compare(cut.value, domain.high) < 0 ||
    (!cut.after && eq(cut.value, domain.high));
  return belowExists && aboveExists;
}
