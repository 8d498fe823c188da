/**
 * One minimal input per syntax code, KPI001 to KPI006, with the range each one reports.
 */
import { describe, expect, test } from 'vitest';
import { decodeSource } from '../../src/syntax/decode.js';
import { find, parseKpi, summary } from './helpers.js';

const at = (line: number, start: number, end: number) => ({
  start: { line, character: start },
  end: { line, character: end },
});

describe('syntax codes', () => {
  test('KPI001 reports a token the grammar does not allow there', () => {
    const result = parseKpi('levels { good "Tốt" points }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "Missing a number after 'points'.",
        range: at(0, 26, 26),
      },
    ]);
  });

  test('KPI002 reports each run of characters outside the language once, and lexing goes on', () => {
    const result = parseKpi('kpi a "A" { target >= 95 ^ } @@@ # kpi b "B" { }');
    expect(summary(result.diagnostics)).toEqual([
      { code: 'KPI002', message: "'^' is not part of the language here.", range: at(0, 25, 26) },
      { code: 'KPI002', message: "'@@@' is not part of the language here.", range: at(0, 29, 32) },
      { code: 'KPI002', message: "'#' is not part of the language here.", range: at(0, 33, 34) },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').target?.condition).toMatchObject({
      value: { text: '95' },
    });
    expect(find(result.file, 'KpiDecl', 'b').range.start).toEqual({ line: 0, character: 35 });
  });

  test('KPI002 covers a non-ASCII letter in a name, as a whole surrogate pair', () => {
    const result = parseKpi('goal g😊 "G"');
    expect(summary(result.diagnostics)).toEqual([
      { code: 'KPI002', message: "'😊' is not part of the language here.", range: at(0, 6, 8) },
    ]);
  });

  test('KPI002 names an invisible character by its code, as pasted from a word processor', () => {
    const result = parseKpi('goal g "G"\n\ufeffgoal h "H" \u200b@\u0000');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI002',
        message: "'<U+FEFF>' is not part of the language here.",
        range: at(1, 0, 1),
      },
      {
        code: 'KPI002',
        message: "'<U+200B>@<U+0000>' is not part of the language here.",
        range: at(1, 12, 15),
      },
    ]);
  });

  test('KPI003 reports a string with no closing quote on its line, and parsing goes on', () => {
    const result = parseKpi('kpi a "Tỷ lệ\n{ unit percent }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI003',
        message: 'This text has no closing quote on its line.',
        range: at(0, 6, 12),
      },
    ]);
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.label?.vi.value).toBe('Tỷ lệ');
    expect(kpi.unit?.name?.text).toBe('percent');
  });

  test('KPI004 reports a formula nested deeper than 64 levels at the first level too many', () => {
    const depth = 65;
    const text = `kpi a "A" { measure ${'('.repeat(depth)}x${')'.repeat(depth)} unit percent }`;
    const result = parseKpi(text);
    const first = 'kpi a "A" { measure '.length + 64;
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI004',
        message: 'The formula is nested too deep (more than 64 levels of brackets or operators).',
        range: at(0, first, first + 1),
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');
  });

  test('KPI004 is not reported at exactly 64 levels', () => {
    const text = `kpi a "A" { measure ${'('.repeat(64)}x${')'.repeat(64)} }`;
    expect(parseKpi(text).diagnostics).toEqual([]);
    const chain = `kpi a "A" { measure ${Array.from({ length: 65 }, (_, index) => `m${index}`).join(' + ')} }`;
    expect(parseKpi(chain).diagnostics).toEqual([]);
  });

  test('KPI004 reports a chain of operators longer than 64, and drops that formula', () => {
    const chain = Array.from({ length: 66 }, (_, index) => `m${index}`).join(' + ');
    const result = parseKpi(`kpi a "A" { measure ${chain} unit percent }`);
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI004',
        message: 'The formula is nested too deep (more than 64 levels of brackets or operators).',
        range: at(0, 20, 21),
      },
    ]);
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(
      kpi.measurement?.kind === 'FormulaMeasurement' && kpi.measurement.formula,
    ).toBeUndefined();
    expect(kpi.unit?.name?.text).toBe('percent');
  });

  test('KPI005 reports a file that is not UTF-8, naming the file and the first bad byte', () => {
    const bytes = Uint8Array.from([0x6b, 0x70, 0x69, 0x20, 0xb8, 0xe3]);
    const decoded = decodeSource(bytes, 'examples/old.kpi');
    expect(decoded.text).toBe('kpi \uFFFD\uFFFD');
    expect(summary(decoded.diagnostics)).toEqual([
      {
        code: 'KPI005',
        message:
          'examples/old.kpi is not valid UTF-8 (first bad byte at offset 4, shown as \uFFFD). ' +
          'Save it as UTF-8; old Vietnamese encodings such as Windows-1258, TCVN3 or VNI are not read.',
        range: at(0, 4, 5),
      },
    ]);
  });

  test('KPI006 reports a field given twice at the repeat, and keeps the first', () => {
    const result = parseKpi('kpi a "A" { unit percent unit count }');
    expect(summary(result.diagnostics)).toEqual([
      { code: 'KPI006', message: "'unit' is given twice here; keep one.", range: at(0, 25, 35) },
    ]);
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.unit?.name?.text).toBe('percent');
    expect(kpi.repeated).toEqual([{ keyword: 'unit', range: at(0, 25, 35) }]);
  });

  test('KPI006 applies to the framework header and to two-word fields', () => {
    const result = parseKpi(
      'framework f "F" { cycle quarterly missing data exclude cycle monthly missing data lowest }',
    );
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "'cycle' is given twice here; keep one.",
      "'missing data' is given twice here; keep one.",
    ]);
    const framework = find(result.file, 'FrameworkDecl', 'f');
    expect(framework.cycle?.value?.text).toBe('quarterly');
    expect(framework.missingData?.value?.text).toBe('exclude');
    expect(framework.repeated.map((entry) => entry.keyword)).toEqual(['cycle', 'missing data']);
  });

  test('an unclosed block comment is reported at its opening and hides the rest', () => {
    const result = parseKpi('goal g "G"\n/* never closed\nkpi a "A" { }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "This comment has no closing '*/'; everything after it is ignored.",
        range: at(1, 0, 2),
      },
    ]);
    expect(result.file.declarations.map((declaration) => declaration.kind)).toEqual(['GoalDecl']);
  });
});
