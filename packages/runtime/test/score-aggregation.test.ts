/**
 * Indicators measured more often than the cycle (each aggregation) and less often (carry and
 * missing between measurements). Expectations worked out by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import type { Aggregation, Indicator } from '@kpilang/rule-set';
import { score } from '@kpilang/runtime';
import {
  COUNT,
  HOURS,
  band,
  csv,
  formulaIndicator,
  from,
  fromUnder,
  indicatorOf,
  measure,
  op,
  personOf,
  position,
  rules,
  under,
} from './fixture.js';

/** A one-indicator position, so the total is the indicator's points. */
function alone(indicator: Indicator, cycle: 'quarter' | 'month' = 'quarter') {
  return rules({
    indicators: [indicator],
    positions: [position('p', [indicator], { [indicator.id]: '100' })],
    cycle,
  });
}

/** A monthly percent indicator read straight from measure `m`, aggregated as told. */
function monthly(aggregation: Aggregation): Indicator {
  return formulaIndicator(`by_${aggregation}`, measure('m'), { frequency: 'month', aggregation });
}

const months = (a: string, b: string, c: string) =>
  csv(`
    x,u,p,,2024-01,m,${a}
    x,u,p,,2024-02,m,${b}
    x,u,p,,2024-03,m,${c}
  `);

describe('score: periods finer than the cycle', () => {
  test('mean: the mean of the monthly ratios, not the ratio of the quarter', () => {
    const accuracy = formulaIndicator('accuracy', op(measure('right'), '/', measure('done')), {
      frequency: 'month',
      aggregation: 'mean',
    });
    const result = score(
      alone(accuracy),
      csv(`
        x,u,p,,2024-01,right,9
        x,u,p,,2024-01,done,10
        x,u,p,,2024-02,right,96
        x,u,p,,2024-02,done,100
        x,u,p,,2024-03,right,49
        x,u,p,,2024-03,done,50
      `),
      { period: '2024-Q1' },
    );
    // 90, 96 and 98; (90 + 96 + 98) / 3 = 284/3 = 94.67: good (the quarter's 154 / 160 would be 96.25).
    const value = indicatorOf(result, 'x', 'accuracy');
    expect(value.periods.map((period) => [period.period, period.value?.exact])).toEqual([
      ['2024-01', '90'],
      ['2024-02', '96'],
      ['2024-03', '98'],
    ]);
    expect(value.aggregation).toBe('mean');
    expect(value.value).toEqual({ exact: '284/3', display: '94.6667' });
    expect(value.band?.level).toBe('good');
  });

  test('sum: the months add up to the quarter', () => {
    const trainings = formulaIndicator('trainings', measure('m'), {
      unit: COUNT,
      frequency: 'month',
      aggregation: 'sum',
      bands: [
        band('excellent', from('6')),
        band('good', fromUnder('3', '6')),
        band('poor', under('3')),
      ],
    });
    // 1 + 2 + 0 = 3: good.
    const result = score(alone(trainings), months('1', '2', '0'), { period: '2024-Q1' });
    expect(indicatorOf(result, 'x', 'trainings').value?.exact).toBe('3');
    expect(indicatorOf(result, 'x', 'trainings').band?.level).toBe('good');
  });

  test.each([
    // min(96, 85, 99) = 85: good. max = 99: excellent. last = 99 (March): excellent.
    ['min', ['96', '85', '99'], '85', 'good'],
    ['max', ['96', '85', '99'], '99', 'excellent'],
    ['last', ['70', '75', '96'], '96', 'excellent'],
    ['mean', ['70', '75', '96'], '241/3', 'good'],
  ] as const)('%s of %j is %s, %s', (aggregation, values, exact, level) => {
    const [a, b, c] = values;
    const result = score(alone(monthly(aggregation)), months(a, b, c), { period: '2024-Q1' });
    const value = indicatorOf(result, 'x', `by_${aggregation}`);
    expect(value.value?.exact).toBe(exact);
    expect(value.band?.level).toBe(level);
  });

  test('every: each month is rated on its own and the worst month decides', () => {
    const updates = formulaIndicator('updates', measure('m'), {
      unit: COUNT,
      frequency: 'month',
      aggregation: 'every',
      bands: [band('met', from('1')), band('not_met', under('1'))],
    });
    // January 2 and March 1 are met; February 0 is not: not_met, 0 points.
    const result = score(alone(updates), months('2', '0', '1'), { period: '2024-Q1' });
    const value = indicatorOf(result, 'x', 'updates');
    expect(value.periods.map((period) => period.band?.level)).toEqual(['met', 'not_met', 'met']);
    expect(value.value?.exact).toBe('0');
    expect(value.band?.level).toBe('not_met');
    expect(personOf(result, 'x').total?.exact).toBe('0');
    expect(value.explanation).toContain('the worst is 2024-02');
  });

  test('every: when every month meets the band, the indicator does', () => {
    const updates = formulaIndicator('updates', measure('m'), {
      unit: COUNT,
      frequency: 'month',
      aggregation: 'every',
      bands: [band('met', from('1')), band('not_met', under('1'))],
    });
    const result = score(alone(updates), months('2', '1', '1'), { period: '2024-Q1' });
    expect(indicatorOf(result, 'x', 'updates').band?.level).toBe('met');
    expect(personOf(result, 'x').total?.exact).toBe('100');
  });

  test('weeks of a monthly cycle are the weeks whose Thursday lies in the month', () => {
    const response = formulaIndicator('response', op(measure('hours'), '/', measure('answered')), {
      unit: HOURS,
      direction: 'lower',
      frequency: 'week',
      aggregation: 'mean',
      bands: [
        band('excellent', under('8')),
        band('good', fromUnder('8', '24')),
        band('poor', from('24')),
      ],
    });
    const weeks = ['05', '06', '07', '08', '09'];
    const hours = ['10', '20', '30', '40', '50'];
    const lines = weeks.flatMap((week, index) => [
      `x,u,p,,2024-W${week},hours,${hours[index]}`,
      `x,u,p,,2024-W${week},answered,5`,
    ]);
    const result = score(
      alone(response, 'month'),
      csv([...lines, 'x,u,p,,2024-W10,hours,1'].join('\n')),
      {
        period: '2024-02',
      },
    );
    // 2, 4, 6, 8 and 10 hours: mean 30 / 5 = 6: excellent. Week 10 (Thursday 7 March) is not February's.
    const value = indicatorOf(result, 'x', 'response');
    expect(value.periods.map((period) => period.period)).toEqual(
      weeks.map((week) => `2024-W${week}`),
    );
    expect(value.value?.exact).toBe('6');
    expect(value.band?.level).toBe('excellent');
    expect(result.rejected).toMatchObject([{ row: 11, code: 'outside-period', column: 'period' }]);
  });
});

describe('score: periods coarser than the cycle', () => {
  const approval = (between: 'carry' | 'missing'): Indicator =>
    formulaIndicator('approval', op(measure('approved'), '/', measure('proposed')), {
      frequency: 'year',
      between,
    });
  const year = (text: string) => csv(`x,u,p,,${text},approved,17\nx,u,p,,${text},proposed,20`);

  test('an annual indicator is rated in the last quarter of its year', () => {
    // 17 / 20 = 85%: good.
    const result = score(alone(approval('missing')), year('2024'), { period: '2024-Q4' });
    const value = indicatorOf(result, 'x', 'approval');
    expect(value.value?.exact).toBe('85');
    expect(value.periods).toMatchObject([{ period: '2024', carried: false }]);
    expect(personOf(result, 'x').status).toBe('complete');
  });

  test(
    'with "missing", the quarters before it have no value, and its rows there are ' + 'rejected',
    () => {
      const result = score(alone(approval('missing')), year('2024'), { period: '2024-Q2' });
      const value = indicatorOf(result, 'x', 'approval');
      expect(value.status).toBe('excluded');
      expect(value.notRated?.reason).toBe('between-measurements');
      expect(value.notRated?.message).toContain('rated in 2024-Q4');
      expect(result.rejected.map((rejection) => [rejection.row, rejection.code])).toEqual([
        [1, 'outside-period'],
        [2, 'outside-period'],
      ]);
      expect(personOf(result, 'x').status).toBe('unrated');
    },
  );

  test('with "carry", the quarters before it rate the year before again', () => {
    const result = score(alone(approval('carry')), year('2023'), { period: '2024-Q2' });
    const value = indicatorOf(result, 'x', 'approval');
    expect(value.value?.exact).toBe('85');
    expect(value.periods).toMatchObject([{ period: '2023', carried: true }]);
    expect(value.explanation).toContain('in 2023 (carried)');
  });

  test('with "carry", the year being measured is not used before its last quarter', () => {
    const result = score(alone(approval('carry')), year('2024'), { period: '2024-Q2' });
    expect(indicatorOf(result, 'x', 'approval').notRated?.reason).toBe('no-data');
    expect(result.rejected[0]).toMatchObject({ code: 'outside-period', column: 'period' });
    expect(result.rejected[0]?.reason).toBe(
      'The period 2024 is outside the scored period 2024-Q2 or the 2023 it carries.',
    );
  });

  test('a half-year indicator is rated in the second quarter of its half', () => {
    const half = formulaIndicator('half', measure('m'), {
      frequency: 'half-year',
      between: 'missing',
    });
    const result = score(alone(half), csv('x,u,p,,2024-H1,m,90'), { period: '2024-Q2' });
    expect(indicatorOf(result, 'x', 'half').value?.exact).toBe('90');
  });
});
