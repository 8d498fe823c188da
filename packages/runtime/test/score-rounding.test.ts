/**
 * The framework's rounding (`framework.rounding`): rated values and totals rounded half away
 * from zero, once, from the exact value, before the band or the rating line is found; nothing
 * else rounded; nothing rounded without it.
 */
import { describe, expect, test } from 'vitest';
import type { Indicator } from '@kpilang/rule-set';
import { loadRuleSet, score } from '@kpilang/runtime';
import {
  band,
  csv,
  formulaIndicator,
  from,
  indicatorOf,
  measure,
  op,
  personOf,
  position,
  ruleSetValue,
  under,
} from './fixture.js';

function rounded(
  indicators: Indicator[],
  weights: Record<string, string>,
  rounding: { values?: string; total?: string } | undefined,
) {
  const value = ruleSetValue({ indicators, positions: [position('p', indicators, weights)] });
  if (rounding !== undefined) value.framework.rounding = { mode: 'half-up', ...rounding };
  return loadRuleSet(value);
}

const share = formulaIndicator('share', op(measure('done'), '/', measure('all')));
const quarter = (done: string, all: string) =>
  csv(`x,u,p,,2024-Q1,done,${done}\nx,u,p,,2024-Q1,all,${all}`);

describe('round values', () => {
  test('to 0 decimals, 94.5% is rated as 95%, excellent from 95', () => {
    const set = rounded([share], { share: '100' }, { values: '0' });
    // 189 / 200 = 94.5%, which rounds half up to 95.
    const value = indicatorOf(
      score(set, quarter('189', '200'), { period: '2024-Q1' }),
      'x',
      'share',
    );
    expect(value).toMatchObject({
      value: { exact: '95' },
      unroundedValue: { exact: '94.5' },
      band: { level: 'excellent' },
    });
    expect(value.explanation).toBe(
      '189 / 200 × 100 = 94.5 in 2024-Q1, rounded to 0 decimals: 95 (rows 1, 2); band from ' +
        '95: excellent, 100 points × weight 100% = 100.',
    );
  });

  test('to 1 decimal, 1900/21 (90.476...) is 90.5', () => {
    const set = rounded([share], { share: '100' }, { values: '1' });
    // 19 / 21 × 100 = 1900/21 = 90.476...: 90.5.
    const value = indicatorOf(score(set, quarter('19', '21'), { period: '2024-Q1' }), 'x', 'share');
    expect(value.value?.exact).toBe('90.5');
    expect(value.unroundedValue?.exact).toBe('1900/21');
  });

  test.each([
    ['2.345', '2.35'],
    ['2.344', '2.34'],
    ['-2.345', '-2.35'],
    ['2.3449', '2.34'],
  ])('to 2 decimals, %s is %s (half away from zero, once, never in steps)', (input, output) => {
    const plain = formulaIndicator('plain', measure('m'), {
      unit: { name: 'number', integer: false },
      bands: [band('good', { lowInclusive: false, highInclusive: false })],
    });
    const set = rounded([plain], { plain: '100' }, { values: '2' });
    const result = score(set, csv(`x,u,p,,2024-Q1,m,${input}`), { period: '2024-Q1' });
    expect(indicatorOf(result, 'x', 'plain').value?.exact).toBe(output);
  });

  test('with "every", each period is rounded before its band is found', () => {
    const monthly = formulaIndicator('monthly', measure('m'), {
      frequency: 'month',
      aggregation: 'every',
      bands: [band('excellent', from('95')), band('poor', under('95'))],
    });
    const set = rounded([monthly], { monthly: '100' }, { values: '0' });
    const result = score(
      set,
      csv('x,u,p,,2024-01,m,94.96\nx,u,p,,2024-02,m,99\nx,u,p,,2024-03,m,94.4'),
      {
        period: '2024-Q1',
      },
    );
    // 94.96 rounds to 95 (excellent), 94.4 to 94 (poor): March decides.
    const value = indicatorOf(result, 'x', 'monthly');
    expect(
      value.periods.map((period) => [
        period.value?.exact,
        period.roundedValue?.exact,
        period.band?.level,
      ]),
    ).toEqual([
      ['94.96', '95', 'excellent'],
      ['99', '99', 'excellent'],
      ['94.4', '94', 'poor'],
    ]);
    expect(value).toMatchObject({ value: { exact: '94' }, unroundedValue: { exact: '94.4' } });
  });

  test('without rounding, values stay exact and nothing says otherwise', () => {
    const set = rounded([share], { share: '100' }, undefined);
    const value = indicatorOf(
      score(set, quarter('189', '200'), { period: '2024-Q1' }),
      'x',
      'share',
    );
    expect(value).toMatchObject({
      value: { exact: '94.5' },
      unroundedValue: null,
      band: { level: 'good' },
    });
  });
});

describe('round total', () => {
  const a = formulaIndicator('a', measure('a'));
  const b = formulaIndicator('b', measure('b'));
  // a: 99, excellent, 100 × 47.5% = 47.5; b: 90, good, 80 × 52.5% = 42. Total 89.5.
  const data = csv('x,u,p,,2024-Q1,a,99\nx,u,p,,2024-Q1,b,90');

  test('to 0 decimals, a total of 89.5 is 90, outstanding', () => {
    const set = rounded([a, b], { a: '47.5', b: '52.5' }, { total: '0' });
    const person = personOf(score(set, data, { period: '2024-Q1' }), 'x');
    expect(person).toMatchObject({
      total: { exact: '90' },
      unroundedTotal: { exact: '89.5' },
      rating: { id: 'outstanding' },
    });
    expect(person.explanation).toBe(
      'Total 89.5, rounded to 0 decimals: 90: outstanding (from 90).',
    );
    // The contributions themselves are not rounded.
    expect(indicatorOf(score(set, data, { period: '2024-Q1' }), 'x', 'a').contribution?.exact).toBe(
      '47.5',
    );
  });

  test('without it, 89.5 stays 89.5, completed well', () => {
    const set = rounded([a, b], { a: '47.5', b: '52.5' }, { values: '0' });
    expect(personOf(score(set, data, { period: '2024-Q1' }), 'x')).toMatchObject({
      total: { exact: '89.5' },
      unroundedTotal: null,
      rating: { id: 'well' },
    });
  });
});
