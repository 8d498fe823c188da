/**
 * Exact rational numbers on bigint: the arithmetic every score is computed with. Values enter
 * as decimal text (the rule set's numbers, the measured values) and leave as decimal text when
 * they have a finite decimal expansion, or as a fraction such as `2/3` when they have none.
 * No value ever passes through binary floating point, so a comparison with a band edge or a
 * rating line is exact.
 */

/** Decimal text as measured data may write it: an optional sign, digits, an optional point. */
const INPUT_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A fraction as `toExactText` writes it: an optional minus, digits, `/`, digits. */
const FRACTION = /^(-?\d+)\/(\d+)$/;

/** A rational number in lowest terms with a positive denominator. Immutable. */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);
  static readonly HUNDRED = new Rational(100n, 1n);

  /** Use `Rational.of`, which normalises; the constructor trusts its caller. */
  private constructor(
    /** The numerator; its sign is the sign of the number. */
    readonly numerator: bigint,
    /** The denominator, always positive and coprime with the numerator. */
    readonly denominator: bigint,
  ) {}

  /** `numerator / denominator` in lowest terms. A zero denominator is a programming error. */
  static of(numerator: bigint, denominator: bigint = 1n): Rational {
    if (denominator === 1n) return new Rational(numerator, 1n);
    if (denominator === 0n) throw new RangeError('Rational with a zero denominator.');
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator);
    return new Rational(numerator / divisor, denominator / divisor);
  }

  /** A whole number. */
  static integer(value: number | bigint): Rational {
    return new Rational(BigInt(value), 1n);
  }

  /**
   * Reads decimal text: an optional `+` or `-`, digits with an optional decimal point, and at
   * least one digit (`95`, `-2.5`, `+0.75`, `.5`, `5.`). Returns undefined for anything else,
   * so an exponent (`1e3`), a decimal comma (`1,5`), a percent sign, spaces or an empty text
   * never become a number. The rule set's decimals are a subset of this form.
   */
  static parseDecimal(text: string): Rational | undefined {
    const match = INPUT_DECIMAL.exec(text);
    if (match === null) return undefined;
    const [, sign = '', whole = '', fraction = ''] = match;
    if (fraction === '') {
      if (whole === '') return undefined;
      // Whole numbers, the most common measured values, need no scaling or reduction.
      const integer = BigInt(whole);
      return new Rational(sign === '-' ? -integer : integer, 1n);
    }

    const digits = BigInt(`${whole}${fraction}` || '0');
    const scale = 10n ** BigInt(fraction.length);
    return Rational.of(sign === '-' ? -digits : digits, scale);
  }

  /** Reads what `toExactText` writes: decimal text (`95`, `-0.5`) or a fraction (`2/3`). */
  static parse(text: string): Rational | undefined {
    const fraction = FRACTION.exec(text);
    if (fraction === null) return Rational.parseDecimal(text);
    const denominator = BigInt(fraction[2] ?? '0');
    return denominator === 0n ? undefined : Rational.of(BigInt(fraction[1] ?? '0'), denominator);
  }

  add(other: Rational): Rational {
    if (this.denominator === 1n && other.denominator === 1n) {
      return new Rational(this.numerator + other.numerator, 1n);
    }
    return Rational.of(
      this.numerator * other.denominator + other.numerator * this.denominator,
      this.denominator * other.denominator,
    );
  }

  subtract(other: Rational): Rational {
    return this.add(other.negate());
  }

  multiply(other: Rational): Rational {
    if (this.denominator === 1n && other.denominator === 1n) {
      return new Rational(this.numerator * other.numerator, 1n);
    }
    return Rational.of(this.numerator * other.numerator, this.denominator * other.denominator);
  }

  /** Division; dividing by zero is a programming error (callers check `isZero` first). */
  divide(other: Rational): Rational {
    return Rational.of(this.numerator * other.denominator, this.denominator * other.numerator);
  }

  negate(): Rational {
    return new Rational(-this.numerator, this.denominator);
  }

  isZero(): boolean {
    return this.numerator === 0n;
  }

  /** -1, 0 or 1 as this number is less than, equal to or greater than `other`. */
  compare(other: Rational): -1 | 0 | 1 {
    if (this.denominator === other.denominator) {
      return this.numerator < other.numerator ? -1 : this.numerator > other.numerator ? 1 : 0;
    }
    const left = this.numerator * other.denominator;
    const right = other.numerator * this.denominator;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  equals(other: Rational): boolean {
    return this.numerator === other.numerator && this.denominator === other.denominator;
  }

  /**
   * The exact decimal text when the number has a finite decimal expansion (its denominator
   * has no prime factor but 2 and 5), in the rule set's spelling: no leading zeros, no
   * trailing zeros in the fraction, `0` never `-0`. Undefined for a number such as 2/3.
   */
  toDecimalText(): string | undefined {
    if (this.denominator === 1n) return this.numerator.toString();
    let twos = 0n;
    let fives = 0n;
    let rest = this.denominator;
    while (rest % 2n === 0n) {
      rest /= 2n;
      twos += 1n;
    }
    while (rest % 5n === 0n) {
      rest /= 5n;
      fives += 1n;
    }
    if (rest !== 1n) return undefined;

    const places = twos > fives ? twos : fives;
    const scaled = (this.numerator * 10n ** places) / this.denominator;
    return writeScaled(scaled, Number(places));
  }

  /** The fraction in lowest terms: `2/3`, `-7/4`, or the integer alone (`5`). */
  toFractionText(): string {
    return this.denominator === 1n
      ? this.numerator.toString()
      : `${this.numerator.toString()}/${this.denominator.toString()}`;
  }

  /** Decimal text when there is a finite one, else the fraction: what `parse` reads back. */
  toExactText(): string {
    return this.toDecimalText() ?? this.toFractionText();
  }

  /**
   * The number rounded to `places` decimal places, half away from zero: the nearest such
   * number, and of two equally near the one farther from zero (2.345 → 2.35, -2.345 → -2.35,
   * 1900/21 → 90.5 to one place). The exact value is rounded once, never in steps.
   */
  round(places: number): Rational {
    if (this.denominator === 1n) return this;
    const scale = 10n ** BigInt(places);
    return Rational.of(this.roundedScaled(scale), scale);
  }

  /**
   * The number rounded half away from zero to `places` decimal places (2/3 → `0.6667`,
   * -0.00005 → `-0.0001`), trailing zeros dropped. For display only: never compare it.
   */
  toDisplayText(places: number): string {
    if (this.denominator === 1n) return this.numerator.toString();
    return writeScaled(this.roundedScaled(10n ** BigInt(places)), places);
  }

  /** round(this × scale), half away from zero: floor(|x| × scale + 1/2) with the sign of x. */
  private roundedScaled(scale: bigint): bigint {
    const magnitude = this.numerator < 0n ? -this.numerator : this.numerator;
    const twice = (2n * magnitude * scale) / this.denominator;
    const rounded = (twice + 1n) / 2n;
    return this.numerator < 0n ? -rounded : rounded;
  }

  /** Debugging aid; results carry `toExactText`. */
  toString(): string {
    return this.toExactText();
  }
}

/** The smaller of two numbers (the first when they are equal). */
export function minRational(left: Rational, right: Rational): Rational {
  return right.compare(left) < 0 ? right : left;
}

/** The larger of two numbers (the first when they are equal). */
export function maxRational(left: Rational, right: Rational): Rational {
  return right.compare(left) > 0 ? right : left;
}

/** The sum of a list; zero for an empty one. */
export function sumRationals(values: readonly Rational[]): Rational {
  let total = Rational.ZERO;
  for (const value of values) total = total.add(value);
  return total;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** Writes `scaled / 10^places` as the shortest decimal text, `0` rather than `-0`. */
function writeScaled(scaled: bigint, places: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}
