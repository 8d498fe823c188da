/**
 * The readers: CSV through csv-parse and JSON arrays, each row numbered from 1, structural
 * problems as rejections or as a DataFileError with its line.
 */
import { describe, expect, test } from 'vitest';
import { DataFileError, readRowsCsv, readRowsJson } from '@kpilang/runtime';

const HEADER = 'person,org_unit,position,context,period,measure,value';

describe('readRowsCsv', () => {
  test(
    'reads each record after the header as a row, numbered from 1, with the line it starts ' + 'on',
    () => {
      const text =
        `\ufeff${HEADER}\r\np1,"Phòng, Tổ ` +
        `chức",officer,,2024-Q1,tasks_total,20\r\n\r\np2,"two\nlines",officer,dak_lak,2024-Q1,tasks_total,\r\n,,,,,,\r\np3,u,officer,,2024-Q1,m," 7 "\r\n`;
      const { rows, rejected } = readRowsCsv(text);
      expect(rejected).toEqual([]);
      expect(rows).toEqual([
        {
          row: 1,
          line: 2,
          person: 'p1',
          org_unit: 'Phòng, Tổ chức',
          position: 'officer',
          context: '',
          period: '2024-Q1',
          measure: 'tasks_total',
          value: '20',
        },
        {
          row: 2,
          line: 4,
          person: 'p2',
          org_unit: 'two\nlines',
          position: 'officer',
          context: 'dak_lak',
          period: '2024-Q1',
          measure: 'tasks_total',
          value: '',
        },
        // The line of empty fields is skipped and not counted.
        {
          row: 3,
          line: 7,
          person: 'p3',
          org_unit: 'u',
          position: 'officer',
          context: '',
          period: '2024-Q1',
          measure: 'm',
          value: ' 7 ',
        },
      ]);
    },
  );

  test('a line break written as CRLF inside a quoted field counts as one line', () => {
    // csv-parse counts such a break twice; every record after it would otherwise be placed a
    // line too far down.
    const text = `${HEADER}\r\np1,"two\r\nlines",officer,,2024-Q1,m,1\r\np2,"three\r\n\r\nlines",officer,,2024-Q1,m,2\r\np3,u,officer,,2024-Q1,m,3\r\n`;
    expect(readRowsCsv(text).rows.map((row) => [row.person, row.line])).toEqual([
      ['p1', 2],
      ['p2', 4],
      ['p3', 7],
    ]);
  });

  test('columns may come in any order, and other columns are ignored', () => {
    const { rows } = readRowsCsv(
      'value,note,measure,period,context,position,org_unit,person\n5,hello,m,2024,,p,u,x\n',
    );
    expect(rows[0]).toMatchObject({
      person: 'x',
      position: 'p',
      measure: 'm',
      period: '2024',
      value: '5',
    });
  });

  test(
    'a record with fewer or more fields than the header is rejected, naming the first ' +
      'missing column',
    () => {
      const { rows, rejected } = readRowsCsv(
        `${HEADER}\nx,u,p,,2024\nx,u,p,,2024,m,1\nx,u,p,,2024,m,1,extra\n`,
      );
      expect(rows.map((row) => row.row)).toEqual([2]);
      expect(rejected).toEqual([
        {
          row: 1,
          line: 2,
          column: 'measure',
          person: null,
          code: 'field-count',
          reason: 'The record has 5 fields; the header has 7.',
        },
        {
          row: 3,
          line: 4,
          column: null,
          person: null,
          code: 'field-count',
          reason: 'The record has 8 fields; the header has 7.',
        },
      ]);
    },
  );

  test('a header may end in unnamed columns, and may name other columns twice', () => {
    // Spreadsheets export trailing empty columns as trailing commas; only the seven matter.
    const { rows, rejected } = readRowsCsv(
      `${HEADER},,,note,note\np1,u,officer,,2024-Q1,m,7,,,a,b\n`,
    );
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.person, row.value])).toEqual([['p1', '7']]);
  });

  test('a header naming one of the seven columns twice is a file error', () => {
    expect(() => readRowsCsv(`${HEADER},value\n`)).toThrow(
      new DataFileError('The header names "value" twice.', 1),
    );
  });

  test('spaces around a quoted field are ignored like spaces around any field', () => {
    const { rows, rejected } = readRowsCsv(
      `${HEADER}\r\np1, "Phòng, Tổ chức" ,officer, ,2024-Q1 , m ,\t" 7 ` +
        `"\r\np2,"two\nlines",officer,,2024-Q1,m,8\r\n`,
    );
    expect(rejected).toEqual([]);
    expect(rows.map((row) => [row.line, row.person, row.org_unit, row.period, row.value])).toEqual([
      [2, 'p1', 'Phòng, Tổ chức', '2024-Q1', ' 7 '],
      [3, 'p2', 'two\nlines', '2024-Q1', '8'],
    ]);
  });

  test('a header without a required column is a file error', () => {
    expect(() => readRowsCsv('person,position,period,measure,value\n')).toThrow(
      new DataFileError(
        'The header lacks "org_unit", "context"; it must name ' +
          'person,org_unit,position,context,period,measure,value.',
        1,
      ),
    );
  });

  test('a file separated by semicolons is refused with that reason', () => {
    expect(() => readRowsCsv('person;org_unit;position;context;period;measure;value\n')).toThrow(
      /separates its columns with ";"/,
    );
  });

  test('an empty file has no header', () => {
    expect(() => readRowsCsv('')).toThrow(DataFileError);
  });

  test('a file error after a CRLF inside a quoted field names the right line', () => {
    expect(() =>
      readRowsCsv(`${HEADER}\r\np1,"two\r\nlines",p,,2024,m,1\r\np2,u,p,,2024,m,1"x"\r\n`),
    ).toThrow(new DataFileError('A quote opens in the middle of a field.', 4));
  });

  test('a quote left open is a file error on its line, without quoting the data', () => {
    let error: unknown;
    try {
      readRowsCsv(`${HEADER}\nx,u,p,,2024,m,1\nx,u,p,,2024,m,"12345\n`);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toBe(
      'Line 3: A quoted field is not closed before the end of the file.',
    );
    expect((error as DataFileError).line).toBe(3);
  });
});

describe('readRowsJson', () => {
  test('reads an array of objects; context may be absent and value null', () => {
    const { rows, rejected } = readRowsJson([
      {
        person: 'x',
        org_unit: 'u',
        position: 'p',
        context: 'c',
        period: '2024-Q1',
        measure: 'm',
        value: '19.5',
        note: 1,
      },
      { person: 'y', org_unit: '', position: 'p', period: '2024-Q1', measure: 'm', value: null },
    ]);
    expect(rejected).toEqual([]);
    expect(rows).toEqual([
      {
        row: 1,
        line: null,
        person: 'x',
        org_unit: 'u',
        position: 'p',
        context: 'c',
        period: '2024-Q1',
        measure: 'm',
        value: '19.5',
      },
      {
        row: 2,
        line: null,
        person: 'y',
        org_unit: '',
        position: 'p',
        context: '',
        period: '2024-Q1',
        measure: 'm',
        value: '',
      },
    ]);
  });

  test(
    'rejects an element that is not an object, a missing column and a value that is not a ' +
      'string',
    () => {
      const base = {
        person: 'x',
        org_unit: 'u',
        position: 'p',
        period: '2024-Q1',
        measure: 'm',
        value: '1',
      };
      const { rows, rejected } = readRowsJson([
        'x,u,p',
        { ...base, measure: undefined },
        { ...base, value: 19.5 },
        { ...base, period: ['2024-Q1'] },
        base,
      ]);
      expect(rows.map((row) => row.row)).toEqual([5]);
      expect(rejected).toEqual([
        {
          row: 1,
          line: null,
          column: null,
          person: null,
          code: 'not-an-object',
          reason: 'The row is not a JSON object.',
        },
        {
          row: 2,
          line: null,
          column: 'measure',
          person: 'x',
          code: 'missing-column',
          reason: 'The row has no "measure".',
        },
        {
          row: 3,
          line: null,
          column: 'value',
          person: 'x',
          code: 'not-text',
          reason:
            '"value" must be a string. Write numbers as strings, such as "95.5": a JSON number ' +
            'passes through binary floating point.',
        },
        {
          row: 4,
          line: null,
          column: 'period',
          person: 'x',
          code: 'not-text',
          reason: '"period" must be a string.',
        },
      ]);
    },
  );

  test('a document that is not an array is a file error', () => {
    expect(() => readRowsJson({ rows: [] })).toThrow(DataFileError);
  });
});
