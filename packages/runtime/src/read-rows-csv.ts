/**
 * Reads data rows from CSV text with csv-parse: a header naming the seven columns (in any
 * order, other columns ignored), then one record per row. Quoted fields may hold commas and
 * line breaks, and spaces around a field (quoted or not) are ignored; a byte-order mark is
 * skipped; empty lines, and lines of empty fields only, are skipped and not counted.
 */
import { parse } from 'csv-parse/sync';
import { COLUMNS, DataFileError, type Column, type RowsRead } from './data-row.js';

/**
 * Reads CSV text. Row 1 is the first record after the header; `line` says where each record
 * starts in the file. A record with fewer or more fields than the header is rejected; a file
 * that is not CSV, or whose header lacks a column, throws a `DataFileError` with its line.
 * Neither message quotes a field, so they can go to logs.
 */
export function readRowsCsv(text: string): RowsRead {
  const records = parseRecords(text);
  const [header, ...body] = records;
  if (header === undefined)
    throw new DataFileError(`The file has no header: ${COLUMNS.join(',')}.`);
  const positions = headerPositions(header.fields);

  const result: RowsRead = { rows: [], rejected: [] };
  for (const [index, record] of body.entries()) {
    const row = index + 1;
    if (record.fields.length !== header.fields.length) {
      const missing = COLUMNS.find((column) => positions[column] >= record.fields.length);
      result.rejected.push({
        row,
        line: record.line,
        column: missing ?? null,
        person: null,
        code: 'field-count',
        reason:
          `The record has ${record.fields.length} fields; the header has ` +
          `${header.fields.length}.`,
      });
      continue;
    }

    const field = (column: Column): string => record.fields[positions[column]] ?? '';
    result.rows.push({
      row,
      line: record.line,
      person: field('person'),
      org_unit: field('org_unit'),
      position: field('position'),
      context: field('context'),
      period: field('period'),
      measure: field('measure'),
      value: field('value'),
    });
  }
  return result;
}

interface CsvRecord {
  fields: string[];
  line: number;
}

function parseRecords(text: string): CsvRecord[] {
  // csv-parse counts a CRLF inside a quoted field as two lines, in the record and in every
  // record after it; `overcount` takes back those seen so far.
  let overcount = 0;
  // Each record is cut down to its fields and line as it is read: csv-parse's own record,
  // with its raw text and a dozen counters, costs about a kilobyte a row.
  const toRecord = ({ record, raw, info }: ParsedRecord): CsvRecord => {
    // `info.lines` is the line the record ends on; count back over the line breaks inside it.
    // `raw` may start with the empty lines skipped before the record. Any CRLF left inside
    // it lies within quotes, since the record's own delimiter is cut off.
    const inner = raw.replace(/^(?:\r?\n|\r)+/, '').replace(/(?:\r?\n|\r)$/, '');
    const breaks = inner.match(/\r?\n|\r/g)?.length ?? 0;
    overcount += inner.match(/\r\n/g)?.length ?? 0;
    return { fields: record, line: info.lines - overcount - breaks };
  };

  try {
    // With `info` and `raw`, csv-parse hands each record over with them, which its types miss.
    return parse(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      // Spaces and tabs around a field are ignored, so `a, "b, c" ,d` is three fields rather
      // than a quote in the middle of one; the spaces inside quotes are kept.
      trim: true,
      on_record: (parsed) => toRecord(parsed as unknown as ParsedRecord) as unknown as string[],
    }) as unknown as CsvRecord[];
  } catch (error) {
    throw csvError(error, overcount);
  }
}

/** What csv-parse hands over for a record with `info` and `raw`. */
interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

function headerPositions(header: readonly string[]): Record<Column, number> {
  const names = header.map((name) => name.trim());
  if (names.length === 1 && names[0]?.includes(';')) {
    throw new DataFileError(
      'The header is one column holding ";": the file separates its columns with ";", ' +
        'and only "," is read.',
      1,
    );
  }

  // Only the seven columns must be named once: other columns are ignored, so a header that
  // ends in unnamed columns (the trailing commas of a spreadsheet export) is read.
  const duplicate = COLUMNS.find((column) => names.indexOf(column) !== names.lastIndexOf(column));
  if (duplicate !== undefined) throw new DataFileError(`The header names "${duplicate}" twice.`, 1);
  const missing = COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new DataFileError(
      `The header lacks ${missing.map((column) => `"${column}"`).join(', ')}; ` +
        `it must name ${COLUMNS.join(',')}.`,
      1,
    );
  }

  return Object.fromEntries(COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    Column,
    number
  >;
}

/**
 * csv-parse's messages quote field values; ours name the line and the kind of problem only.
 * `overcount` is the number of lines csv-parse has counted twice in the records before.
 */
function csvError(error: unknown, overcount: number): DataFileError {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const lines =
    typeof error === 'object' &&
    error !== null &&
    'lines' in error &&
    typeof error.lines === 'number'
      ? error.lines - overcount
      : null;
  const problem = CSV_PROBLEMS[code] ?? `the file is not valid CSV (${code || 'unknown error'})`;
  return new DataFileError(`${problem[0]?.toUpperCase() ?? ''}${problem.slice(1)}.`, lines);
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed before the end of the file',
  INVALID_OPENING_QUOTE: 'a quote opens in the middle of a field',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text after its closing quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field has text after its closing quote',
  CSV_MAX_RECORD_SIZE: 'a record is too long',
};
