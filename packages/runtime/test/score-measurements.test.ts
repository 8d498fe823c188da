/**
 * Scoring each kind of measurement on a small rule set: a ratio on a percent indicator, a
 * duration ratio, a count, a rate per month measured quarterly and a survey mean. Every
 * expected number is worked out by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import { score } from '@kpilang/runtime';
import {
  COUNT,
  HOURS,
  PERCENT,
  above,
  atMost,
  band,
  csv,
  exactly,
  formulaIndicator,
  from,
  fromUnder,
  indicatorOf,
  measure,
  num,
  op,
  personOf,
  position,
  rules,
  surveyIndicator,
  under,
} from './fixture.js';

const taskCompletion = formulaIndicator(
  'task_completion',
  op(measure('tasks_on_time'), '/', measure('tasks_total')),
);
const responseTime = formulaIndicator(
  'response_time',
  op(measure('response_hours'), '/', measure('requests_answered')),
  {
    unit: HOURS,
    direction: 'lower',
    bands: [
      band('excellent', under('8')),
      band('good', fromUnder('8', '24')),
      band('acceptable', fromUnder('24', '48')),
      band('poor', from('48')),
    ],
  },
);
const violations = formulaIndicator('violations', measure('major_violations'), {
  unit: COUNT,
  direction: 'lower',
  bands: [
    band('excellent', exactly('0')),
    band('acceptable', exactly('1')),
    band('poor', from('2')),
  ],
});
const partners = surveyIndicator('partner_satisfaction', 'partner_rating', '3');
const complaints = formulaIndicator('complaint_rate', measure('complaints'), {
  unit: { ...COUNT, integer: false, per: 'month' },
  direction: 'lower',
  bands: [
    band('excellent', atMost('1')),
    band('acceptable', { low: '1', lowInclusive: false, high: '3', highInclusive: true }),
    band('poor', above('3')),
  ],
});
const indicators = [taskCompletion, responseTime, violations, partners, complaints];
const officer = position('officer', indicators, {
  task_completion: '30',
  response_time: '20',
  violations: '20',
  partner_satisfaction: '20',
  complaint_rate: '10',
});
const ruleSet = rules({ indicators, positions: [officer] });

describe('score: one person, every kind of measurement', () => {
  const result = score(
    ruleSet,
    csv(`
      p1,Personnel,officer,,2024-Q1,tasks_on_time,19
      p1,Personnel,officer,,2024-Q1,tasks_total,20
      p1,Personnel,officer,,2024-Q1,response_hours,50
      p1,Personnel,officer,,2024-Q1,requests_answered,4
      p1,Personnel,officer,,2024-Q1,major_violations,1
      p1,Personnel,officer,,2024-Q1,partner_rating,5
      p1,Personnel,officer,,2024-Q1,partner_rating,4
      p1,Personnel,officer,,2024-Q1,partner_rating,4
      p1,Personnel,officer,,2024-Q1,complaints,4
    `),
    { period: '2024-Q1' },
  );

  test('a ratio on a percent indicator is a share: 19 of 20 is 95, excellent from 95', () => {
    const task = indicatorOf(result, 'p1', 'task_completion');
    // 19 / 20 = 0.95, × 100 = 95; excellent is `from 95`, so 95 itself is excellent.
    expect(task.value).toEqual({ exact: '95', display: '95' });
    expect(task.band?.level).toBe('excellent');
    expect(task.points?.exact).toBe('100');
    // 100 points × 30% = 30.
    expect(task.contribution?.exact).toBe('30');
    expect(task.periods[0]?.computation).toBe('19 / 20 × 100 = 95');
    expect(
      task.periods[0]?.inputs.map((input) => [input.measure, input.value?.exact, input.rows]),
    ).toEqual([
      ['tasks_on_time', '19', [1]],
      ['tasks_total', '20', [2]],
    ]);
  });

  test('a duration ratio is not scaled: 50 hours over 4 requests is 12.5 hours, good', () => {
    const response = indicatorOf(result, 'p1', 'response_time');
    // 50 / 4 = 12.5 h, in `from 8 to under 24` (better lower): good, 80 points × 20% = 16.
    expect(response.value?.exact).toBe('12.5');
    expect(response.band?.level).toBe('good');
    expect(response.contribution?.exact).toBe('16');
  });

  test('a count is its measure: 1 major violation is acceptable', () => {
    const count = indicatorOf(result, 'p1', 'violations');
    // `= 1` is acceptable: 60 points × 20% = 12.
    expect(count.value?.exact).toBe('1');
    expect(count.band?.level).toBe('acceptable');
    expect(count.contribution?.exact).toBe('12');
  });

  test('a survey is the mean of its answers, kept exact: (5 + 4 + 4) / 3 = 13/3', () => {
    const survey = indicatorOf(result, 'p1', 'partner_satisfaction');
    // 13 / 3 = 4.333..., in `from 4 to under 4.5`: good, 80 points × 20% = 16.
    expect(survey.value).toEqual({ exact: '13/3', display: '4.3333' });
    expect(survey.band?.level).toBe('good');
    expect(survey.contribution?.exact).toBe('16');
    expect(survey.periods[0]?.survey).toMatchObject({
      responses: 3,
      minimum: { exact: '3' },
      rows: [6, 7, 8],
    });
  });

  test(
    'a rate per month measured every quarter is the quarter shared out: 4 complaints is ' +
      '4/3 a month',
    () => {
      const rate = indicatorOf(result, 'p1', 'complaint_rate');
      // 4 / 3 months = 1.333... per month, in `> 1 and <= 3`: acceptable, 60 points × 10% = 6.
      expect(rate.value).toEqual({ exact: '4/3', display: '1.3333' });
      expect(rate.band?.level).toBe('acceptable');
      expect(rate.contribution?.exact).toBe('6');
      expect(rate.periods[0]?.computation).toBe('4 ÷ 3 months = 4/3 (≈ 1.3333)');
    },
  );

  test('the total is the sum of the contributions and falls on its rating line', () => {
    const person = personOf(result, 'p1');
    // 30 + 16 + 12 + 16 + 6 = 80, in `from 70 to under 90`: well.
    expect(person.total?.exact).toBe('80');
    expect(person.rating?.id).toBe('well');
    expect(person.status).toBe('complete');
    expect(person.weightCounted.exact).toBe('100');
    expect(person.rows).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(person.explanation).toBe('Total 80: well (from 70 to under 90).');
    expect(result.rejected).toEqual([]);
    expect(result.counts).toEqual({ rows: 9, used: 9, rejected: 0 });
  });

  test('each indicator says how its result was reached', () => {
    expect(indicatorOf(result, 'p1', 'task_completion').explanation).toBe(
      '19 / 20 × 100 = 95 in 2024-Q1 (rows 1, 2); band from 95: excellent, 100 points × ' +
        'weight 30% = 30.',
    );
  });
});

describe('score: formulas', () => {
  test(
    'only a division at the top of the tree is read as a share: (a / b) * 100 stays as ' +
      'written',
    () => {
      const scaled = formulaIndicator(
        'scaled',
        op(op(measure('a'), '/', measure('b')), '*', num('100')),
      );
      const set = rules({
        indicators: [scaled],
        positions: [position('p', [scaled], { scaled: '100' })],
      });
      const result = score(set, csv('x,u,p,,2024-Q1,a,19\nx,u,p,,2024-Q1,b,20'), {
        period: '2024-Q1',
      });
      // (19 / 20) * 100 = 95, not 9500.
      expect(indicatorOf(result, 'x', 'scaled').value?.exact).toBe('95');
    },
  );

  test('a percent formula that is not a ratio is taken as it stands', () => {
    const difference = formulaIndicator('difference', op(num('100'), '-', measure('errors')));
    const set = rules({
      indicators: [difference],
      positions: [position('p', [difference], { difference: '100' })],
    });
    const result = score(set, csv('x,u,p,,2024-Q1,errors,3'), { period: '2024-Q1' });
    // 100 - 3 = 97: excellent.
    expect(indicatorOf(result, 'x', 'difference').value?.exact).toBe('97');
    expect(indicatorOf(result, 'x', 'difference').band?.level).toBe('excellent');
  });

  test(
    'the rows of a measure within the measured period add up: three months of a quarterly ' +
      'ratio',
    () => {
      const set = rules({
        indicators: [taskCompletion],
        positions: [position('p', [taskCompletion], { task_completion: '100' })],
      });
      const result = score(
        set,
        csv(`
        x,u,p,,2024-01,tasks_on_time,5
        x,u,p,,2024-02,tasks_on_time,7
        x,u,p,,2024-03,tasks_on_time,6
        x,u,p,,2024-Q1,tasks_total,20
      `),
        { period: '2024-Q1' },
      );
      // (5 + 7 + 6) / 20 = 18 / 20 = 90%: good.
      const task = indicatorOf(result, 'x', 'task_completion');
      expect(task.value?.exact).toBe('90');
      expect(task.periods[0]?.inputs[0]).toMatchObject({ value: { exact: '18' }, rows: [1, 2, 3] });
    },
  );

  test('a share that no display rounding may lift: 2 of 3 is 200/3%, poor, not 66.67', () => {
    const set = rules({
      indicators: [taskCompletion],
      positions: [position('p', [taskCompletion], { task_completion: '100' })],
    });
    const result = score(set, csv('x,u,p,,2024-Q1,tasks_on_time,2\nx,u,p,,2024-Q1,tasks_total,3'), {
      period: '2024-Q1',
    });
    const task = indicatorOf(result, 'x', 'task_completion');
    expect(task.value).toEqual({ exact: '200/3', display: '66.6667' });
    // 20 points × 100% = 20.
    expect(personOf(result, 'x').total?.exact).toBe('20');
  });
});
