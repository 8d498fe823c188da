/**
 * The framework header and the catalogue it opens: an impossible effective date (KPI012)
 * is reported at the date and kept out of the model, since the emitter writes the model's
 * date into the rule set.
 */
import { describe, expect, test } from 'vitest';
import { checkKpi, HEADER, only, rangeOf, withCode } from './helpers.js';

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
