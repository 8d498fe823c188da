/**
 * Error recovery: one broken declaration must not hide the rest of the file (failure modes B01
 * and B03), and recovery diagnostics land on real text, never on NaN or -1.
 */
import { describe, expect, test } from 'vitest';
import { find, parseKpi, positionOf, summary } from './helpers.js';

describe('recovery from a broken declaration (B01)', () => {
  const text = [
    'kpi a "A" { unit percent better higher target >= 95% every quarter }',
    'kpi b "B" { unit percent better higher target >= = 90% every quarter }',
    'kpi c "C" { unit count better lower target <= 2 every month }',
    'position p "P" { a weight 50%  c weight 50% }',
    'kpi d "D" { unit percent bands { excellent > 95% good 80% ..',
  ].join('\n');
  const result = parseKpi(text);

  test('gives one diagnostic at the second = and one at the end of the file', () => {
    const secondEqual = text.indexOf('= 90%');
    const afterDots = text.length;
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "Expected a number after '>=', not '='.",
        range: { start: positionOf(text, secondEqual), end: positionOf(text, secondEqual + 1) },
      },
      {
        code: 'KPI001',
        message: 'Unexpected end of file, expected a percentage.',
        range: { start: positionOf(text, afterDots), end: positionOf(text, afterDots) },
      },
    ]);
    expect(result.diagnostics[0]?.range.start).toEqual({ line: 1, character: 49 });
  });

  test('keeps kpi a, kpi c, position p and the excellent band of kpi d', () => {
    const file = result.file;
    expect(find(file, 'KpiDecl', 'a').target?.condition).toMatchObject({
      op: '>=',
      value: { text: '95%' },
    });
    expect(find(file, 'KpiDecl', 'c').every?.value?.text).toBe('month');
    const position = find(file, 'PositionDecl', 'p');
    expect(position.assignments.map((line) => [line.indicator.text, line.weight?.text])).toEqual([
      ['a', '50%'],
      ['c', '50%'],
    ]);
    const bands = find(file, 'KpiDecl', 'd').bands?.bands ?? [];
    expect(bands[0]).toMatchObject({
      level: { text: 'excellent' },
      condition: { op: '>', value: { text: '95%' } },
    });
    expect(bands[1]).toMatchObject({
      level: { text: 'good' },
      condition: { kind: 'Between', low: { text: '80%' } },
    });
    expect(bands[1]?.condition?.kind === 'Between' && bands[1].condition.high).toBeUndefined();
  });

  test('keeps the repaired target of kpi b and the fields after it', () => {
    const b = find(result.file, 'KpiDecl', 'b');
    expect(b.target?.condition).toMatchObject({ op: '>=', value: { text: '90%' } });
    expect(b.every?.value?.text).toBe('quarter');
  });

  test('says "a number" when the low end of the range is not a percentage', () => {
    const plain = parseKpi('kpi d "D" { bands { good 3 ..');
    expect(plain.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'Unexpected end of file, expected a number.',
    ]);
    const fromTo = parseKpi('rating { ok "OK" from 70% to under');
    expect(fromTo.diagnostics[0]?.message).toBe('Unexpected end of file, expected a percentage.');
  });
});

describe('recovery from missing names and values (B03)', () => {
  const text = [
    'position p "P" in { task_completion weight 30% }',
    'kpi k "K" { unit percent bands { good >= } }',
  ].join('\n');
  const result = parseKpi(text);

  test('reports the missing group name after in and the missing value after >=', () => {
    const afterIn = text.indexOf(' {');
    const afterComparator = text.indexOf('>= }') + 2;
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "Missing a name after 'in'.",
        range: { start: positionOf(text, afterIn), end: positionOf(text, afterIn) },
      },
      {
        code: 'KPI001',
        message: "Missing a number after '>='.",
        range: { start: positionOf(text, afterComparator), end: positionOf(text, afterComparator) },
      },
    ]);
  });

  test('keeps the position with its assignment and the indicator with its unit', () => {
    const position = find(result.file, 'PositionDecl', 'p');
    expect(position.hasIn).toBe(true);
    expect(position.group).toBeUndefined();
    expect(position.assignments).toHaveLength(1);
    expect(position.assignments[0]).toMatchObject({
      indicator: { text: 'task_completion' },
      weight: { text: '30%' },
    });

    const kpi = find(result.file, 'KpiDecl', 'k');
    expect(kpi.unit?.name?.text).toBe('percent');
    expect(kpi.bands?.bands[0]).toMatchObject({ level: { text: 'good' }, condition: { op: '>=' } });
    const condition = kpi.bands?.bands[0]?.condition;
    expect(condition?.kind === 'Comparison' && condition.value).toBeUndefined();
  });
});

describe('recovery inside and between declarations', () => {
  test('a broken declaration header resumes at the next declaration keyword', () => {
    const result = parseKpi('kpi 123 "X" { unit percent }\nkpi ok "OK" { unit count }');
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]?.message).toBe("Expected a name after 'kpi', not '123'.");
    expect(find(result.file, 'KpiDecl', 'ok').unit?.name?.text).toBe('count');
  });

  test('a missing closing brace loses nothing of the next declaration', () => {
    const result = parseKpi('kpi a "A" { unit percent\nkpi b "B" { unit count }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message: "The 'kpi' block of 'a', opened at line 1, is not closed: add '}'.",
        range: { start: { line: 0, character: 10 }, end: { line: 0, character: 11 } },
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');
    expect(find(result.file, 'KpiDecl', 'b').unit?.name?.text).toBe('count');
  });

  test('stray words inside a block are skipped up to the next field, with one diagnostic', () => {
    const result = parseKpi('kpi a "A" { unit percent oops and more target >= 95% }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message:
          "Unexpected 'oops' here; expected an indicator field (kind, measure, unit, better, target, bands, every, aggregate, between measurements, source, goal, missing data, points, part) or '}'.",
        range: { start: { line: 0, character: 25 }, end: { line: 0, character: 38 } },
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').target?.condition).toMatchObject({
      value: { text: '95%' },
    });
  });

  test('stray text between declarations is reported once and skipped', () => {
    const result = parseKpi('kpi a "A" { }\nthis is not a declaration\ngoal g "G"');
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "Unexpected 'this' here; expected a declaration (framework, levels, rating, goal, scale, kpi, group, position, context, part, when or quota).",
    ]);
    expect(result.diagnostics[0]?.range).toEqual({
      start: { line: 1, character: 0 },
      end: { line: 1, character: 25 },
    });
    expect(find(result.file, 'GoalDecl', 'g').label?.vi.value).toBe('G');
  });

  test('a broken field leaves the other fields of its indicator', () => {
    const result = parseKpi(
      'kpi a "A" { kind\n unit percent target from to under 90% every month }',
    );
    expect(result.diagnostics.length).toBeGreaterThan(0);
    const kpi = find(result.file, 'KpiDecl', 'a');
    expect(kpi.indicatorKind?.keyword).toBe('kind');
    expect(kpi.every?.value?.text).toBe('month');
  });

  test('a missing condition says what a condition looks like', () => {
    const result = parseKpi('kpi a "A" { target }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message:
          "Expected a condition (such as >= 95%, 80% .. 95%, from 70 to under 90, or under 50) after 'target', not '}'.",
        range: { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } },
      },
    ]);
  });

  test('a bare number where a condition belongs is reported at the number', () => {
    const result = parseKpi('kpi a "A" { target 95% every month }');
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message:
          'A number alone is not a condition: write a comparison (such as >= 95%) or a range (such as 80% .. 95%).',
        range: { start: { line: 0, character: 19 }, end: { line: 0, character: 22 } },
      },
    ]);
    expect(find(result.file, 'KpiDecl', 'a').every?.value?.text).toBe('month');
  });

  test('a name left out of a declaration keeps the rest of it, without a name', () => {
    const result = parseKpi('kpi "Nhãn" { unit percent }');
    expect(result.diagnostics).toHaveLength(1);
    const kpi = find(result.file, 'KpiDecl');
    expect(kpi.id).toBeUndefined();
    expect(kpi.label?.vi.value).toBe('Nhãn');
    expect(kpi.unit?.name?.text).toBe('percent');
  });

  test.each([
    ['kpi a { unit percent }', 5, "Missing a quoted label after 'a'."],
    ['kpi a "A" unit percent }', 9, 'Missing \'{\' after the text "A".'],
    [
      'framework f "F" { version 2024 }',
      25,
      'Missing a quoted version such as "2024.1" after \'version\'.',
    ],
    ['levels { good "G" 80 }', 17, 'Missing \'points\' after the text "G".'],
    ['scale s "S" from 1 5', 18, "Missing 'to' after '1'."],
    ['kpi a "A" { target from 5 to 7 }', 28, "Missing 'under' after 'to'."],
    ['kpi a "A" { every }', 17, "Missing a frequency such as month or quarter after 'every'."],
    ['kpi a "A" { measure (a + b }', 26, "Missing ')' after 'b'."],
    [
      'framework f "F" { effective 2024-1-1 }',
      27,
      "Missing a date such as 2024-01-01 after 'effective'.",
    ],
  ])('a missing piece is named in plain words where it belongs: %s', (text, character, message) => {
    const result = parseKpi(text);
    expect(summary(result.diagnostics)).toEqual([
      {
        code: 'KPI001',
        message,
        range: { start: { line: 0, character }, end: { line: 0, character } },
      },
    ]);
  });

  test('an empty file and a file of comments parse to no declarations and no diagnostics', () => {
    for (const text of ['', '   \n', '// only a comment\n/* and a block */']) {
      const result = parseKpi(text);
      expect(result.diagnostics).toEqual([]);
      expect(result.file.declarations).toEqual([]);
    }
  });

  test('diagnostic positions are never NaN or negative', () => {
    const inputs = [
      'kpi',
      'kpi a',
      'kpi a "A" {',
      'position p "P" in',
      'context c "C" { position',
      '{ } }',
      'part',
      'when w "W" in',
      'quota q "Q" { a at most',
      'quota q "Q" { within unit,',
    ];
    for (const text of inputs) {
      for (const { range } of parseKpi(text).diagnostics) {
        for (const value of [
          range.start.line,
          range.start.character,
          range.end.line,
          range.end.character,
        ]) {
          expect(Number.isInteger(value) && value >= 0).toBe(true);
        }
      }
    }
  });

  test('a broken part, condition or quota keeps the declarations after it', () => {
    const text = [
      'part general "G" points',
      'when disciplined "D" in rate not_completed',
      'quota q "Q" {',
      '  outstanding at most of completed_well',
      '  within',
      '  rank by total, quality',
      '}',
      'kpi a "A" { unit percent points part x }',
      'part task "T" points 70',
    ].join('\n');
    const result = parseKpi(text);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "Missing a number after 'points'.",
      "'rate' is a word of the language and cannot be a name; choose another (for example 'my_rate').",
      // Recovery drops `rate` and reads the rating line as the group; the line ends at `quota`.
      "Expected 'rate' after 'not_completed', not 'quota'.",
      "Missing a number after 'most'.",
      "Expected a set of people ('unit' or 'group') after 'within', not 'rank'.",
      "Unexpected 'x' here; expected an indicator field (kind, measure, unit, better, target, " +
        'bands, every, aggregate, between measurements, source, goal, missing data, points, ' +
        "part) or '}'.",
    ]);
    const quota = find(result.file, 'QuotaDecl', 'q');
    expect(quota.limit?.base?.text).toBe('completed_well');
    expect(quota.rankBy?.items.map((key) => key.text)).toEqual(['total', 'quality']);
    expect(find(result.file, 'KpiDecl', 'a').unit?.name?.text).toBe('percent');
    expect(find(result.file, 'PartDecl', 'task').points?.text).toBe('70');
  });
});
