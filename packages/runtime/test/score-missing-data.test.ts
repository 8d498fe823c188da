/**
 * Missing and insufficient data: every way an indicator can lack a value gets its reason,
 * and the missing-data rule decides the total (exclude, lowest, unrated). A blank is never
 * zero (failure mode B12); a zero denominator is no value, not 0 and not infinity (B19).
 */
import { describe, expect, test } from 'vitest';
import type { Indicator, MissingDataRule } from '@kpilang/rule-set';
import { score } from '@kpilang/runtime';
import {
  COUNT,
  band,
  csv,
  formulaIndicator,
  from,
  indicatorOf,
  measure,
  op,
  personOf,
  position,
  rules,
  surveyIndicator,
  under,
} from './fixture.js';

const ratio = (id: string, rule: MissingDataRule = 'exclude') =>
  formulaIndicator(id, op(measure(`${id}_done`), '/', measure(`${id}_all`)), { missingData: rule });

/** Position p: a (50%) and b (30%), both rated in the data below, and `c` (20%). */
function withThird(c: Indicator) {
  const a = ratio('a');
  const b = ratio('b');
  return rules({
    indicators: [a, b, c],
    positions: [position('p', [a, b, c], { a: '50', b: '30', c: '20' })],
  });
}

// a: 99 / 100 = 99%, excellent (100 points); b: 90 / 100 = 90%, good (80 points).
const RATED = `
  x,u,p,,2024-Q1,a_done,99
  x,u,p,,2024-Q1,a_all,100
  x,u,p,,2024-Q1,b_done,90
  x,u,p,,2024-Q1,b_all,100
`;

describe('the missing-data rules', () => {
  test('exclude: the indicator is left out and the other weights are scaled to 100', () => {
    const result = score(
      withThird(ratio('c', 'exclude')),
      csv(`${RATED}\nx,u,p,,2024-Q1,c_done,0\nx,u,p,,2024-Q1,c_all,0`),
      {
        period: '2024-Q1',
      },
    );
    // a and b weigh 80 together: a counts 50 × 100 / 80 = 62.5%, b 30 × 100 / 80 = 37.5%.
    // 100 × 62.5% + 80 × 37.5% = 62.5 + 30 = 92.5: outstanding.
    const person = personOf(result, 'x');
    expect(indicatorOf(result, 'x', 'c')).toMatchObject({
      status: 'excluded',
      value: null,
      band: null,
      points: null,
      effectiveWeight: null,
      contribution: null,
      notRated: { reason: 'zero-denominator' },
    });
    expect(indicatorOf(result, 'x', 'a').effectiveWeight?.exact).toBe('62.5');
    expect(indicatorOf(result, 'x', 'a').contribution?.exact).toBe('62.5');
    expect(indicatorOf(result, 'x', 'b').contribution?.exact).toBe('30');
    expect(person).toMatchObject({
      status: 'incomplete',
      total: { exact: '92.5' },
      weightCounted: { exact: '80' },
    });
    expect(person.rating?.id).toBe('outstanding');
    expect(person.notes).toEqual([
      '"c" has no value and is left out (missing data "exclude"); the other weights are ' +
        'scaled to 100.',
    ]);
  });

  test('lowest: the indicator is rated at the lowest level of its bands', () => {
    const result = score(withThird(ratio('c', 'lowest')), csv(RATED), { period: '2024-Q1' });
    // c's lowest band is poor, 20 points: 100 × 50% + 80 × 30% + 20 × 20% = 50 + 24 + 4 = 78: well.
    expect(indicatorOf(result, 'x', 'c')).toMatchObject({
      status: 'lowest',
      value: null,
      band: { level: 'poor', condition: 'under 80' },
      points: { exact: '20' },
      contribution: { exact: '4' },
      notRated: { reason: 'no-data', message: '2024-Q1: no row gives "c_done", "c_all".' },
    });
    expect(personOf(result, 'x')).toMatchObject({
      status: 'incomplete',
      total: { exact: '78' },
      rating: { id: 'well' },
    });
  });

  test('unrated: the person gets no total and no rating, and the notes say why', () => {
    const survey = surveyIndicator('c', 'rating', '10', { missingData: 'unrated' });
    const answers = Array.from({ length: 9 }, () => 'x,u,p,,2024-Q1,rating,5').join('\n');
    const result = score(withThird(survey), csv(`${RATED}\n${answers}`), { period: '2024-Q1' });
    const person = personOf(result, 'x');
    expect(indicatorOf(result, 'x', 'c')).toMatchObject({
      status: 'unrated',
      notRated: {
        reason: 'too-few-responses',
        message: '2024-Q1: 9 answers to "rating"; the survey needs at least 10.',
      },
    });
    expect(person).toMatchObject({ status: 'unrated', total: null, rating: null });
    expect(person.notes[0]).toBe(
      '"c" has no value and its missing-data rule is "unrated", so the person is not rated.',
    );
    // The indicators that were rated still show their band and points, but count for nothing.
    expect(indicatorOf(result, 'x', 'a')).toMatchObject({
      band: { level: 'excellent' },
      contribution: null,
    });
  });

  test('a person with no indicator that counts is unrated, not rated 0', () => {
    const a = ratio('a');
    const set = rules({ indicators: [a], positions: [position('p', [a], { a: '100' })] });
    const result = score(set, csv('x,u,p,,2024-Q1,a_done,1\nx,u,p,,2024-Q1,a_all,0'), {
      period: '2024-Q1',
    });
    expect(personOf(result, 'x')).toMatchObject({
      status: 'unrated',
      total: null,
      weightCounted: { exact: '0' },
    });
    expect(personOf(result, 'x').notes).toContain(
      'No indicator has a value or counts at its lowest level, so there is no total.',
    );
  });
});

describe('why an indicator has no value', () => {
  const single = (indicator: Indicator) =>
    rules({
      indicators: [indicator],
      positions: [position('p', [indicator], { [indicator.id]: '100' })],
    });

  test('B19: 0 / 0 has no value, 0 / 5 is 0%, 5 / 5 is 100%', () => {
    const resolved = formulaIndicator('resolved', op(measure('done'), '/', measure('received')), {
      missingData: 'lowest',
    });
    const quarter = (period: string, done: string, received: string) =>
      score(
        single(resolved),
        csv(`x,u,p,,${period},done,${done}\nx,u,p,,${period},received,${received}`),
        { period },
      );

    const none = indicatorOf(quarter('2024-Q1', '0', '0'), 'x', 'resolved');
    expect(none.status).toBe('lowest');
    expect(none.notRated).toEqual({
      reason: 'zero-denominator',
      message: '2024-Q1: the denominator received is zero, so the formula has no value.',
    });
    expect(none.periods[0]).toMatchObject({ value: null, computation: null });

    const zero = indicatorOf(quarter('2024-Q2', '0', '5'), 'x', 'resolved');
    expect(zero).toMatchObject({ status: 'rated', value: { exact: '0' }, band: { level: 'poor' } });

    const all = indicatorOf(quarter('2024-Q3', '5', '5'), 'x', 'resolved');
    expect(all).toMatchObject({
      status: 'rated',
      value: { exact: '100' },
      band: { level: 'excellent' },
    });
  });

  test('a zero denominator inside a formula has no value either', () => {
    const nested = formulaIndicator(
      'nested',
      op(op(measure('a'), '/', measure('b')), '+', measure('c')),
      {
        unit: { name: 'number', integer: false },
      },
    );
    const result = score(
      single(nested),
      csv('x,u,p,,2024-Q1,a,1\nx,u,p,,2024-Q1,b,0\nx,u,p,,2024-Q1,c,1'),
      {
        period: '2024-Q1',
      },
    );
    expect(indicatorOf(result, 'x', 'nested').notRated?.reason).toBe('zero-denominator');
  });

  test('B12: an empty cell and a cell of spaces are blank, never 0 (which would rate poor)', () => {
    const share = formulaIndicator('share', measure('m'));
    const result = score(single(share), csv('x,u,p,,2024-Q1,m,\ny,u,p,,2024-Q1,m,"  "'), {
      period: '2024-Q1',
    });
    for (const person of ['x', 'y']) {
      const value = indicatorOf(result, person, 'share');
      expect(value).toMatchObject({
        status: 'excluded',
        value: null,
        band: null,
        notRated: { reason: 'blank-cell' },
      });
      expect(personOf(result, person).total).toBeNull();
    }
    expect(indicatorOf(result, 'x', 'share').notRated?.message).toBe(
      '2024-Q1: blank value for m (row 1).',
    );
    expect(indicatorOf(result, 'y', 'share').periods[0]?.inputs[0]).toMatchObject({
      value: null,
      blankRows: [2],
    });
    expect(result.rejected).toEqual([]);
  });

  test('a blank month makes the quarter sum unknown, even next to filled months', () => {
    const share = formulaIndicator('share', measure('m'));
    const result = score(
      single(share),
      csv('x,u,p,,2024-01,m,50\nx,u,p,,2024-02,m,\nx,u,p,,2024-03,m,40'),
      {
        period: '2024-Q1',
      },
    );
    expect(indicatorOf(result, 'x', 'share').notRated?.reason).toBe('blank-cell');
  });

  test(
    'every period of the cycle needs a value: a month without rows leaves a monthly mean ' +
      'unrated',
    () => {
      const monthly = formulaIndicator('monthly', measure('m'), {
        frequency: 'month',
        aggregation: 'mean',
      });
      const result = score(single(monthly), csv('x,u,p,,2024-01,m,90\nx,u,p,,2024-03,m,100'), {
        period: '2024-Q1',
      });
      const value = indicatorOf(result, 'x', 'monthly');
      expect(value.notRated).toEqual({ reason: 'no-data', message: '2024-02: no row gives "m".' });
      expect(value.periods.map((period) => period.value?.exact ?? null)).toEqual([
        '90',
        null,
        '100',
      ]);
    },
  );

  test('"lowest" with "every": a month without an update is a month not met', () => {
    const updates = formulaIndicator('updates', measure('m'), {
      unit: COUNT,
      frequency: 'month',
      aggregation: 'every',
      missingData: 'lowest',
      bands: [band('met', from('1')), band('not_met', under('1'))],
    });
    const result = score(single(updates), csv('x,u,p,,2024-01,m,1\nx,u,p,,2024-02,m,3'), {
      period: '2024-Q1',
    });
    expect(indicatorOf(result, 'x', 'updates')).toMatchObject({
      status: 'lowest',
      band: { level: 'not_met' },
    });
    expect(personOf(result, 'x').total?.exact).toBe('0');
  });

  test('a survey counts answers, not blank rows, against its minimum', () => {
    const survey = surveyIndicator('survey', 'rating', '3');
    const enough = score(
      single(survey),
      csv(
        'x,u,p,,2024-Q1,rating,4\nx,u,p,,2024-Q1,rating,\nx,u,p,,2024-Q1,rating,5\nx,u,p,,2024-Q1,rating,3',
      ),
      {
        period: '2024-Q1',
      },
    );
    // (4 + 5 + 3) / 3 = 4: good. Row 2 is blank and is not an answer.
    expect(indicatorOf(enough, 'x', 'survey')).toMatchObject({
      value: { exact: '4' },
      band: { level: 'good' },
    });
    expect(indicatorOf(enough, 'x', 'survey').periods[0]?.survey).toMatchObject({
      responses: 3,
      blankRows: [2],
    });

    const short = score(
      single(survey),
      csv('x,u,p,,2024-Q1,rating,4\nx,u,p,,2024-Q1,rating,\nx,u,p,,2024-Q1,rating,5'),
      {
        period: '2024-Q1',
      },
    );
    expect(indicatorOf(short, 'x', 'survey').notRated).toEqual({
      reason: 'too-few-responses',
      message: '2024-Q1: 2 answers to "rating" (1 blank: row 2); the survey needs at least 3.',
    });
  });

  test('a survey whose every answer is blank has a blank, not too few answers', () => {
    const survey = surveyIndicator('survey', 'rating', '1');
    const result = score(single(survey), csv('x,u,p,,2024-Q1,rating,'), { period: '2024-Q1' });
    expect(indicatorOf(result, 'x', 'survey').notRated?.reason).toBe('blank-cell');
  });

  test('a share above 100% is outside the range of the unit, not excellent', () => {
    const share = ratio('share');
    const result = score(
      single(share),
      csv('x,u,p,,2024-Q1,share_done,21\nx,u,p,,2024-Q1,share_all,20'),
      {
        period: '2024-Q1',
      },
    );
    // 21 / 20 × 100 = 105, above percent's 100.
    expect(indicatorOf(result, 'x', 'share').notRated).toEqual({
      reason: 'out-of-range',
      message: '2024-Q1: the value 105 lies outside the range of percent, 0 to 100.',
    });
  });

  test('an indicator without a measurement cannot be rated, and says so', () => {
    const bare: Indicator = { ...formulaIndicator('bare', measure('m')), measurement: undefined };
    const result = score(single(bare), csv('x,u,p,,2024-Q1,other,1'), { period: '2024-Q1' });
    // No indicator reads "other": the row is rejected, but it named the person and a position,
    // so the person is listed, with the reason the indicator has no value.
    expect(indicatorOf(result, 'x', 'bare').notRated).toEqual({
      reason: 'no-measurement',
      message: 'Indicator "bare" has no measurement in the rule set.',
    });
    expect(personOf(result, 'x').status).toBe('unrated');
    expect(result.rejected[0]?.code).toBe('unknown-measure');
  });
});
