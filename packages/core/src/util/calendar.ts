/**
 * Calendar dates as the language writes them, `YYYY-MM-DD` (the lexer's date token): which
 * ones are real days of the Gregorian calendar, and, for the others, the reason in words.
 * Used by the checker on the framework's `effective` date (KPI012). No `Date` object is
 * involved, so no time zone or host setting can shift a day.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Undefined when `text` is a real day written `YYYY-MM-DD`; otherwise why it is not, as a
 * clause a message can quote: "there is no month 13", "February 2023 has 28 days".
 */
export function calendarProblem(text: string): string | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match) return 'a date is written year-month-day, as 2024-07-01';
  const [, yearText = '', monthText = '', dayText = ''] = match;
  const year = Number(yearText);
  const month = Number(monthText);
  const day = Number(dayText);

  if (month < 1 || month > 12) return `there is no month ${monthText}`;
  if (day < 1) return `there is no day ${dayText}`;
  const length = daysInMonth(year, month);
  if (day > length) return `${MONTHS[month - 1]} ${yearText} has ${length} days`;
  return undefined;
}

/**
 * The same date with month and day exchanged, when that alone makes it real: `2024-13-05`
 * gives `2024-05-13`, as written by someone used to day-before-month dates. Otherwise
 * undefined.
 */
export function swappedDate(text: string): string | undefined {
  const match = DATE_TEXT.exec(text);
  if (!match || !calendarProblem(text)) return undefined;
  const [, year = '', month = '', day = ''] = match;
  const swapped = `${year}-${day}-${month}`;
  return calendarProblem(swapped) ? undefined : swapped;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Gregorian: every fourth year, except centuries, except every fourth century. */
function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
