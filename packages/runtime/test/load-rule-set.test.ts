/**
 * Loading rule sets: the schema and the checks scoring relies on, each problem named with its
 * path; the scored period checked against the cycle.
 */
import { describe, expect, test } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { RuleSetError, ScoreError, loadRuleSet, score } from '@kpilang/runtime';
import {
  band,
  csv,
  formulaIndicator,
  from,
  measure,
  position,
  ruleSetValue,
  rules,
  surveyIndicator,
} from './fixture.js';

const a = formulaIndicator('a', measure('a'));
const b = formulaIndicator('b', measure('b'));
const valid = (): RuleSet =>
  ruleSetValue({ indicators: [a, b], positions: [position('p', [a, b], { a: '60', b: '40' })] });

function issuesOf(value: unknown): { path: string; message: string }[] {
  try {
    loadRuleSet(value);
  } catch (error) {
    if (error instanceof RuleSetError) return [...error.issues];
    throw error;
  }
  throw new Error('The rule set loaded.');
}

describe('loadRuleSet', () => {
  test('loads a rule set, as a value or as JSON text, with typed access by id', () => {
    for (const input of [valid(), JSON.stringify(valid())]) {
      const loaded = loadRuleSet(input);
      expect(loaded.cycle).toBe('quarter');
      expect(loaded.indicator('a')?.measurement?.kind).toBe('formula');
      expect(loaded.level('good')?.points).toBe('80');
      expect(loaded.position('p')?.total).toBe('100');
      expect(loaded.position('p', 'nowhere')).toBeUndefined();
      expect(loaded.indicator('zzz')).toBeUndefined();
    }
  });

  test('text that is not JSON is a RuleSetError, not a SyntaxError', () => {
    expect(() => loadRuleSet('{"format": ')).toThrow(RuleSetError);
    expect(issuesOf('{"format": ')[0]?.message).toMatch(/^Not JSON: /);
  });

  test('a rule set of another format version says which one this runtime reads', () => {
    expect(issuesOf({ ...valid(), format: 'kpilang.rules/2' })).toEqual([
      {
        path: 'format',
        message:
          'This runtime reads rule sets of format "kpilang.rules/3", not "kpilang.rules/2"; ' +
          'build the framework again with a kpic of the same version.',
      },
    ]);
  });

  test('a schema violation is named by its path', () => {
    const broken = valid();
    const first = broken.indicators[0];
    if (first === undefined) throw new Error('No indicator.');
    broken.indicators[0] = { ...first, bands: [band('good', { ...from('95'), low: '0.950' })] };
    expect(issuesOf(broken).map((issue) => issue.path)).toEqual([
      'indicators[0].bands[0].interval.low',
    ]);
  });

  test('weights that do not sum to 100, unknown ids and repeats are refused', () => {
    const broken = valid();
    broken.positions = [
      {
        ...position('p', [a, b], { a: '60', b: '30' }),
        total: '100',
      },
      position('q', [a], { a: '50', ghost: '50' }),
    ];
    broken.indicators.push(a);
    const q = broken.positions[1];
    if (q?.indicators[0] === undefined) throw new Error('No weighted indicator.');
    q.indicators[0].bands = [band('superb', from('0'))];
    expect(issuesOf(broken)).toEqual([
      { path: 'indicators[2].id', message: 'The id "a" is used twice.' },
      {
        path: 'positions[0].indicators',
        message: 'The weights of position "p" sum to 90%, not 100%.',
      },
      {
        path: 'positions[0].total',
        message: 'The total 100 differs from the sum of the weights, 90.',
      },
      {
        path: 'positions[1].indicators[0].bands[0].level',
        message: 'Level "superb" is not in "levels".',
      },
      {
        path: 'positions[1].indicators[1].indicator',
        message: 'Indicator "ghost" is not in "indicators".',
      },
      {
        path: 'positions[1].indicators[1].bands',
        message: 'Indicator "ghost" has no bands to rate it with.',
      },
    ]);
  });

  test('a weight must be above 0 and at most 100, even when the weights sum to 100', () => {
    // -10 and 110 sum to 100, but a negative weight would take points away for good work.
    const value = ruleSetValue({
      indicators: [a, b],
      positions: [position('p', [a, b], { a: '-10', b: '110' })],
    });
    expect(issuesOf(value)).toEqual([
      {
        path: 'positions[0].indicators[0].weight',
        message: 'Indicator "a" weighs -10%; a weight is above 0% and at most 100%.',
      },
      {
        path: 'positions[0].indicators[1].weight',
        message: 'Indicator "b" weighs 110%; a weight is above 0% and at most 100%.',
      },
    ]);
  });

  test('a survey names exactly one measure, whose answers it averages', () => {
    // With two, the second one's rows would be accepted and then used by nothing.
    const survey = surveyIndicator('s', 'r', '1');
    const value = ruleSetValue({
      indicators: [
        {
          ...survey,
          measurement: { kind: 'survey', text: 'survey r', measures: ['r', 'extra'] },
        },
      ],
      positions: [position('p', [survey], { s: '100' })],
    });
    expect(issuesOf(value)).toEqual([
      {
        path: 'indicators[0].measurement.measures',
        message: 'The survey of indicator "s" names 2 measures; a survey has exactly one.',
      },
    ]);
  });

  test(
    'an indicator finer than the cycle needs an aggregation, a coarser one a rule between ' +
      'measurements',
    () => {
      const monthly = formulaIndicator('monthly', measure('m'), { frequency: 'month' });
      const yearly = formulaIndicator('yearly', measure('y'), { frequency: 'year' });
      const value = ruleSetValue({
        indicators: [monthly, yearly],
        positions: [position('p', [monthly, yearly], { monthly: '50', yearly: '50' })],
      });
      expect(issuesOf(value)).toEqual([
        {
          path: 'indicators[0].aggregation',
          message:
            'Indicator "monthly" is measured every month, more often than the quarter it is ' +
            'rated for, and says no aggregation.',
        },
        {
          path: 'indicators[1].between',
          message:
            'Indicator "yearly" is measured every year, less often than the quarter it is rated ' +
            'for, and says nothing for the cycles between its measurements.',
        },
      ]);
    },
  );

  test('the error message names the first problem and counts the rest', () => {
    const broken = { ...valid(), levels: 'none', rating: 'none' };
    expect(() => loadRuleSet(broken)).toThrow(/^Not a valid rule set: levels: .* \(and 1 more\)$/);
  });
});

describe('score: the period to score', () => {
  const set = rules({
    indicators: [a, b],
    positions: [position('p', [a, b], { a: '60', b: '40' })],
  });

  test('must be a period', () => {
    expect(() => score(set, [], { period: '2024-Q5' })).toThrow(
      new ScoreError(
        'The period to score must be written 2024, 2024-H1, 2024-Q1, 2024-03 or 2024-W05.',
      ),
    );
  });

  test("must be one of the framework's cycles", () => {
    expect(() => score(set, [], { period: '2024-03' })).toThrow(
      'The framework rates every quarter, so the period to score must be a quarter (such as ' +
        '2024-Q1), not 2024-03.',
    );
  });

  test(
    'without a declared cycle, the period sets it, and the rules it needs are checked ' + 'then',
    () => {
      const free = rules({
        indicators: [a, b],
        positions: [position('p', [a, b], { a: '60', b: '40' })],
        cycle: null,
      });
      expect(free.cycle).toBeUndefined();
      expect(score(free, csv('x,u,p,,2024-Q1,a,99'), { period: '2024-Q1' }).cycle).toBe('quarter');

      // Scored by month, the quarterly indicators are coarser and say nothing between measurements.
      let error: unknown;
      try {
        score(free, [], { period: '2024-03' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ScoreError);
      expect((error as ScoreError).issues.map((issue) => issue.path)).toEqual([
        'indicators[0].between',
        'indicators[1].between',
      ]);
    },
  );
});
