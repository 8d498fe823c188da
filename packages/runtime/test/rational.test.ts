/**
 * The exact arithmetic under every score: reading decimal text strictly, computing without
 * rounding, and writing exact and display texts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Rational } from '@kpilang/runtime';

const read = (text: string): Rational => {
  const value = Rational.parseDecimal(text);
  if (value === undefined) throw new Error(`Not a decimal: ${text}`);
  return value;
};

describe('Rational.parseDecimal', () => {
  test.each([
    ['95', '95'],
    ['-2.5', '-2.5'],
    ['+0.75', '0.75'],
    ['.5', '0.5'],
    ['5.', '5'],
    ['007.500', '7.5'],
    ['-0', '0'],
    ['0.000001', '0.000001'],
  ])('reads %j as %s', (text, exact) => {
    expect(read(text).toExactText()).toBe(exact);
  });

  test.each([
    '',
    ' ',
    '.',
    '-',
    '1e3',
    '1E3',
    '1,5',
    '95%',
    ' 95',
    '1.2.3',
    '0x10',
    'Infinity',
    'NaN',
    '١٢',
  ])('refuses %j', (text) => {
    expect(Rational.parseDecimal(text)).toBeUndefined();
  });
});

describe('Rational arithmetic', () => {
  test('0.1 + 0.2 is exactly 0.3, and 33.3 + 33.3 + 33.4 exactly 100', () => {
    expect(read('0.1').add(read('0.2')).equals(read('0.3'))).toBe(true);
    expect(read('33.3').add(read('33.3')).add(read('33.4')).toExactText()).toBe('100');
  });

  test('a third stays a third: 1/3 × 3 is 1', () => {
    const third = Rational.ONE.divide(Rational.integer(3));
    expect(third.toExactText()).toBe('1/3');
    expect(third.multiply(Rational.integer(3)).equals(Rational.ONE)).toBe(true);
  });

  test('fractions are kept in lowest terms with a positive denominator', () => {
    expect(Rational.of(6n, -4n).toFractionText()).toBe('-3/2');
    expect(Rational.of(0n, -7n).toFractionText()).toBe('0');
  });

  test('compare orders exactly, even a hair apart', () => {
    expect(read('79.999').compare(read('80'))).toBe(-1);
    expect(read('80').compare(read('80.000'))).toBe(0);
    expect(Rational.of(2n, 3n).compare(read('0.6666666666666666666'))).toBe(1);
  });

  test('a zero denominator is a programming error, never infinity', () => {
    expect(() => Rational.ONE.divide(Rational.ZERO)).toThrow(RangeError);
  });
});

describe('Rational text', () => {
  test.each([
    ['2/3', '2/3', '0.6667'],
    ['-2/3', '-2/3', '-0.6667'],
    ['1/8', '0.125', '0.125'],
    ['1/3', '1/3', '0.3333'],
    ['-1/200000', '-0.000005', '0'],
    ['1/20000', '0.00005', '0.0001'],
    ['-1/20000', '-0.00005', '-0.0001'],
    ['200/3', '200/3', '66.6667'],
    ['19999999/200000', '99.999995', '100'],
  ])('%s is written %s exactly and %s for display', (fraction, exact, display) => {
    const value = Rational.parse(fraction);
    expect(value?.toExactText()).toBe(exact);
    expect(value?.toDisplayText(4)).toBe(display);
  });

  test('parse reads back what toExactText writes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (n, d) => {
          const value = Rational.of(n, d);
          expect(Rational.parse(value.toExactText())?.equals(value)).toBe(true);
        },
      ),
    );
  });

  test('display text is within half a unit of the fourth place', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (n, d) => {
          const value = Rational.of(n, d);
          const shown = read(value.toDisplayText(4));
          const error = shown.subtract(value);
          const bound = Rational.of(1n, 20000n);
          expect(error.compare(bound)).toBeLessThanOrEqual(0);
          expect(error.negate().compare(bound)).toBeLessThanOrEqual(0);
        },
      ),
    );
  });
});
