/**
 * Periods: the five written forms, ISO weeks (which belong to the month, quarter and year of
 * their Thursday), and how periods nest. Calendar facts checked against a wall calendar.
 */
import { describe, expect, test } from 'vitest';
import { parsePeriod, periodWithin, periodsWithin, type CalendarPeriod } from '@kpilang/runtime';
import { periodContaining, previousPeriod, weeksInYear } from '../src/period.js';

const period = (text: string): CalendarPeriod => {
  const parsed = parsePeriod(text);
  if (parsed === undefined) throw new Error(`Not a period: ${text}`);
  return parsed;
};
const texts = (periods: readonly CalendarPeriod[]) => periods.map((item) => item.text);

describe('parsePeriod', () => {
  test.each([
    ['2024', 'year', 1],
    ['2024-H2', 'half-year', 2],
    ['2024-Q1', 'quarter', 1],
    ['2024-03', 'month', 3],
    ['2024-W05', 'week', 5],
    ['2020-W53', 'week', 53],
  ])('reads %s', (text, kind, index) => {
    expect(parsePeriod(text)).toMatchObject({ kind, year: Number(text.slice(0, 4)), index, text });
  });

  test.each([
    '2024-Q5',
    '2024-H3',
    '2024-13',
    '2024-00',
    '2024-W00',
    '2024-W54',
    '0000',
    '24',
    '2024Q1',
    '2024-q1',
    '2024-3',
    '2024-W5',
    ' 2024',
    '2024-1-1',
    '',
  ])('refuses %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  test('week 53 exists only in years whose ISO calendar has it', () => {
    // 2015 and 2026 begin on a Thursday; 2020, a leap year, on a Wednesday.
    expect(weeksInYear(2020)).toBe(53);
    expect(weeksInYear(2026)).toBe(53);
    expect(weeksInYear(2015)).toBe(53);
    expect(weeksInYear(2024)).toBe(52);
    expect(weeksInYear(2021)).toBe(52);
    expect(parsePeriod('2024-W53')).toBeUndefined();
    expect(parsePeriod('2026-W53')?.text).toBe('2026-W53');
  });
});

describe('weeks belong to the periods of their Thursday', () => {
  test(
    '2024-W05 runs from Monday 29 January to Sunday 4 February; its Thursday is 1 ' + 'February',
    () => {
      expect(periodContaining(period('2024-W05'), 'month')?.text).toBe('2024-02');
      expect(periodWithin(period('2024-W05'), period('2024-01'))).toBe(false);
      expect(periodWithin(period('2024-W05'), period('2024-Q1'))).toBe(true);
    },
  );

  test('2025-W01 starts on Monday 30 December 2024 but belongs to January 2025', () => {
    expect(periodContaining(period('2025-W01'), 'year')?.text).toBe('2025');
    expect(periodWithin(period('2025-W01'), period('2025-01'))).toBe(true);
    expect(periodWithin(period('2025-W01'), period('2024'))).toBe(false);
  });

  test('2020-W53 ends on Sunday 3 January 2021 but belongs to December 2020', () => {
    expect(periodContaining(period('2020-W53'), 'quarter')?.text).toBe('2020-Q4');
  });

  test('the first quarter of 2024 holds weeks 1 to 13; the last of 2020 weeks 40 to 53', () => {
    expect(texts(periodsWithin(period('2024-Q1'), 'week'))).toEqual(
      Array.from({ length: 13 }, (_, index) => `2024-W${String(index + 1).padStart(2, '0')}`),
    );
    expect(periodsWithin(period('2020-Q4'), 'week')).toHaveLength(14);
    expect(periodsWithin(period('2020-Q4'), 'week')[0]?.text).toBe('2020-W40');
  });

  test(
    'February 2024 holds the five weeks whose Thursdays are 1, 8, 15, 22 and 29 ' + 'February',
    () => {
      expect(texts(periodsWithin(period('2024-02'), 'week'))).toEqual([
        '2024-W05',
        '2024-W06',
        '2024-W07',
        '2024-W08',
        '2024-W09',
      ]);
    },
  );

  test('every week of a year lies in exactly one of its months', () => {
    for (const year of [2019, 2020, 2024, 2026]) {
      const months = periodsWithin(period(String(year)), 'month');
      const weeks = months.flatMap((month) => texts(periodsWithin(month, 'week')));
      expect(weeks).toHaveLength(weeksInYear(year));
      expect(new Set(weeks).size).toBe(weeks.length);
    }
  });
});

describe('calendar periods nest', () => {
  test('the months of a quarter, the quarters of a half, the halves of a year', () => {
    expect(texts(periodsWithin(period('2024-Q2'), 'month'))).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    expect(texts(periodsWithin(period('2024-H2'), 'quarter'))).toEqual(['2024-Q3', '2024-Q4']);
    expect(texts(periodsWithin(period('2024'), 'half-year'))).toEqual(['2024-H1', '2024-H2']);
    expect(periodsWithin(period('2024-03'), 'quarter')).toEqual([]);
  });

  test('a period lies within itself and the periods around it, not in its neighbours', () => {
    expect(periodWithin(period('2024-03'), period('2024-03'))).toBe(true);
    expect(periodWithin(period('2024-03'), period('2024-Q1'))).toBe(true);
    expect(periodWithin(period('2024-04'), period('2024-Q1'))).toBe(false);
    expect(periodWithin(period('2024-Q1'), period('2024-03'))).toBe(false);
    expect(periodWithin(period('2024-03'), period('2024-W10'))).toBe(false);
  });

  test.each([
    ['2024', '2023'],
    ['2024-H1', '2023-H2'],
    ['2024-Q1', '2023-Q4'],
    ['2024-01', '2023-12'],
    ['2024-W10', '2024-W09'],
    ['2021-W01', '2020-W53'],
  ])('the period before %s is %s', (text, before) => {
    expect(previousPeriod(period(text)).text).toBe(before);
  });
});
