/**
 * A block whose `}` is missing: the diagnostic names the block and the line of its `{`, sits on
 * that `{` (an editor shows it there, not on an empty last line), offers to add the `}`, and
 * the rest of the file is still read.
 */
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { find, parseKpi, positionOf, summary } from './helpers.js';

/** The range of the `{` at `offset`, counted by hand. */
function braceAt(text: string, offset: number) {
  expect(text[offset]).toBe('{');
  return { start: positionOf(text, offset), end: positionOf(text, offset + 1) };
}

/** The text after applying every edit of the diagnostic's one fix (edits in one file). */
function applyFix(text: string, diagnostic: Diagnostic | undefined): string {
  expect(diagnostic?.fixes).toHaveLength(1);
  const edits = diagnostic?.fixes?.[0]?.edits ?? [];
  const lines = text.split('\n');
  const offsetOf = (line: number, character: number) =>
    lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  let result = text;
  for (const edit of [...edits].reverse()) {
    const start = offsetOf(edit.range.start.line, edit.range.start.character);
    const end = offsetOf(edit.range.end.line, edit.range.end.character);
    result = result.slice(0, start) + edit.newText + result.slice(end);
  }
  return result;
}

describe('a block left open at the end of the file', () => {
  test('a kpi is reported at its { with its name and line, and the fix adds } at the end', () => {
    const text = 'kpi a "A" {\n  unit percent\n';
    const result = parseKpi(text);

    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "The 'kpi' block of 'a', opened at line 1, is not closed: add '}'.",
        range: braceAt(text, text.indexOf('{')),
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');

    const fixed = applyFix(text, result.diagnostics[0]);
    expect(fixed).toBe('kpi a "A" {\n  unit percent\n}\n');
    expect(parseKpi(fixed).diagnostics).toEqual([]);
  });

  test('a file without a final line break gets the } on a line of its own', () => {
    const text = 'kpi a "A" {\n  unit percent';
    const result = parseKpi(text);

    expect(result.diagnostics[0]?.range).toEqual(braceAt(text, text.indexOf('{')));
    const fixed = applyFix(text, result.diagnostics[0]);
    expect(fixed.endsWith('unit percent\n}\n')).toBe(true);
    expect(parseKpi(fixed).diagnostics).toEqual([]);
  });

  test('bands inside a kpi: the innermost open block, the bands, is reported', () => {
    const text = 'kpi a "A" {\n  unit percent\n  bands {\n    excellent > 95%\n';
    const result = parseKpi(text);

    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "The 'bands' block of 'a', opened at line 3, is not closed: add '}'.",
        range: braceAt(text, text.indexOf('{', text.indexOf('bands'))),
      },
    ]);
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.unit?.name?.text).toBe('percent');
    expect(kpi.bands?.bands.map((band) => band.level?.text)).toEqual(['excellent']);
  });
});

describe('a block left open before the next declaration', () => {
  test('a kpi missing its } is reported at its {, and the next kpi is still read', () => {
    const text = 'kpi a "A" {\n  unit percent\nkpi b "B" {\n  unit count\n}\n';
    const result = parseKpi(text);

    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "The 'kpi' block of 'a', opened at line 1, is not closed: add '}'.",
        range: braceAt(text, text.indexOf('{')),
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');
    expect(find(result.file, 'KpiDecl', 'b').unit?.name?.text).toBe('count');

    const fixed = applyFix(text, result.diagnostics[0]);
    expect(fixed).toBe('kpi a "A" {\n  unit percent\n}\nkpi b "B" {\n  unit count\n}\n');
    expect(parseKpi(fixed).diagnostics).toEqual([]);
  });

  test('a position missing its } is reported at its {, and the next kpi is still read', () => {
    const text = 'position p "P" {\n  a weight 100%\nkpi a "A" {\n  unit percent\n}\n';
    const result = parseKpi(text);

    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "The 'position' block of 'p', opened at line 1, is not closed: add '}'.",
        range: braceAt(text, text.indexOf('{')),
      },
    ]);
    const position = find(result.file, 'PositionDecl', 'p');
    expect(position.assignments.map((line) => line.indicator?.text)).toEqual(['a']);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');

    const fixed = applyFix(text, result.diagnostics[0]);
    expect(parseKpi(fixed).diagnostics).toEqual([]);
  });

  test('each kind of block is named in the message', () => {
    const cases: [string, string][] = [
      ['framework f "F" {\n  cycle quarterly\n', "The 'framework' block of 'f', opened at line 1"],
      ['levels {\n  good "G" points 1\n', "The 'levels' block, opened at line 1"],
      ['rating {\n  good "G" >= 1\n', "The 'rating' block, opened at line 1"],
      ['scale s "S" from 1 to 2 {\n  1 "One"\n', "The 'scale' block of 's', opened at line 1"],
      ['group g "G" {\n  a, b\n', "The 'group' block of 'g', opened at line 1"],
      ['context c "C" {\n  a target >= 1\n', "The 'context' block of 'c', opened at line 1"],
      [
        'context c "C" {\n  position p {\n    a weight 1%\n  position q {\n  }\n}\n',
        "The 'position' block of 'p', opened at line 2",
      ],
      [
        'position p "P" {\n  a bands {\n    good > 1\n',
        "The 'bands' block of 'a', opened at line 2",
      ],
    ];
    for (const [block, opening] of cases) {
      const text = `${block}kpi z "Z" { unit count }\n`;
      const result = parseKpi(text);
      expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
        `${opening}, is not closed: add '}'.`,
      ]);
      expect(find(result.file, 'KpiDecl', 'z').unit?.name?.text).toBe('count');
    }
  });
});
