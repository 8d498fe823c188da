/**
 * Exact decimal numbers for everything a framework writes: thresholds, weights, points.
 * A value is an integer scaled by a power of ten, so `33.3 + 33.3 + 33.4` is exactly `100`
 * and `0.1 + 0.2` is exactly `0.3`. Division is not offered: the checker never divides.
 */

/** An exact decimal: `units × 10^-scale`, with `scale >= 0`. Treat as immutable. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Parses plain decimal text such as `95`, `-3`, `4.0` or `0.95`; returns undefined otherwise. */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;

  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(`${whole}${fraction}`);
  return { units: sign === '-' ? -units : units, scale: fraction.length };
}

/** The decimal for a JavaScript integer. */
export function decimalFromInt(value: number): Decimal {
  return { units: BigInt(value), scale: 0 };
}

export const ZERO: Decimal = { units: 0n, scale: 0 };
export const ONE: Decimal = { units: 1n, scale: 0 };
export const HUNDRED: Decimal = { units: 100n, scale: 0 };

/** Powers of ten by exponent, made once: the checker compares many decimals. */
const POWERS: bigint[] = [1n];

function rescale(value: Decimal, scale: number): bigint {
  const by = scale - value.scale;
  if (by === 0) return value.units;
  let power = POWERS[by];
  if (power === undefined) {
    power = 10n ** BigInt(by);
    POWERS[by] = power;
  }
  return value.units * power;
}

export function add(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export function sub(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) - rescale(b, scale), scale };
}

export function mul(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compare(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const scale = Math.max(a.scale, b.scale);
  const left = rescale(a, scale);
  const right = rescale(b, scale);
  return left < right ? -1 : left > right ? 1 : 0;
}

export function eq(a: Decimal, b: Decimal): boolean {
  return compare(a, b) === 0;
}

export function lt(a: Decimal, b: Decimal): boolean {
  return compare(a, b) < 0;
}

export function min(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return compare(a, b) >= 0 ? a : b;
}

export function isInteger(value: Decimal): boolean {
  return value.units % 10n ** BigInt(value.scale) === 0n;
}

/** The largest integer at or below `value`. */
export function floor(value: Decimal): Decimal {
  const divisor = 10n ** BigInt(value.scale);
  let whole = value.units / divisor;
  if (value.units < 0n && whole * divisor !== value.units) whole -= 1n;
  return { units: whole, scale: 0 };
}

/** The smallest integer at or above `value`. */
export function ceil(value: Decimal): Decimal {
  const below = floor(value);
  return eq(below, value) ? below : add(below, ONE);
}

/** Drops trailing zeros of the fraction: `4.0` becomes `4`, `0.50` becomes `0.5`. */
export function normalize(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/** The shortest exact decimal text: no exponent, no trailing zeros (`100`, `0.3`, `-2.5`). */
export function toText(value: Decimal): string {
  const { units, scale } = normalize(value);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Multiplies by 10^power (power may be negative), exactly. */
export function shift(value: Decimal, power: number): Decimal {
  if (power >= 0) return { units: value.units * 10n ** BigInt(power), scale: value.scale };
  return { units: value.units, scale: value.scale - power };
}
