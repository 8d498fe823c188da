/**
 * Property tests: parsing any text never throws and never fails internally, and every range it
 * returns, in diagnostics and in the tree, lies inside the document and never splits a CRLF.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ParseResult } from '../../src/syntax/parse.js';
import type { Position, Range } from '../../src/syntax/source.js';
import { allRanges, parseKpi } from './helpers.js';

/** Pieces of real kpilang, so that generated text gets deep into the grammar. */
const FRAGMENTS = [
  'framework',
  'levels',
  'rating',
  'goal',
  'scale',
  'kpi',
  'group',
  'position',
  'context',
  'version',
  'agency',
  'effective',
  'cycle',
  'missing',
  'data',
  'points',
  'perspective',
  'from',
  'to',
  'under',
  'kind',
  'measure',
  'measurements',
  'unit',
  'per',
  'better',
  'target',
  'bands',
  'every',
  'aggregate',
  'between',
  'source',
  'survey',
  'minimum',
  'responses',
  'in',
  'weight',
  'part',
  'when',
  'rate',
  'quota',
  'at',
  'most',
  'of',
  'within',
  'rank',
  'by',
  'proportional',
  'a',
  'task_completion',
  'excellent',
  'quarterly',
  'percent',
  'min',
  '{',
  '}',
  '(',
  ')',
  ',',
  '..',
  '/',
  '*',
  '+',
  '-',
  '>',
  '>=',
  '≥',
  '<',
  '<=',
  '≤',
  '=',
  '95%',
  '4.0',
  '48h',
  '3d',
  '0',
  '33.3%',
  '2024-01-01',
  '"Tỷ lệ"',
  '"Đắk Lắk 😊"',
  '"a\\"b"',
  '"unterminated',
  '// comment',
  '/* block */',
  '/* open',
  '@',
  '#',
  '\u00a0',
  '\ufeff',
  ' ',
  '\n',
  '\r\n',
  '\r',
  '\t',
];

const fragmentText = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).chain((pieces) =>
  fc
    .array(fc.constantFrom(' ', '', '\n', '\r\n'), {
      minLength: pieces.length,
      maxLength: pieces.length,
    })
    .map((gaps) => pieces.map((piece, index) => piece + (gaps[index] ?? '')).join('')),
);

/** A valid framework with random single-character edits: close to what an editor sends. */
const SAMPLE = [
  'framework f "F" / "F en" { version "1" cycle quarterly missing data exclude }',
  'levels { good "Tốt" points 80 poor "Kém" points 0 }',
  'rating { ok "OK" from 70 to under 90 low "Low" under 70 }',
  'kpi k "Chỉ số" { kind process measure a / (b + c) unit percent better higher',
  '  target >= 95% bands { good 80% .. 100% poor < 80% } every month aggregate mean }',
  'group g "G" { k, k2 }',
  'position p "P" in g { k weight 100% target >= 90% }',
  'context c "C" { k target >= 85% position p { k weight 100% } }',
  'part pa "Phần" points 100',
  'kpi k2 "K2" { unit percent better higher points proportional part pa }',
  'when f "F" in g rate low',
  'quota q "Q" { ok at most 20% of low within unit, group rank by total, pa, k2 }',
].join('\r\n');

const editedSample = fc
  .array(
    fc.record({
      at: fc.nat({ max: SAMPLE.length }),
      remove: fc.nat({ max: 3 }),
      insert: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })),
    }),
    { maxLength: 6 },
  )
  .map((edits) =>
    edits.reduce(
      (text, edit) => text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove),
      SAMPLE,
    ),
  );

function isInside(result: ParseResult, text: string, position: Position): boolean {
  const { line, character } = position;
  if (!Number.isInteger(line) || !Number.isInteger(character)) return false;
  if (line < 0 || line >= result.lineMap.lineCount || character < 0) return false;
  if (character > result.lineMap.lineText(line).length) return false;
  const offset = result.lineMap.offsetAt(position);
  return !(text[offset - 1] === '\r' && text[offset] === '\n');
}

function isOrdered(range: Range): boolean {
  const { start, end } = range;
  return start.line < end.line || (start.line === end.line && start.character <= end.character);
}

/** Parses and checks every range; the text is the one the parser saw (no leading BOM). */
function checkRanges(input: string): void {
  const result = parseKpi(input);
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'KPI901')).toEqual([]);

  const ranges = [
    ...result.diagnostics.map((diagnostic) => ({ path: diagnostic.code, range: diagnostic.range })),
    ...allRanges(result.file),
  ];
  for (const { path, range } of ranges) {
    const ok =
      isInside(result, text, range.start) && isInside(result, text, range.end) && isOrdered(range);
    if (!ok) throw new Error(`${path}: range ${JSON.stringify(range)} is not inside the document`);
  }
}

describe('parseSource on arbitrary input', () => {
  test('never throws on any string of UTF-16 code units, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkRanges), {
      numRuns: 500,
    });
  });

  test('never throws on Unicode text made of graphemes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), checkRanges), {
      numRuns: 300,
    });
  });

  test('never throws on text built from pieces of the grammar, and keeps every range inside', () => {
    fc.assert(fc.property(fragmentText, checkRanges), { numRuns: 1500 });
  });

  test('never throws on a valid framework with random edits, and keeps every range inside', () => {
    fc.assert(fc.property(editedSample, checkRanges), { numRuns: 1500 });
  });

  test('the unedited sample parses without diagnostics, so the edits are what breaks it', () => {
    expect(parseKpi(SAMPLE).diagnostics).toEqual([]);
  });
});
