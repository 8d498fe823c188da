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
    expect(fix?.edits).toEqual([
      { uri: 'test.kpi', range: rangeOf(text, '“Tỷ lệ”'), newText: '"Tỷ lệ"' },
    ]);
  });
});

describe('a name written with Vietnamese letters', () => {
  const text = 'kpi tỷ_lệ "A" { unit percent }\nkpi Đơn_giá "B" { unit count }';
  const result = parseKpi(text);

  test('gives one diagnostic per name, suggesting the name without accents', () => {
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message:
          "Names use ASCII letters, digits and '_' (for example 'ty_le'); " +
          'put the Vietnamese text in the label.',
        range: rangeOf(text, 'tỷ_lệ'),
      },
      {
        code: 'KPI001',
        message:
          "Names use ASCII letters, digits and '_' (for example 'Don_gia'); " +
          'put the Vietnamese text in the label.',
        range: rangeOf(text, 'Đơn_giá'),
      },
    ]);
  });

  test('is read as the name, and the rest of the declaration parses', () => {
    expect(find(result.file, 'KpiDecl', 'tỷ_lệ').unit?.name?.text).toBe('percent');
    expect(find(result.file, 'KpiDecl', 'Đơn_giá').unit?.name?.text).toBe('count');
  });

  test('leaves keywords and ASCII names as they were', () => {
    const plain = parseKpi('kpi ty_le "A" { unit percent }');
    expect(plain.diagnostics).toEqual([]);
  });
});

describe('a decimal comma', () => {
  const text = 'kpi a "A" { unit percent target >= 95,5% every month }';
  const result = parseKpi(text);

  test('gives one diagnostic over the number, asking for a dot', () => {
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: 'Write decimals with a dot: 95.5%.',
        range: rangeOf(text, '95,5%'),
      },
    ]);
    const fix = result.diagnostics[0]?.fixes?.[0];
    expect(fix?.edits).toEqual([
      { uri: 'test.kpi', range: rangeOf(text, '95,5%'), newText: '95.5%' },
    ]);
  });

  test('is read as the decimal it means, and the fields after it parse', () => {
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.target?.condition).toMatchObject({ op: '>=', value: { suffix: '%' } });
    const value =
      kpi.target?.condition?.kind === 'Comparison' ? kpi.target.condition.value : undefined;
    expect(value?.text).toBe('95.5%');
    expect(value?.value).toEqual({ units: 955n, scale: 1 });
    expect(value?.range).toEqual(rangeOf(text, '95,5%'));
    expect(kpi.every?.value?.text).toBe('month');
  });

  test('is not read in a list of group members, nor with a space after the comma', () => {
    expect(parseKpi('group g "G" { a, b }').diagnostics).toEqual([]);
    const spaced = parseKpi('kpi a "A" { target >= 95, 5% }').diagnostics;
    expect(spaced.map((diagnostic) => diagnostic.message).join(' ')).not.toContain('dot');
  });
});

describe('a space before the percent sign', () => {
  const text = 'kpi a "A" { unit percent target <= 95 % every month }';
  const result = parseKpi(text);

  test('gives one diagnostic over the number, asking for no space', () => {
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "Write 95% with no space before '%'.",
        range: rangeOf(text, '95 %'),
      },
    ]);
    const fix = result.diagnostics[0]?.fixes?.[0];
    expect(fix?.edits).toEqual([{ uri: 'test.kpi', range: rangeOf(text, '95 %'), newText: '95%' }]);
  });

  test('is read as a percentage, and the fields after it parse', () => {
    const kpi = find(result.file, 'KpiDecl', 'a');
    const value =
      kpi.target?.condition?.kind === 'Comparison' ? kpi.target.condition.value : undefined;
    expect(value).toMatchObject({ text: '95%', suffix: '%', value: { units: 95n, scale: 0 } });
    expect(kpi.every?.value?.text).toBe('month');
  });
});

describe('a word of the language used as a name', () => {
  const text = 'kpi source "Nguồn" { unit percent }\nkpi b "B" { unit count }';
  const result = parseKpi(text);

  test('gives one diagnostic saying the word is taken, with another name to use', () => {
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message:
          "'source' is a word of the language and cannot be a name; " +
          "choose another (for example 'source_kpi').",
        range: rangeOf(text, 'source'),
      },
    ]);
  });

  test('does not hide the declarations after it', () => {
    expect(find(result.file, 'KpiDecl', 'b').unit?.name?.text).toBe('count');
  });
});
