/**
 * Reads data rows from a parsed JSON value: an array of objects with the seven columns as
 * fields. Every field is a string; `context` may be left out or null (no context) and `value`
 * may be null (a blank cell). Other fields are ignored.
 */
import { COLUMNS, DataFileError, type Column, type RowsRead } from './data-row.js';

/** Columns that may be left out or null, and what they then hold. */
const OPTIONAL: Partial<Record<Column, string>> = { context: '', value: '' };

/**
 * Reads the value of a JSON document (`JSON.parse` it first). Row 1 is the array's first
 * element. An element that is not an object, lacks a column or holds a non-string (a JSON
 * number included: it has already passed through binary floating point) is rejected with its
 * row and column; a value that is not an array throws a `DataFileError`.
 */
export function readRowsJson(value: unknown): RowsRead {
  if (!Array.isArray(value)) {
    throw new DataFileError('The JSON data is not an array of rows.');
  }

  const result: RowsRead = { rows: [], rejected: [] };
  for (const [index, element] of value.entries()) {
    const row = index + 1;
    if (typeof element !== 'object' || element === null || Array.isArray(element)) {
      result.rejected.push({
        row,
        line: null,
        column: null,
        person: null,
        code: 'not-an-object',
        reason: 'The row is not a JSON object.',
      });
      continue;
    }

    const fields = element as Record<string, unknown>;
    const person = typeof fields.person === 'string' ? fields.person : null;
    const problem = COLUMNS.map((column) => checkField(column, fields[column])).find(
      (found) => found !== undefined,
    );
    if (problem !== undefined) {
      result.rejected.push({ row, line: null, person, ...problem });
      continue;
    }

    const text = (column: Column): string => {
      const field = fields[column];
      return typeof field === 'string' ? field : (OPTIONAL[column] ?? '');
    };
    result.rows.push({
      row,
      line: null,
      person: text('person'),
      org_unit: text('org_unit'),
      position: text('position'),
      context: text('context'),
      period: text('period'),
      measure: text('measure'),
      value: text('value'),
    });
  }
  return result;
}

function checkField(
  column: Column,
  field: unknown,
): { column: Column; code: 'missing-column' | 'not-text'; reason: string } | undefined {
  if (typeof field === 'string') return undefined;
  if (field === undefined || field === null) {
    if (column in OPTIONAL) return undefined;
    return { column, code: 'missing-column', reason: `The row has no "${column}".` };
  }
  const hint =
    typeof field === 'number'
      ? ' Write numbers as strings, such as "95.5": a JSON number passes through binary ' +
        'floating point.'
      : '';
  return { column, code: 'not-text', reason: `"${column}" must be a string.${hint}` };
}
