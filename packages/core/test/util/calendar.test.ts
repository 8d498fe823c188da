/**
 * Calendar dates as the language writes them (YYYY-MM-DD): which are real days of the
 * Gregorian calendar, and why the others are not.
 */
import { describe, expect, test } from 'vitest';
import { calendarProblem, swappedDate } from '../../src/util/calendar.js';

describe('calendarProblem', () => {
  test('real days have no problem, 29 February in leap years included', () => {
    for (const date of ['2024-07-01', '2024-12-31', '2024-02-29', '2000-02-29', '1999-01-31']) {
      expect(calendarProblem(date)).toBeUndefined();
    }
  });

  test('a month outside 1 to 12 is named', () => {
    expect(calendarProblem('2024-13-45')).toBe('there is no month 13');
    expect(calendarProblem('2024-00-10')).toBe('there is no month 00');
  });

  test('a day past the end of its month says how many days the month has', () => {
    expect(calendarProblem('2023-02-29')).toBe('February 2023 has 28 days');
    expect(calendarProblem('1900-02-29')).toBe('February 1900 has 28 days');
    expect(calendarProblem('2024-04-31')).toBe('April 2024 has 30 days');
    expect(calendarProblem('2024-01-00')).toBe('there is no day 00');
  });

  test('text that is not written year-month-day is a problem too', () => {
    expect(calendarProblem('2024-7-1')).toBe('a date is written year-month-day, as 2024-07-01');
  });
});

describe('swappedDate', () => {
  test('exchanges month and day when that alone makes a real day', () => {
    expect(swappedDate('2024-13-05')).toBe('2024-05-13');
    expect(swappedDate('2024-31-12')).toBe('2024-12-31');
  });

  test('gives nothing for a real day, or when the exchange does not help', () => {
    expect(swappedDate('2024-05-13')).toBeUndefined();
    expect(swappedDate('2024-13-45')).toBeUndefined();
    expect(swappedDate('2023-02-29')).toBeUndefined();
  });
});
