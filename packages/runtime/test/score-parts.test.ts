/**
 * Points in proportion and the parts of the total (format 3): a percentage earns its own value
 * as points, exactly, under every aggregation and missing-data rule; each person's total is
 * split into the rule set's parts. Expectations worked out by hand in the comments.
 */
import { describe, expect, test } from 'vitest';
import type { Indicator, MissingDataRule } from '@kpilang/rule-set';
import { RuleSetError, loadRuleSet, score } from '@kpilang/runtime';
import {
  HOURS,
  csv,
  formulaIndicator,
  indicatorOf,
  label,
  measure,
  op,
  personOf,
  position,
  ruleSetValue,
  rules,
} from './fixture.js';

/** Products done of those assigned, as a percentage earning its own value (70%, task_results). */
const quantity = (missingData: MissingDataRule = 'exclude'): Indicator =>
  formulaIndicator('quantity', op(measure('done'), '/', measure('assigned')), {
    bands: [],
    scoring: 'proportional',
    part: 'task_results',
    missingData,
  });

/** The general criteria, on the share bands (excellent from 95, good 80 to under 95): 30%. */
const general = formulaIndicator('general', measure('g'), { part: 'general' });

const PARTS = [
  { id: 'general', label: label('General criteria'), points: '30' },
  { id: 'task_results', label: label('Task results'), points: '70' },
];

function decreeLike(task: Indicator = quantity()) {
  return rules({
    indicators: [general, task],
    positions: [position('p', [general, task], { general: '30', quantity: '70' })],
    parts: PARTS,
  });
}

describe('points in proportion', () => {
  test('95% earns 95 points, weighted like any other', () => {
    const result = score(
      decreeLike(),
      csv(`
        x,u,p,,2024-Q1,done,19
        x,u,p,,2024-Q1,assigned,20
        x,u,p,,2024-Q1,g,90
      `),
      { period: '2024-Q1' },
    );
    // quantity: 19 / 20 × 100 = 95, 95 points × 70% = 66.5. general: 90, good, 80 × 30% = 24.
    // Total 90.5: outstanding (from 90).
    expect(indicatorOf(result, 'x', 'quantity')).toMatchObject({
      status: 'rated',
      scoring: 'proportional',
      part: 'task_results',
      value: { exact: '95' },
      band: null,
      points: { exact: '95' },
      contribution: { exact: '66.5' },
      explanation:
        '19 / 20 × 100 = 95 in 2024-Q1 (rows 1, 2); 95% earns 95 points in proportion × ' +
        'weight 70% = 66.5.',
    });
    expect(indicatorOf(result, 'x', 'general')).toMatchObject({
      scoring: 'bands',
      part: 'general',
    });
    expect(personOf(result, 'x')).toMatchObject({
      total: { exact: '90.5' },
      scoredRating: { id: 'outstanding' },
      rating: { id: 'outstanding' },
      adjustments: [],
    });
  });

  test('a percentage without a finite decimal stays an exact fraction', () => {
    const result = score(
      decreeLike(),
      csv(`
        x,u,p,,2024-Q1,done,2
        x,u,p,,2024-Q1,assigned,3
        x,u,p,,2024-Q1,g,100
      `),
      { period: '2024-Q1' },
    );
    // 2 / 3 × 100 = 200/3 points; × 70% = 140/3. general excellent: 100 × 30% = 30.
    // Total 30 + 140/3 = 230/3 (76.67): completed well.
    expect(indicatorOf(result, 'x', 'quantity').points).toEqual({
      exact: '200/3',
      display: '66.6667',
    });
    expect(indicatorOf(result, 'x', 'quantity').contribution?.exact).toBe('140/3');
    expect(personOf(result, 'x').total?.exact).toBe('230/3');
    expect(personOf(result, 'x').rating?.id).toBe('well');
  });

  test('aggregate every: the lowest period earns the fewest points and decides', () => {
    const monthly = formulaIndicator('monthly', measure('m'), {
      bands: [],
      scoring: 'proportional',
      frequency: 'month',
      aggregation: 'every',
    });
    const result = score(
      rules({ indicators: [monthly], positions: [position('p', [monthly], { monthly: '100' })] }),
      csv(`
        x,u,p,,2024-01,m,90
        x,u,p,,2024-02,m,80
        x,u,p,,2024-03,m,80
      `),
      { period: '2024-Q1' },
    );
    // 90, 80, 80: the lowest is 80, first in February.
    expect(indicatorOf(result, 'x', 'monthly')).toMatchObject({
      value: { exact: '80' },
      points: { exact: '80' },
      contribution: { exact: '80' },
    });
    expect(indicatorOf(result, 'x', 'monthly').explanation).toContain('the lowest is 2024-02, 80');
  });

  test('a sum of percentages above 100 earns no points: it has no value', () => {
    const summed = formulaIndicator('summed', measure('m'), {
      bands: [],
      scoring: 'proportional',
      frequency: 'month',
      aggregation: 'sum',
      missingData: 'unrated',
    });
    const result = score(
      rules({ indicators: [summed], positions: [position('p', [summed], { summed: '100' })] }),
      csv(`
        x,u,p,,2024-01,m,50
        x,u,p,,2024-02,m,30
        x,u,p,,2024-03,m,21
      `),
      { period: '2024-Q1' },
    );
    expect(indicatorOf(result, 'x', 'summed').notRated).toEqual({
      reason: 'out-of-range',
      message:
        'The rated value 101 of "summed" lies outside 0 to 100, the points a value in ' +
        'proportion can earn.',
    });
    expect(personOf(result, 'x').status).toBe('unrated');
  });

  test('missing data "lowest" gives it 0 points, the fewest a percentage earns', () => {
    const result = score(decreeLike(quantity('lowest')), csv('x,u,p,,2024-Q1,g,100'), {
      period: '2024-Q1',
    });
    // quantity has no rows: 0 points × 70% = 0. general 100 × 30% = 30. Total 30: not done.
    expect(indicatorOf(result, 'x', 'quantity')).toMatchObject({
      status: 'lowest',
      band: null,
      points: { exact: '0' },
      contribution: { exact: '0' },
    });
    expect(indicatorOf(result, 'x', 'quantity').explanation).toMatch(
      /Missing data "lowest" gives it 0 points, the fewest a value in proportion earns × weight 70% = 0\.$/,
    );
    expect(personOf(result, 'x').total?.exact).toBe('30');
  });
});

describe('the parts of the total', () => {
  test("each part is the sum of its indicators' contributions, beside its maximum", () => {
    const result = score(
      decreeLike(),
      csv(`
        x,u,p,,2024-Q1,done,19
        x,u,p,,2024-Q1,assigned,20
        x,u,p,,2024-Q1,g,90
      `),
      { period: '2024-Q1' },
    );
    // general: 24 of 30; task_results: 66.5 of 70; together the total, 90.5.
    const person = personOf(result, 'x');
    expect(person.parts).toEqual([
      {
        id: 'general',
        label: label('General criteria'),
        points: { exact: '24', display: '24' },
        max: { exact: '30', display: '30' },
      },
      {
        id: 'task_results',
        label: label('Task results'),
        points: { exact: '66.5', display: '66.5' },
        max: { exact: '70', display: '70' },
      },
    ]);
    expect(person.explanation).toBe(
      'Total 90.5 (general 24 of 30, task_results 66.5 of 70): outstanding (from 90).',
    );
  });

  test('with an indicator left out, the scaled weights may take a part past its maximum', () => {
    const result = score(decreeLike(), csv('x,u,p,,2024-Q1,g,90'), { period: '2024-Q1' });
    // quantity is excluded: general counts 30 × 100 / 30 = 100%, 80 points: 80 of 30.
    expect(personOf(result, 'x').parts.map((part) => part.points?.exact)).toEqual(['80', '0']);
  });

  test('a person without a total has no points in any part', () => {
    const result = score(decreeLike(quantity('unrated')), csv('x,u,p,,2024-Q1,g,90'), {
      period: '2024-Q1',
    });
    expect(personOf(result, 'x').parts.map((part) => part.points)).toEqual([null, null]);
  });

  test('a rule set without parts gives every person an empty list', () => {
    const plain = formulaIndicator('plain', measure('m'));
    const result = score(
      rules({ indicators: [plain], positions: [position('p', [plain], { plain: '100' })] }),
      csv('x,u,p,,2024-Q1,m,90'),
      { period: '2024-Q1' },
    );
    expect(personOf(result, 'x').parts).toEqual([]);
    expect(indicatorOf(result, 'x', 'plain').part).toBeNull();
  });
});

describe('loading proportional scoring and parts', () => {
  function issuesOf(value: unknown): string[] {
    try {
      loadRuleSet(value);
    } catch (error) {
      if (error instanceof RuleSetError) {
        return error.issues.map((issue) => `${issue.path}: ${issue.message}`);
      }
      throw error;
    }
    return [];
  }

  test('a proportional indicator is a percentage, better higher, without bands', () => {
    const hours = formulaIndicator('hours', measure('h'), {
      bands: [],
      scoring: 'proportional',
      unit: HOURS,
      direction: 'lower',
    });
    const banded = formulaIndicator('banded', measure('b'), { scoring: 'proportional' });
    const value = ruleSetValue({
      indicators: [hours, banded],
      positions: [position('p', [hours, banded], { hours: '50', banded: '50' })],
    });
    expect(issuesOf(value)).toEqual([
      'indicators[0].unit: Indicator "hours" earns points in proportion, so its unit must be percent.',
      'indicators[0].direction: Indicator "hours" earns points in proportion, so its direction ' +
        'must be "higher".',
      'indicators[1].bands: Indicator "banded" earns points in proportion, so it cannot ' +
        'have bands.',
      'positions[0].indicators[1].bands: Indicator "banded" earns points in proportion, so ' +
        'position "p" cannot give it bands.',
    ]);
  });

  test("parts add up to 100, every weighted indicator has one, and a part's weights make its points", () => {
    const loose = formulaIndicator('loose', measure('l'));
    const lost = formulaIndicator('lost', measure('z'), { part: 'nowhere' });
    const value = ruleSetValue({
      indicators: [general, quantity(), loose, lost],
      positions: [
        position('p', [general, quantity()], { general: '40', quantity: '60' }),
        position('q', [general, loose, lost], { general: '30', loose: '60', lost: '10' }),
      ],
      parts: [...PARTS, { id: 'extra', label: label('Extra'), points: '5' }],
    });
    expect(issuesOf(value)).toEqual([
      'indicators[3].part: Part "nowhere" is not in "parts".',
      'parts: The points of the parts add up to 105, not 100.',
      'positions[0].indicators: In position "p" the weights of part "general" add up to 40%, ' +
        'not its 30 points.',
      'positions[0].indicators: In position "p" the weights of part "task_results" add up to ' +
        '60%, not its 70 points.',
      'positions[0].indicators: In position "p" the weights of part "extra" add up to 0%, not ' +
        'its 5 points.',
      'positions[1].indicators[1].indicator: Indicator "loose" counts toward no part, but the ' +
        'rule set divides the total into parts.',
      'positions[1].indicators: In position "q" the weights of part "task_results" add up to ' +
        '0%, not its 70 points.',
      'positions[1].indicators: In position "q" the weights of part "extra" add up to 0%, not ' +
        'its 5 points.',
    ]);
  });
});
