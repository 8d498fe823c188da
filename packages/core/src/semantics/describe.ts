/**
 * Plain-words descriptions of values, intervals and domains for diagnostic messages:
 * `80% to 95%`, `more than 1 and up to 2`, `exactly 2`, `the range of percent (0% to 100%)`.
 * Numbers keep the decimals the writer gave them (`3.0` stays `3.0`); an end of a range that
 * the conditions do not write (an end of the unit's, the scale's or the levels' range) takes
 * the decimals of the written end it is paired with, so a range reads evenly: `1.0 to under
 * 3.0`, not `1 to under 3.0`.
 */
import { toText, type Decimal } from '../util/decimal.js';
import type { Domain, Interval, UnitInfo } from './model.js';

/** Writes a value in its unit: `95%` on a percent indicator, `2` elsewhere. */
export type ValueWriter = (value: Decimal) => string;

/** The exact text of a decimal with the decimals it carries: `3.0`, `95`, `-2.5`. */
export function decimalWritten(value: Decimal): string {
  const negative = value.units < 0n;
  const digits = (negative ? -value.units : value.units).toString().padStart(value.scale + 1, '0');
  const whole = digits.slice(0, digits.length - value.scale);
  const fraction = digits.slice(digits.length - value.scale);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** The writer of values for `unit`: percentages get `%`, other units their bare number. */
export function valueWriter(unit: UnitInfo | undefined): ValueWriter {
  if (unit?.name === 'percent' && !unit.per) return (value) => `${decimalWritten(value)}%`;
  return decimalWritten;
}

/**
 * An interval in words: `80% to 95%`, `more than 1 and up to 2`, `70% to under 90%`,
 * `exactly 2`, `under 50`, `3 and above`. With the `domain` the interval was cut from, an
 * end that is one of the domain's own ends is written with the decimals of the other end
 * (`1.0 to under 3.0` on a survey mean whose band says `< 3.0`).
 */
export function describeInterval(interval: Interval, write: ValueWriter, domain?: Domain): string {
  const { low, high, lowInclusive, highInclusive } = domain ? evenEnds(interval, domain) : interval;
  if (low !== undefined && high !== undefined) {
    if (toText(low) === toText(high)) return `exactly ${write(low)}`;
    if (lowInclusive && highInclusive) return `${write(low)} to ${write(high)}`;
    if (highInclusive) return `more than ${write(low)} and up to ${write(high)}`;
    if (lowInclusive) return `${write(low)} to under ${write(high)}`;
    return `more than ${write(low)} and under ${write(high)}`;
  }

  if (low !== undefined)
    return lowInclusive ? `${write(low)} and above` : `more than ${write(low)}`;
  if (high !== undefined)
    return highInclusive ? `${write(high)} and below` : `under ${write(high)}`;
  return 'every value';
}

/**
 * `interval` with an end taken from `domain` rewritten with the decimals of the other end,
 * when that other end was written by the writer. The domain's ends are recognised by
 * identity: the interval analysis passes them on as the same objects (`interval.ts` clips
 * by choosing one bound or the other), while every written number is an object of its own,
 * so a written `1.0` that equals the domain's `1` keeps its spelling.
 */
function evenEnds(interval: Interval, domain: Domain): Interval {
  const own = (end: Decimal | undefined) =>
    end !== undefined && (end === domain.low || end === domain.high);
  const { low, high } = interval;
  if (low === undefined || high === undefined || own(low) === own(high)) return interval;
  return own(low)
    ? { ...interval, low: withDecimals(low, high.scale) }
    : { ...interval, high: withDecimals(high, low.scale) };
}

/** `value` with `scale` decimals where that keeps it exact: 1 as `1.0`, `2.50` as `2.5`. */
function withDecimals(value: Decimal, scale: number): Decimal {
  if (scale >= value.scale) {
    return { units: value.units * 10n ** BigInt(scale - value.scale), scale };
  }
  const dropped = 10n ** BigInt(value.scale - scale);
  return value.units % dropped === 0n ? { units: value.units / dropped, scale } : value;
}

/**
 * The domain in words, for "outside ..." and "no value in ...":
 * `the range of percent (0% to 100%)`, `the range of count (whole numbers from 0)`.
 */
export function describeDomain(unit: UnitInfo | undefined, domain: Domain): string {
  const write = valueWriter(unit);
  const whole = domain.integer ? 'whole numbers ' : '';
  let bounds: string;
  if (domain.low !== undefined && domain.high !== undefined) {
    bounds = `${whole}${write(domain.low)} to ${write(domain.high)}`;
  } else if (domain.low !== undefined) {
    bounds = domain.integer
      ? `whole numbers from ${write(domain.low)}`
      : `${write(domain.low)} and above`;
  } else if (domain.high !== undefined) {
    bounds = `${whole}up to ${write(domain.high)}`;
  } else {
    bounds = domain.integer ? 'whole numbers' : 'any number';
  }

  const name = unit ? (unit.per ? `${unit.name} per ${unit.per}` : unit.name) : 'the value';
  return `the range of ${name} (${bounds})`;
}
