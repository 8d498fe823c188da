/**
 * Measurement formulas through the checker: the canonical text and the measures the model
 * keeps, and the units inferred through every kind of formula node, negation included.
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeOf, withCode } from './helpers.js';

function kpi(measure: string, unit = 'number'): string {
  return (
    `kpi k "K" { kind output measure ${measure} source "S" unit ${unit} better higher ` +
    'every quarter target >= 1 bands { excellent >= 1  poor < 1 } }\n' +
    'position p "P" { k weight 100% }\n'
  );
}

describe('a negation in a formula', () => {
  test('is printed with its minus and its measures are kept', () => {
    const cases = [
      ['-x', '-x', ['x']],
      ['-(a + b)', '-(a + b)', ['a', 'b']],
      ['-min(a, b)', '-min(a, b)', ['a', 'b']],
      ['a - -b', 'a - -b', ['a', 'b']],
      ['--x', '--x', ['x']],
    ] as const;
    for (const [written, text, measures] of cases) {
      const result = checkKpi(HEADER + kpi(written));
      expect(result.syntax).toEqual([]);
      expect(result.model.indicators[0]?.measurement).toMatchObject({ text, measures });
    }
  });

  test('passes on the unit of what it negates, so a mixed sum inside is KPI503', () => {
    const text = HEADER + kpi('-(5% + 2)', 'percent');
    const diagnostic = only(checkKpi(text), 'KPI503');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '5% + 2'));
    expect(diagnostic.message).toBe(
      'This formula adds a percentage and a plain number, which are in different units.',
    );
  });

  test('a negated percentage added to a plain number is KPI503 over the whole sum', () => {
    const text = HEADER + kpi('-min(5%, 10%) + 2', 'percent');
    const diagnostic = only(checkKpi(text), 'KPI503');

    expect(diagnostic.range).toEqual(rangeOf(text, '-min(5%, 10%) + 2'));
    expect(diagnostic.message).toContain('adds a percentage and a plain number');
  });

  test('an unknown function under a minus is still KPI102', () => {
    const text = HEADER + kpi('-maen(a, b)');
    const diagnostic = only(checkKpi(text), 'KPI102');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'maen'));
    expect(diagnostic.data).toEqual({ suggestion: 'mean' });
  });

  test('a negated measure of the same unit raises nothing', () => {
    expect(withCode(checkKpi(HEADER + kpi('a - -(b * 2)')), 'KPI503')).toEqual([]);
  });
});
