/**
 * The framework header and the catalogue it opens: an impossible effective date (KPI012)
 * is reported at the date and kept out of the model, since the emitter writes the model's
 * date into the rule set; the rounding clauses, with a count of decimal places that is not
 * a whole number from 0 to 6 (KPI013), a misspelt word (KPI102) and a repeat (KPI006).
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

function header(fields: string): string {
  return HEADER.replace('{ cycle quarterly }', `{ cycle quarterly ${fields} }`);
}

describe('KPI012 an effective date that is not in the calendar', () => {
  test('month 13 is an error at the date, and the model has no effective date', () => {
    const text = header('effective 2024-13-45');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI012');

    expect(result.syntax).toEqual([]);
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeOf(text, '2024-13-45'));
    expect(diagnostic.message).toBe(
      '2024-13-45 is not a date: there is no month 13. ' +
        'Write dates as year-month-day, for example 2024-07-01.',
    );
    expect(result.model.framework?.id).toBe('t');
    expect(result.model.framework?.effective).toBeUndefined();
  });

  test('29 February of a year that is not a leap year', () => {
    const text = header('effective 2023-02-29');
    const diagnostic = only(checkKpi(text), 'KPI012');

    expect(diagnostic.range).toEqual(rangeOf(text, '2023-02-29'));
    expect(diagnostic.message).toContain('February 2023 has 28 days');
  });

  test('day and month written the other way round get a did-you-mean and a fix', () => {
    const text = header('effective 2024-13-05');
    const diagnostic = only(checkKpi(text), 'KPI012');

    expect(diagnostic.message).toBe(
      '2024-13-05 is not a date: there is no month 13. Did you mean 2024-05-13 ' +
        '(the month comes before the day)? Write dates as year-month-day, for example 2024-07-01.',
    );
    expect(diagnostic.data).toEqual({ suggestion: '2024-05-13' });
    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: rangeOf(text, '2024-13-05'), newText: '2024-05-13' },
    ]);
  });

  test('a real date raises nothing and is kept as written', () => {
    const result = checkKpi(header('effective 2024-02-29'));

    expect(withCode(result, 'KPI012')).toEqual([]);
    expect(result.model.framework?.effective).toBe('2024-02-29');
  });
});

describe('the rounding clauses of the header', () => {
  test('both clauses give the decimal places of values and total', () => {
    const result = checkKpi(header('round values to 1 decimal round total to 2 decimals'));

    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(result.model.framework?.rounding).toEqual({ values: 1, total: 2 });
  });

  test('either word goes with any count, and 0 decimals rounds to whole numbers', () => {
    const result = checkKpi(header('round values to 0 decimal round total to 1 decimals'));

    expect(withCode(result, 'KPI102')).toEqual([]);
    expect(result.model.framework?.rounding).toEqual({ values: 0, total: 1 });
  });

  test('without a clause the model has no rounding: values and totals stay exact', () => {
    expect(checkKpi(HEADER).model.framework?.rounding).toBeUndefined();
    expect(checkKpi(header('round total to 6 decimals')).model.framework?.rounding).toEqual({
      total: 6,
    });
  });
});

describe('KPI013 a rounding count that is not a whole number from 0 to 6', () => {
  test.each([
    ['7', 'round total to 7 decimals'],
    ['1.5', 'round total to 1.5 decimals'],
    ['-1', 'round total to -1 decimal'],
    ['2%', 'round total to 2% decimals'],
  ])('%s is an error at the count, and that clause is left out', (written, clause) => {
    const text = header(`${clause} round values to 1 decimal`);
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI013');

    expect(result.syntax).toEqual([]);
    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(text, clause, written));
    expect(diagnostic.message).toBe(
      `'${written}' is not a number of decimal places a framework can round to. ` +
        "Write a whole number from 0 to 6, as in 'round total to 2 decimals'.",
    );
    expect(result.model.framework?.rounding).toEqual({ values: 1 });
  });

  test('a whole number written with a fraction of zeros is that whole number', () => {
    const result = checkKpi(header('round total to 2.0 decimals'));

    expect(withCode(result, 'KPI013')).toEqual([]);
    expect(result.model.framework?.rounding).toEqual({ total: 2 });
  });
});

describe('KPI102 a misspelt rounding word', () => {
  test('a misspelt thing to round gets a did-you-mean and a fix, and no rounding', () => {
    const text = header('round valeus to 1 decimal');
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI102');

    expect(diagnostic.range).toEqual(rangeOf(text, 'valeus'));
    expect(diagnostic.message).toBe(
      "'valeus' is not a thing a framework rounds. Did you mean 'values'? Use one of: values, total.",
    );
    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: rangeOf(text, 'valeus'), newText: 'values' },
    ]);
    expect(result.model.framework?.rounding).toBeUndefined();
  });

  test('a misspelt decimals gets a did-you-mean and a fix', () => {
    const text = header('round total to 2 decimels');
    const diagnostic = only(checkKpi(text), 'KPI102');

    expect(diagnostic.range).toEqual(rangeOf(text, 'decimels'));
    expect(diagnostic.data).toEqual({ suggestion: 'decimals' });
    expect(diagnostic.fixes?.[0]?.edits).toEqual([
      { uri: 'test.kpi', range: rangeOf(text, 'decimels'), newText: 'decimals' },
    ]);
  });

  test('a misspelt word and the right one are two clauses: no KPI006, one KPI102', () => {
    const result = checkKpi(header('round totl to 1 decimal round total to 2 decimals'));

    expect(withCode(result, 'KPI006')).toEqual([]);
    expect(withCode(result, 'KPI102')).toHaveLength(1);
    expect(result.model.framework?.rounding).toEqual({ total: 2 });
  });
});

describe('KPI006 a rounding clause written twice', () => {
  test('the repeat is an error and the first clause counts', () => {
    const text = header('round total to 2 decimals round total to 0 decimals');
    const result = checkKpi(text);
    const diagnostic = only({ diagnostics: result.syntax }, 'KPI006');

    expect(diagnostic.message).toBe("'round total' is given twice here; keep one.");
    expect(diagnostic.range).toEqual(rangeOf(text, 'round total to 0 decimals'));
    expect(result.model.framework?.rounding).toEqual({ total: 2 });
  });
});
