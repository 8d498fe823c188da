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
  test('a bare indicator gets one warning per missing part, each at its id', () => {
    const text = HEADER + 'kpi bare "Bare" { kind output }\ngroup g "G" { bare }\n';
    const found = withCode(checkKpi(text), 'KPI601');

    expect(found.map((diagnostic) => diagnostic.message)).toEqual([
      "Indicator 'bare' has no measure: say how it is calculated ('measure ...').",
      "Indicator 'bare' has no target: say which value counts as success ('target ...').",
      "Indicator 'bare' has no frequency: say how often it is measured ('every quarter').",
      "Indicator 'bare' has no source: say where the data comes from ('source \"...\"').",
      "Indicator 'bare' has no unit: say what its values are measured in ('unit percent').",
      "Indicator 'bare' has no direction: say whether higher or lower values are better ('better higher' or 'better lower').",
    ]);
    for (const diagnostic of found) {
      expect(diagnostic.severity).toBe('warning');
      expect(diagnostic.range).toEqual(rangeOf(text, 'bare'));
    }
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
