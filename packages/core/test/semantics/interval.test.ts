/**
 * The interval analysis on its own: gaps and overlaps on continuous and whole-number
 * domains, cuts, and a property: every value of the domain is either in a band or in
 * exactly one reported gap, never both and never neither.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describeInterval, decimalWritten } from '../../src/semantics/describe.js';
import {
  contains,
  cutsOf,
  intersect,
  normalize,
  sameCut,
  uncovered,
} from '../../src/semantics/interval.js';
import type { Domain, Interval } from '../../src/semantics/model.js';
import { decimalFromInt, parseDecimal, type Decimal } from '../../src/util/decimal.js';

const d = (text: string): Decimal => parseDecimal(text) as Decimal;
const PERCENT: Domain = { low: d('0'), high: d('100'), integer: false };
const COUNT: Domain = { low: d('0'), integer: true };
const HOURS: Domain = { low: d('0'), integer: false };

const atMost = (value: string): Interval => ({
  lowInclusive: false,
  high: d(value),
  highInclusive: true,
});
const above = (value: string): Interval => ({
  low: d(value),
  lowInclusive: false,
  highInclusive: false,
});
const between = (low: string, high: string): Interval => ({
  low: d(low),
  lowInclusive: true,
  high: d(high),
  highInclusive: true,
});

const text = (intervals: Interval[]) =>
  intervals.map((interval) => describeInterval(interval, decimalWritten));

describe('uncovered', () => {
  test('<= 1 and > 2 leave exactly 2 on a count, and (1, 2] on hours', () => {
    expect(text(uncovered(COUNT, [atMost('1'), above('2')]))).toEqual(['exactly 2']);
    expect(text(uncovered(HOURS, [atMost('1'), above('2')]))).toEqual(['more than 1 and up to 2']);
  });

  test('> 95 and < 80 leave 80 to 95 of a percentage', () => {
    const below80: Interval = { lowInclusive: false, high: d('80'), highInclusive: false };
    expect(text(uncovered(PERCENT, [above('95'), below80]))).toEqual(['80 to 95']);
  });

  test('nothing is left when the bands cover the domain, in any order', () => {
    const below80: Interval = { lowInclusive: false, high: d('80'), highInclusive: false };
    expect(uncovered(PERCENT, [between('80', '95'), above('95'), below80])).toEqual([]);
  });

  test('an unbounded domain with no bands is one gap: every value', () => {
    expect(text(uncovered({ integer: false }, []))).toEqual(['every value']);
  });
});

describe('normalize and intersect', () => {
  test('on whole numbers, > 1.5 is 2 and above, and < 2 is 1 and below', () => {
    expect(normalize(above('1.5'), COUNT)).toEqual({
      low: decimalFromInt(2),
      lowInclusive: true,
      high: undefined,
      highInclusive: false,
    });
    expect(
      text([normalize({ lowInclusive: false, high: d('2'), highInclusive: false }, COUNT)!]),
    ).toEqual(['0 to 1']);
  });

  test('an interval outside the domain is empty', () => {
    expect(normalize(above('100'), PERCENT)).toBeUndefined();
    expect(normalize(between('2.2', '2.8'), COUNT)).toBeUndefined();
  });

  test('>= 95 and 80 .. 95 share exactly 95', () => {
    const shared = intersect(
      { low: d('95'), lowInclusive: true, highInclusive: false },
      between('80', '95'),
      PERCENT,
    );
    expect(text([shared!])).toEqual(['exactly 95']);
  });
});

describe('cuts', () => {
  test('> 1 and >= 2 are the same cut on whole numbers but not on hours', () => {
    const atLeast2: Interval = { low: d('2'), lowInclusive: true, highInclusive: false };
    const [countA] = cutsOf(above('1'), COUNT);
    const [countB] = cutsOf(atLeast2, COUNT);
    const [hoursA] = cutsOf(above('1'), HOURS);
    const [hoursB] = cutsOf(atLeast2, HOURS);

    expect(sameCut(countA!, countB!)).toBe(true);
    expect(sameCut(hoursA!, hoursB!)).toBe(false);
  });

  test('a cut at the edge of the domain separates nothing and is left out', () => {
    expect(cutsOf({ low: d('0'), lowInclusive: true, highInclusive: false }, PERCENT)).toEqual([]);
    expect(cutsOf(atMost('100'), PERCENT)).toEqual([]);
  });
});

/** Bounds on a grid of halves from -1 to 11, so that gaps of every shape come up. */
const bound = fc.integer({ min: -2, max: 22 }).map((half) => d((half / 2).toString()));
const interval: fc.Arbitrary<Interval> = fc
  .record({
    low: fc.option(bound, { nil: undefined }),
    lowInclusive: fc.boolean(),
    high: fc.option(bound, { nil: undefined }),
    highInclusive: fc.boolean(),
  })
  .map((raw) => ({
    ...raw,
    lowInclusive: raw.low !== undefined && raw.lowInclusive,
    highInclusive: raw.high !== undefined && raw.highInclusive,
  }));
const domain: fc.Arbitrary<Domain> = fc.record({
  low: fc.constantFrom(d('0'), d('1'), undefined),
  high: fc.constantFrom(d('10'), d('5'), undefined),
  integer: fc.boolean(),
});

describe('the partition property', () => {
  test('each value of the domain is in a band or in exactly one gap, and never both', () => {
    fc.assert(
      fc.property(domain, fc.array(interval, { maxLength: 5 }), (dom, bands) => {
        const gaps = uncovered(dom, bands);
        for (let quarter = -8; quarter <= 48; quarter++) {
          const value = d((quarter / 4).toString());
          const inDomain =
            normalize({ low: value, lowInclusive: true, high: value, highInclusive: true }, dom) !==
            undefined;
          if (!inDomain) continue;
          const inBand = bands.some(
            (band) => normalize(band, dom) && contains(normalize(band, dom)!, value),
          );
          const inGaps = gaps.filter((gap) => contains(gap, value)).length;
          expect(inBand ? 0 : 1).toBe(inGaps);
        }
      }),
      { numRuns: 500 },
    );
  });
});
