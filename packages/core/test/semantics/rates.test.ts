/**
 * Rates (`unit count per month`): whether the rated value is a whole number depends on the
 * period it covers, and a rated value covering another period than the rate's own is
 * reported (KPI406).
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeOf, withCode } from './helpers.js';

const MONTHLY = HEADER.replace('cycle quarterly', 'cycle monthly');

/** A count rate with bands `good >= 4  poor <= 3`: a gap between 3 and 4 unless whole. */
function rate(unit: string, fields: string): string {
  return (
    `kpi k "K" { kind output measure x source "S" unit ${unit} better higher target >= 4 ` +
    `bands { good >= 4  poor <= 3 } ${fields} }\nposition p "P" { k weight 100% }\n`
  );
}

describe('the domain of a rate', () => {
  test('a count per month measured monthly is a whole count: >= 4 and <= 3 leave no gap', () => {
    const result = checkKpi(MONTHLY + rate('count per month', 'every month'));

    expect(result.syntax).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    expect(result.model.indicators[0]?.domain).toMatchObject({ integer: true });
  });

  test('in a quarterly cycle it stays whole when one month decides (max, min, last, every)', () => {
    for (const how of ['max', 'min', 'last', 'every']) {
      const result = checkKpi(HEADER + rate('count per month', `every month aggregate ${how}`));
      expect(result.diagnostics).toEqual([]);
    }
  });

  test('averaged over the months of a quarter it is continuous: more than 3 and under 4 is a gap', () => {
    const text = HEADER + rate('count per month', 'every month aggregate mean');
    const diagnostic = only(checkKpi(text), 'KPI301');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, 'bands { good >= 4  poor <= 3 }'));
    expect(diagnostic.message).toBe(
      "'k' leaves more than 3 and under 4 unrated: no band covers it.",
    );
  });

  test('measured over a longer period than its own it is continuous (a quarter per month)', () => {
    const text = HEADER + rate('count per month', 'every quarter');
    const result = checkKpi(text);

    expect(only(result, 'KPI301').message).toContain('more than 3 and under 4');
    expect(withCode(result, 'KPI406')).toEqual([]);
  });

  test('without a frequency nothing says which period it covers, so it is continuous', () => {
    const result = checkKpi(MONTHLY + rate('count per month', ''));
    expect(only(result, 'KPI301').message).toContain('more than 3 and under 4');
  });

  test('a formula that divides, or a rate of something continuous, is never whole', () => {
    const divided =
      MONTHLY + rate('count per month', 'every month').replace('measure x', 'measure x / 2');
    const hours = MONTHLY + rate('hours per month', 'every month');

    expect(only(checkKpi(divided), 'KPI301').message).toContain('more than 3 and under 4');
    expect(only(checkKpi(hours), 'KPI301').message).toContain('more than 3 and under 4');
  });

  test('summed over the months of a quarter, a count per quarter is whole and raises nothing', () => {
    const result = checkKpi(HEADER + rate('count per quarter', 'every month aggregate sum'));

    expect(result.diagnostics).toEqual([]);
    expect(result.model.indicators[0]?.domain).toMatchObject({ integer: true });
  });
});

describe('KPI406 a rated value for another period than the rate', () => {
  test('summing a count per month over a quarter gives a quarterly total, at the clause', () => {
    const text = HEADER + rate('count per month', 'every month aggregate sum');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI406');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'aggregate sum'));
    expect(diagnostic.message).toBe(
      "'k' is a count per month, but the value rated is the total of a quarter " +
        "('aggregate sum' adds up the monthly values), so its bands would be read against a " +
        "different period. Write 'unit count per quarter', or use 'aggregate mean' for the " +
        'average month.',
    );
    expect(withCode(result, 'KPI404')).toEqual([]);
  });

  test('a count per quarter measured monthly rates one month against quarterly bands, at the unit', () => {
    const text = HEADER + rate('count per quarter', 'every month aggregate max');
    const diagnostic = only(checkKpi(text), 'KPI406');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(rangeOf(text, 'unit count per quarter'));
    expect(diagnostic.message).toBe(
      "'k' is a count per quarter, but the value rated is the figure of one month, so its " +
        "bands would be read against a different period. Write 'unit count per month', or " +
        "measure it 'every quarter'.",
    );
  });

  test('a weekly measure of a count per year in a quarterly cycle, summed, covers one quarter', () => {
    const text = HEADER + rate('count per year', 'every week aggregate sum');
    const diagnostic = only(checkKpi(text), 'KPI406');

    expect(diagnostic.range).toEqual(rangeOf(text, 'aggregate sum'));
    expect(diagnostic.message).toContain('the total of a quarter');
    expect(diagnostic.message).toContain("Write 'unit count per quarter'.");
  });

  test('a rate measured at its own period raises nothing, whatever the cycle', () => {
    const yearly = HEADER + rate('count per year', 'every year between measurements carry');
    expect(checkKpi(yearly).diagnostics).toEqual([]);
  });
});
