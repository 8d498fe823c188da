/**
 * Alignment and SMART: missing parts of an indicator (KPI601), indicators without bands
 * that nothing weights (KPI602), goals nothing supports (KPI603), process-only positions
 * (KPI604) and indicators without a goal when the framework has goals (KPI605).
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

const COMPLETE =
  'kpi a "A" { kind output measure x / y unit percent better higher target >= 90%\n' +
  '  bands { excellent >= 90%  poor < 90% } every quarter source "S" }\n';

describe('KPI601 an indicator missing a SMART part', () => {
  test('a bare indicator gets one warning at its id, naming every missing part', () => {
    const text = HEADER + 'kpi bare "Bare" { kind output }\ngroup g "G" { bare }\n';
    const diagnostic = only(checkKpi(text), 'KPI601');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'bare'));
    expect(diagnostic.message).toBe(
      "Indicator 'bare' does not say: how it is measured ('measure ...'), " +
        "which value is the target ('target ...'), how often it is measured ('every quarter'), " +
        'where the data comes from (\'source "..."\'), what unit its values are in ' +
        "('unit percent') and whether higher or lower values are better " +
        "('better higher' or 'better lower').",
    );
    expect(diagnostic.data).toEqual({
      missing: ['measure', 'target', 'frequency', 'source', 'unit', 'direction'],
    });
  });

  test('a stub with a unit gets one KPI601 for the rest, and KPI602 and KPI104 apart', () => {
    const text = HEADER + 'kpi k "K" { unit percent }\n';
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI601');

    expect(diagnostic.data).toEqual({
      missing: ['measure', 'target', 'frequency', 'source', 'direction'],
    });
    expect(diagnostic.message).not.toContain('unit');
    expect(only(result, 'KPI602').range).toEqual(diagnostic.range);
    expect(only(result, 'KPI104').range).toEqual(diagnostic.range);
  });

  test('one missing part reads as one', () => {
    const text = HEADER + COMPLETE.replace(' source "S"', '') + 'group g "G" { a }\n';
    expect(only(checkKpi(text), 'KPI601').message).toBe(
      "Indicator 'a' does not say: where the data comes from ('source \"...\"').",
    );
  });

  test('a complete indicator gets none', () => {
    expect(withCode(checkKpi(HEADER + COMPLETE + 'group g "G" { a }\n'), 'KPI601')).toEqual([]);
  });
});

describe('KPI602 an indicator without bands that no position weights', () => {
  test("Appendix 1's catalogue rows are warnings at the indicator", () => {
    const text =
      HEADER +
      'kpi subordinate_satisfaction "Subordinate satisfaction" { kind outcome unit likert5 every quarter }\n' +
      'group management "Management" { subordinate_satisfaction }\n';
    const diagnostic = only(checkKpi(text), 'KPI602');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(
      rangeIn(text, 'kpi subordinate_satisfaction', 'subordinate_satisfaction'),
    );
    expect(diagnostic.message).toBe(
      "Indicator 'subordinate_satisfaction' has no rating bands (thresholds), so it cannot be scored yet.",
    );
  });
});

describe('KPI603 a goal no indicator supports', () => {
  test('is a warning at the goal', () => {
    const text =
      HEADER +
      'goal service "Serve citizens"\ngoal growth "Growth"\n' +
      COMPLETE.replace('source "S"', 'source "S" goal service') +
      'group g "G" { a }\n';
    const diagnostic = only(checkKpi(text), 'KPI603');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'growth'));
    expect(diagnostic.message).toBe("No indicator supports goal 'growth'.");
  });
});

describe('KPI604 a position with only process indicators', () => {
  test('is a warning at the position', () => {
    const text =
      HEADER +
      COMPLETE.replace('kind output', 'kind process') +
      'position clerk "Clerk" { a weight 100% }\n';
    const diagnostic = only(checkKpi(text), 'KPI604');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'clerk'));
    expect(diagnostic.message).toBe(
      "Every indicator of 'clerk' is a process indicator; add an output or outcome indicator.",
    );
  });

  test('one output indicator is enough', () => {
    const text =
      HEADER +
      COMPLETE.replace('kind output', 'kind process') +
      COMPLETE.replace('kpi a', 'kpi b') +
      'position clerk "Clerk" { a weight 50%  b weight 50% }\n';
    expect(withCode(checkKpi(text), 'KPI604')).toEqual([]);
  });
});

describe('KPI605 an indicator without a goal', () => {
  test('is information when the framework declares goals', () => {
    const text = HEADER + 'goal service "Serve"\n' + COMPLETE + 'group g "G" { a }\n';
    const diagnostic = only(checkKpi(text), 'KPI605');

    expect(diagnostic.severity).toBe('info');
    expect(diagnostic.range).toEqual(rangeIn(text, 'kpi a', 'a'));
    expect(diagnostic.message).toBe("Indicator 'a' does not say which goal it supports.");
  });

  test('is not reported when the framework has no goals', () => {
    expect(withCode(checkKpi(HEADER + COMPLETE + 'group g "G" { a }\n'), 'KPI605')).toEqual([]);
  });
});
