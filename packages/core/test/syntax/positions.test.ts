/**
 * Positions as LSP counts them: UTF-16 columns (B06), CRLF files read like their LF twins
 * (B05), and a byte-order mark shifts nothing (B08).
 */
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../src/syntax/decode.js';
import type { ParseResult } from '../../src/syntax/parse.js';
import { allRanges, find, parseKpi } from './helpers.js';

const B03_LINES = [
  'position p "P" in { task_completion weight 30% }',
  'kpi k "K" { unit percent bands { good >= } }',
  'kpi z "Z" { target >= 120% }',
];

/** Every range of the tree and of the diagnostics, in a stable order. */
function rangesOf(result: ParseResult): unknown[] {
  return [
    ...allRanges(result.file).sort((a, b) => (a.path < b.path ? -1 : 1)),
    ...result.diagnostics.map((diagnostic) => [
      diagnostic.code,
      diagnostic.message,
      diagnostic.range,
    ]),
  ];
}

describe('UTF-16 columns (B06)', () => {
  const text = 'kpi sat "Tỷ lệ hài lòng 😊" { unit likert5 target >= 6 }';
  const result = parseKpi(text);

  test('the value after an emoji and Vietnamese diacritics is at UTF-16 column 53', () => {
    const target = find(result.file, 'KpiDecl', 'sat').target?.condition;
    const value = target?.kind === 'Comparison' ? target.value : undefined;
    expect(value?.range).toEqual({
      start: { line: 0, character: 53 },
      end: { line: 0, character: 54 },
    });
    expect([...text.slice(0, 53)]).toHaveLength(52);
    expect(new TextEncoder().encode(text.slice(0, 53))).toHaveLength(61);
  });

  test('the label spans 17 UTF-16 units including its quotes and the surrogate pair', () => {
    const label = find(result.file, 'KpiDecl', 'sat').label;
    expect(label?.range).toEqual({
      start: { line: 0, character: 8 },
      end: { line: 0, character: 27 },
    });
    expect(label?.vi.value).toHaveLength(17);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('CRLF line endings (B05)', () => {
  const lf = parseKpi(B03_LINES.join('\n') + '\n');
  const crlfText = B03_LINES.join('\r\n') + '\r\n';
  const crlf = parseKpi(crlfText);
  const cr = parseKpi(B03_LINES.join('\r') + '\r');

  test('a CRLF file gives the same ranges as its LF twin, in the tree and in diagnostics', () => {
    expect(lf.diagnostics.length).toBeGreaterThan(0);
    expect(rangesOf(crlf)).toEqual(rangesOf(lf));
  });

  test('old Mac CR line endings count as line breaks too', () => {
    expect(rangesOf(cr)).toEqual(rangesOf(lf));
  });

  test('no position falls between a CR and its LF, or past the end of its line', () => {
    const positions = [
      ...allRanges(crlf.file).flatMap(({ range }) => [range.start, range.end]),
      ...crlf.diagnostics.flatMap(({ range }) => [range.start, range.end]),
    ];
    expect(positions.length).toBeGreaterThan(20);
    for (const position of positions) {
      const offset = crlf.lineMap.offsetAt(position);
      expect(crlfText[offset - 1] === '\r' && crlfText[offset] === '\n').toBe(false);
      expect(position.character).toBeLessThanOrEqual(crlf.lineMap.lineText(position.line).length);
    }
  });

  test('the end of line 1 is on line 1, not on line 2', () => {
    const position = find(crlf.file, 'PositionDecl', 'p');
    expect(position.range.end).toEqual({ line: 0, character: B03_LINES[0]?.length });
  });
});

describe('byte-order mark (B08)', () => {
  const text = 'framework cema "Ủy ban Dân tộc" {\n  cycle quarterly\n}\n';

  test('decoding drops a UTF-8 BOM and keeps the text otherwise as it is', () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(text.replace(/\n/g, '\r\n')),
    ]);
    const decoded = decodeSource(bytes, 'cema.kpi');
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.text).toBe(text.replace(/\n/g, '\r\n'));
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  test('parsing text that still starts with U+FEFF reads like the text without it', () => {
    const plain = parseKpi(text);
    const withBom = parseKpi(`\ufeff${text}`);
    expect(withBom.diagnostics).toEqual([]);
    expect(rangesOf(withBom)).toEqual(rangesOf(plain));
    expect(find(withBom.file, 'FrameworkDecl').id?.range.start).toEqual({ line: 0, character: 10 });
  });

  test('a U+FEFF anywhere else is not part of the language', () => {
    const result = parseKpi(`goal g "G"\n\ufeffgoal h "H"`);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['KPI002']);
    expect(result.file.declarations).toHaveLength(2);
  });
});
