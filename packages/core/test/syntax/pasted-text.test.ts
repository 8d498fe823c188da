/**
 * Lexical mistakes a policy writer makes when pasting from a word processor or writing as in
 * Vietnamese prose: curly quotes, accented names, decimal commas, `95 %`. Each gives one
 * diagnostic, and the rest of the file parses as if it had been written right.
 */
import { describe, expect, test } from 'vitest';
import { find, parseKpi, positionOf, summary } from './helpers.js';

/** The range of the first occurrence of `part` in `text`. */
function rangeOf(text: string, part: string, from = 0) {
  const start = text.indexOf(part, from);
  return { start: positionOf(text, start), end: positionOf(text, start + part.length) };
}

describe('curly quotes pasted from a word processor', () => {
  const text = 'kpi a “Tỷ lệ” / “Rate” { unit percent }';
  const result = parseKpi(text);

  test('give one diagnostic per quoted text, asking for straight quotes', () => {
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: 'Use straight quotes "..." instead of “...”.',
        range: rangeOf(text, '“Tỷ lệ”'),
      },
      {
        code: 'KPI001',
        message: 'Use straight quotes "..." instead of “...”.',
        range: rangeOf(text, '“Rate”'),
      },
    ]);
  });

  test('are read as the label, and the indicator keeps its unit', () => {
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.label?.vi?.value).toBe('Tỷ lệ');
    expect(kpi.label?.en?.value).toBe('Rate');
    expect(kpi.unit?.name?.text).toBe('percent');
  });

  test('offer a fix that writes straight quotes', () => {
    const fix = result.diagnostics[0]?.fixes?.[0];
    expect(fix?.edits).toEqual([{ uri: 'test.kpi', range: rangeOf(text, '“Tỷ lệ”'), newText: '"Tỷ lệ"' }]);
  });
});
