import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  add,
  ceil,
  compare,
  floor,
  isInteger,
  mul,
  parseDecimal,
  shift,
  sub,
  toText,
  type Decimal,
} from '../../src/util/decimal.js';

const d = (text: string): Decimal => {
  const value = parseDecimal(text);
  if (!value) throw new Error(`bad decimal in test: ${text}`);
  return value;
};

describe('decimal', () => {
  test('adds the weights 33.3 + 33.3 + 33.4 to exactly 100', () => {
    expect(toText(add(add(d('33.3'), d('33.3')), d('33.4')))).toBe('100');
  });

  test('adds 0.1 + 0.2 to exactly 0.3, unlike floating point', () => {
    expect(toText(add(d('0.1'), d('0.2')))).toBe('0.3');
    expect(0.1 + 0.2).not.toBe(0.3);
  });

  test('compares values written with different numbers of decimals', () => {
    expect(compare(d('4.0'), d('4'))).toBe(0);
    expect(compare(d('3.99'), d('4'))).toBe(-1);
    expect(compare(d('-1'), d('-1.5'))).toBe(1);
  });

  test('writes exact decimal text without exponents or trailing zeros', () => {
    expect(toText(d('95.50'))).toBe('95.5');
    expect(toText(d('0.000001'))).toBe('0.000001');
    expect(toText(d('-0.5'))).toBe('-0.5');
    expect(toText(mul(d('1000000'), d('1000000')))).toBe('1000000000000');
    expect(toText(shift(d('0.95'), 2))).toBe('95');
    expect(toText(shift(d('95'), -2))).toBe('0.95');
  });

  test('rejects text that is not a plain decimal', () => {
    for (const text of ['', '1e3', '95%', '.5', '1.', 'abc', '1,5'])
      expect(parseDecimal(text)).toBeUndefined();
  });

  test('rounds to integers towards minus and plus infinity', () => {
    expect(toText(floor(d('2.5')))).toBe('2');
    expect(toText(floor(d('-2.5')))).toBe('-3');
    expect(toText(ceil(d('2.1')))).toBe('3');
    expect(toText(ceil(d('-2.1')))).toBe('-2');
    expect(toText(ceil(d('2.0')))).toBe('2');
    expect(isInteger(d('2.00'))).toBe(true);
    expect(isInteger(d('2.01'))).toBe(false);
  });

  test('round-trips any decimal text it writes', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.nat(20),
        (units, scale) => {
          const value: Decimal = { units, scale };
          const again = d(toText(value));
          expect(compare(again, value)).toBe(0);
        },
      ),
    );
  });

  test('subtraction undoes addition exactly', () => {
    fc.assert(
      fc.property(fc.bigInt(), fc.nat(12), fc.bigInt(), fc.nat(12), (au, as, bu, bs) => {
        const a: Decimal = { units: au, scale: as };
        const b: Decimal = { units: bu, scale: bs };
        expect(compare(sub(add(a, b), b), a)).toBe(0);
      }),
    );
  });
});
