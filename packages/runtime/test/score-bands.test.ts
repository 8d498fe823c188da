/**
 * Band edges and rating lines: a value on a boundary falls in the band whose end includes it,
 * in both directions, and no floating-point error moves a value across an edge (failure mode
 * B15: inclusive and exclusive edges must agree everywhere).
 */
import { describe, expect, test } from 'vitest';
import type { Band, Indicator } from '@kpilang/rule-set';
import { score } from '@kpilang/runtime';
import {
  HOURS,
  SHARE_BANDS,
  above,
  band,
  closed,
  csv,
  formulaIndicator,
  from,
  fromUnder,
  indicatorOf,
  measure,
  personOf,
  position,
  rules,
  under,
} from './fixture.js';

function levelFor(indicator: Indicator, value: string): string | undefined {
  const set = rules({
    indicators: [indicator],
    positions: [position('p', [indicator], { [indicator.id]: '100' })],
  });
  const result = score(set, csv(`x,u,p,,2024-Q1,m,${value}`), { period: '2024-Q1' });
  return indicatorOf(result, 'x', indicator.id).band?.level;
}

describe('band edges, better higher', () => {
  // B15: excellent >= 95, good from 80 to under 95, poor < 80.
  const share = formulaIndicator('share', measure('m'), { bands: SHARE_BANDS });
  test.each([
    ['95.0', 'excellent'],
    ['95', 'excellent'],
    ['94.9999999', 'good'],
    ['80.0', 'good'],
    ['79.999', 'poor'],
    ['0', 'poor'],
    ['100', 'excellent'],
  ])('%s is %s', (value, level) => {
    expect(levelFor(share, value)).toBe(level);
  });

  // excellent > 85, acceptable 70 .. 85 (both ends in), poor under 70.
  const closedMiddle = formulaIndicator('closed_middle', measure('m'), {
    bands: [
      band('excellent', above('85')),
      band('acceptable', closed('70', '85')),
      band('poor', under('70')),
    ],
  });
  test.each([
    ['85', 'acceptable'],
    ['85.0001', 'excellent'],
    ['70', 'acceptable'],
    ['69.9999', 'poor'],
  ])('%s is %s when the middle band is closed', (value, level) => {
    expect(levelFor(closedMiddle, value)).toBe(level);
  });
});

describe('band edges, better lower', () => {
  // Hours: excellent under 8, good from 8 to under 24, acceptable 24 .. 48, poor > 48.
  const bands: Band[] = [
    band('excellent', under('8')),
    band('good', fromUnder('8', '24')),
    band('acceptable', closed('24', '48')),
    band('poor', above('48')),
  ];
  const hours = formulaIndicator('hours', measure('m'), { unit: HOURS, direction: 'lower', bands });
  test.each([
    ['7.999', 'excellent'],
    ['8', 'good'],
    ['23.99', 'good'],
    ['24', 'acceptable'],
    ['48', 'acceptable'],
    ['48.001', 'poor'],
  ])('%s hours is %s', (value, level) => {
    expect(levelFor(hours, value)).toBe(level);
  });
});

describe('no floating-point error crosses an edge', () => {
  test(
    '0.7 + 0.1 is exactly 0.8, in the band from 0.8 (in binary floating point it is ' +
      '0.7999...)',
    () => {
      const indicator = formulaIndicator('small', measure('m'), {
        unit: { name: 'number', integer: false },
        bands: [band('excellent', from('0.8')), band('poor', under('0.8'))],
      });
      const set = rules({
        indicators: [indicator],
        positions: [position('p', [indicator], { small: '100' })],
      });
      const result = score(set, csv('x,u,p,,2024-01,m,0.7\nx,u,p,,2024-02,m,0.1'), {
        period: '2024-Q1',
      });
      expect(indicatorOf(result, 'x', 'small').value?.exact).toBe('0.8');
      expect(indicatorOf(result, 'x', 'small').band?.level).toBe('excellent');
    },
  );

  test('a total exactly on a rating line takes that line: 90 is outstanding', () => {
    const a = formulaIndicator('a', measure('a'));
    const b = formulaIndicator('b', measure('b'));
    const c = formulaIndicator('c', measure('c'));
    const set = rules({
      indicators: [a, b, c],
      positions: [position('p', [a, b, c], { a: '30', b: '30', c: '40' })],
    });
    const result = score(set, csv('x,u,p,,2024-Q1,a,99\nx,u,p,,2024-Q1,b,90'), {
      period: '2024-Q1',
    });
    // c has no data and is excluded; a and b count 50% each: 100 × 50% + 80 × 50% = 90.
    const person = personOf(result, 'x');
    expect(person.total?.exact).toBe('90');
    expect(person.rating?.id).toBe('outstanding');
    expect(person.status).toBe('incomplete');
  });

  test(
    'weights of a third keep the total exact: 33.3 + 33.3 + 33.4 with 100, 80 and 20 ' + 'points',
    () => {
      const a = formulaIndicator('a', measure('a'));
      const b = formulaIndicator('b', measure('b'));
      const c = formulaIndicator('c', measure('c'));
      const set = rules({
        indicators: [a, b, c],
        positions: [position('p', [a, b, c], { a: '33.3', b: '33.3', c: '33.4' })],
      });
      const result = score(
        set,
        csv('x,u,p,,2024-Q1,a,99\nx,u,p,,2024-Q1,b,90\nx,u,p,,2024-Q1,c,10'),
        {
          period: '2024-Q1',
        },
      );
      // 100 × 0.333 + 80 × 0.333 + 20 × 0.334 = 33.3 + 26.64 + 6.68 = 66.62: done.
      expect(personOf(result, 'x').total?.exact).toBe('66.62');
      expect(personOf(result, 'x').rating?.id).toBe('done');
    },
  );
});
