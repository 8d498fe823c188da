/**
 * Bands, rating lines and the intervals they are made of, compared exactly. An interval's
 * ends are included or excluded exactly as the rule set says, so a value on a boundary falls
 * in the one band the framework put it in. Direction needs no handling here: the bands of a
 * `better lower` indicator already give the better level to the lower values.
 */
import type { Band, Interval, Level } from '@kpilang/rule-set';
import { toExactNumber } from './exact-number.js';
import { Rational } from './rational.js';
import type { BandMatch } from './results.js';

/** True when `value` lies in `interval`. */
export function intervalContains(interval: Interval, value: Rational): boolean {
  if (interval.low !== undefined) {
    const side = value.compare(decimal(interval.low));
    if (side < 0 || (side === 0 && !interval.lowInclusive)) return false;
  }
  if (interval.high !== undefined) {
    const side = value.compare(decimal(interval.high));
    if (side > 0 || (side === 0 && !interval.highInclusive)) return false;
  }
  return true;
}

/** The first band whose interval holds `value`, or undefined when none does. */
export function findBand(bands: readonly Band[], value: Rational): Band | undefined {
  return bands.find((band) => intervalContains(band.interval, value));
}

/** The band whose level earns the fewest points (the first of them on a tie). */
export function lowestBand(
  bands: readonly Band[],
  levelOf: (id: string) => Level,
): Band | undefined {
  let lowest: Band | undefined;
  for (const band of bands) {
    if (
      lowest === undefined ||
      pointsOf(levelOf(band.level)).compare(pointsOf(levelOf(lowest.level))) < 0
    ) {
      lowest = band;
    }
  }
  return lowest;
}

/**
 * A band as a result shows it: the level, its points and the condition. Made once per band
 * and shared by every result that matches it, frozen.
 */
export function toBandMatch(band: Band, level: Level): BandMatch {
  let match = matches.get(band);
  if (match === undefined || match.level !== level.id) {
    match = Object.freeze({
      level: level.id,
      label: level.label,
      points: toExactNumber(pointsOf(level)),
      interval: band.interval,
      condition: describeInterval(band.interval),
    });
    matches.set(band, match);
  }
  return match;
}

const matches = new WeakMap<Band, BandMatch>();

export function pointsOf(level: Level): Rational {
  return decimal(level.points);
}

/**
 * An interval in the words of the language: `from 95`, `under 80`, `from 80 to under 95`,
 * `> 85`, `70 .. 85`, `= 0`, `any value`.
 */
export function describeInterval(interval: Interval): string {
  const { low, high, lowInclusive, highInclusive } = interval;
  if (low === undefined && high === undefined) return 'any value';
  if (low !== undefined && high !== undefined) {
    if (low === high && lowInclusive && highInclusive) return `= ${low}`;
    if (lowInclusive && highInclusive) return `${low} .. ${high}`;
    if (lowInclusive) return `from ${low} to under ${high}`;
    return highInclusive ? `> ${low} and <= ${high}` : `> ${low} and < ${high}`;
  }
  if (low !== undefined) return lowInclusive ? `from ${low}` : `> ${low}`;
  return highInclusive ? `<= ${high ?? ''}` : `under ${high ?? ''}`;
}

/** Reads a decimal the schema has already checked; the few distinct ones are read once. */
export function decimal(text: string): Rational {
  let value = decimals.get(text);
  if (value === undefined) {
    value = Rational.parseDecimal(text);
    if (value === undefined) throw new RangeError(`Not decimal text in the rule set: "${text}".`);
    if (decimals.size >= 10_000) decimals.clear();
    decimals.set(text, value);
  }
  return value;
}

const decimals = new Map<string, Rational>();
