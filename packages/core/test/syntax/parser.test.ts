/**
 * The parser on a framework that uses every construct of grammar/kpilang.ebnf: each field of
 * the syntax tree is asserted, numbers exactly as written.
 */
import { describe, expect, test } from 'vitest';
import type { Condition, Expr, NumberLit } from '../../src/syntax/ast.js';
import { toText } from '../../src/util/decimal.js';
import { find, parseKpi, summary, textAt } from './helpers.js';

const SAMPLE = `// A framework that uses every construct of the grammar.
/* A block comment
   over two lines. */
framework cema "Ủy ban Dân tộc" / "Committee for Ethnic Minority Affairs" {
  version "2024.1"
  agency "Vụ Tổ chức cán bộ" / "Personnel Department"
  effective 2024-01-01
  cycle quarterly
  missing data exclude
  round values to 1 decimal
  round total to 2 decimals
}

levels {
  excellent "Xuất sắc" / "Excellent" points 100
  good      "Tốt" / "Good"           points 80
  poor      "Kém" / "Poor"           points 0
}

rating {
  outstanding "Hoàn thành xuất sắc" / "Outstanding" from 90
  completed   "Hoàn thành tốt" from 70 to under 90
  partial     "Hoàn thành" 50 .. 69.99
  failed      "Không hoàn thành" under 50
}

goal service "Phục vụ người dân" / "Serve citizens" perspective customer
goal growth "Phát triển"

scale likert5 "Mức độ hài lòng" / "Satisfaction" from 1 to 5 {
  1 "Rất không hài lòng" / "Very dissatisfied"
  5 "Rất hài lòng" / "Very satisfied"
}

kpi task_completion "Tỷ lệ hoàn thành nhiệm vụ" / "Task completion rate" {
  kind process
  measure tasks_on_time / tasks_total * 100%
  unit percent
  better higher
  target ≥ 95%
  bands {
    excellent > 95%
    good      80% .. 95%
    poor      < 80%
  }
  every quarter
  aggregate mean
  between measurements carry
  source "Hệ thống quản lý công việc" / "Work management system"
  goal service
  missing data lowest
}

kpi satisfaction "Hài lòng \\"người dân\\"" {
  measure survey satisfaction_score minimum 30 responses
  unit likert5
  target >= 4.0
  bands { good >= 4.0 poor ≤ 3.9 }
}

kpi updates "Cập nhật" { measure -min(a, b) + (c - 2) - -d unit count per month target = 0 every month aggregate every }
kpi response "Thời gian phản hồi" { unit "Hours/Days" target <= 48h bands { good <= 3d } between measurements missing }
kpi change "Thay đổi" { unit percent target >= -2.5 }

group management "Quản lý" / "Management" { task_completion, satisfaction updates }
group empty "Trống" { }

position head "Trưởng phòng" / "Head of division" in management {
  task_completion weight 33.3% target >= 90% bands { excellent >= 90% poor < 90% }
  satisfaction    weight 33.3%
  updates         weight 33.4%
}

position clerk "Chuyên viên" { response weight 100% }

context dak_lak "Đắk Lắk" {
  task_completion target >= 85%
  satisfaction bands { good >= 3.5 poor < 3.5 }
  position head {
    updates weight 40%
  }
  response
}
`;

const result = parseKpi(SAMPLE);
const file = result.file;

/** The exact value of a number as text (`33.3`), and its suffix. */
function num(value: NumberLit | undefined): string {
  return value ? `${toText(value.value)}${value.suffix ?? ''}` : 'missing';
}

function cond(condition: Condition | undefined): string {
  if (!condition) return 'missing';
  if (condition.kind === 'Comparison')
    return `${condition.form} ${condition.op} ${num(condition.value)}`;
  return (
    `${condition.form} ${num(condition.low)} ${num(condition.high)} ` + `${condition.highInclusive}`
  );
}

function expr(node: Expr | undefined): string {
  if (!node) return '?';
  switch (node.kind) {
    case 'MeasureRef':
      return node.name.text;
    case 'NumberExpr':
      return num(node.value.value ? node.value : undefined);
    case 'Binary':
      return `[${expr(node.left)} ${node.op} ${expr(node.right)}]`;
    case 'Call':
      return `${node.callee.text}(${node.args.map(expr).join(', ')})`;
    case 'Paren':
      return `(${expr(node.inner)})`;
    case 'Negation':
      return `neg ${expr(node.operand)}`;
  }
}

describe('parseSource on a sample using every construct', () => {
  test('the sample parses without any diagnostic', () => {
    expect(result.diagnostics).toEqual([]);
    expect(file.declarations.map((declaration) => declaration.kind)).toEqual([
      'FrameworkDecl',
      'LevelsDecl',
      'RatingDecl',
      'GoalDecl',
      'GoalDecl',
      'ScaleDecl',
      'KpiDecl',
      'KpiDecl',
      'KpiDecl',
      'KpiDecl',
      'KpiDecl',
      'GroupDecl',
      'GroupDecl',
      'PositionDecl',
      'PositionDecl',
      'ContextDecl',
    ]);
  });

  test(
    'the framework header keeps its labels, version, agency, date, cycle, missing-data ' +
      'rule and rounding',
    () => {
      const framework = find(file, 'FrameworkDecl');
      expect(framework.id?.text).toBe('cema');
      expect(framework.label?.vi.value).toBe('Ủy ban Dân tộc');
      expect(framework.label?.en?.value).toBe('Committee for Ethnic Minority Affairs');
      expect(framework.version?.value).toBe('2024.1');
      expect(framework.agency?.en?.value).toBe('Personnel Department');
      expect(framework.effective?.text).toBe('2024-01-01');
      expect(framework.cycle?.value?.text).toBe('quarterly');
      expect(framework.missingData?.keyword).toBe('missing data');
      expect(framework.missingData?.value?.text).toBe('exclude');
      expect(
        framework.rounding.map((clause) => [
          clause.target?.text,
          num(clause.places),
          clause.unit?.text,
          textAt(result, SAMPLE, clause.range),
        ]),
      ).toEqual([
        ['values', '1', 'decimal', 'round values to 1 decimal'],
        ['total', '2', 'decimals', 'round total to 2 decimals'],
      ]);
      expect(framework.repeated).toEqual([]);
    },
  );

  test('levels keep their points and rating lines their conditions, in every form', () => {
    const levels = find(file, 'LevelsDecl').levels;
    expect(
      levels.map((level) => [level.id?.text, level.label?.en?.value, num(level.points)]),
    ).toEqual([
      ['excellent', 'Excellent', '100'],
      ['good', 'Good', '80'],
      ['poor', 'Poor', '0'],
    ]);

    const lines = find(file, 'RatingDecl').lines;
    expect(lines.map((line) => [line.id?.text, cond(line.condition)])).toEqual([
      ['outstanding', 'from >= 90'],
      ['completed', 'from-to-under 70 90 false'],
      ['partial', 'dots 50 69.99 true'],
      ['failed', 'under < 50'],
    ]);
  });

  test('goals keep their perspective, and scales their range and labelled points', () => {
    expect(find(file, 'GoalDecl', 'service').perspective?.text).toBe('customer');
    expect(find(file, 'GoalDecl', 'growth').perspective).toBeUndefined();

    const scale = find(file, 'ScaleDecl', 'likert5');
    expect([num(scale.low), num(scale.high)]).toEqual(['1', '5']);
    expect(scale.points.map((point) => [num(point.value), point.label?.en?.value])).toEqual([
      ['1', 'Very dissatisfied'],
      ['5', 'Very satisfied'],
    ]);
  });

  test('an indicator keeps every field', () => {
    const kpi = find(file, 'KpiDecl', 'task_completion');
    expect(kpi.indicatorKind?.value?.text).toBe('process');
    expect(kpi.measurement?.kind).toBe('FormulaMeasurement');
    if (kpi.measurement?.kind === 'FormulaMeasurement') {
      expect(expr(kpi.measurement.formula)).toBe('[[tasks_on_time / tasks_total] * 100%]');
      expect(textAt(result, SAMPLE, kpi.measurement.range)).toBe(
        'tasks_on_time / tasks_total * 100%',
      );
    }
    expect(kpi.unit?.name?.text).toBe('percent');
    expect(kpi.better?.value?.text).toBe('higher');
    expect(cond(kpi.target?.condition)).toBe('symbol >= 95%');
    expect(kpi.bands?.bands.map((band) => [band.level.text, cond(band.condition)])).toEqual([
      ['excellent', 'symbol > 95%'],
      ['good', 'dots 80% 95% true'],
      ['poor', 'symbol < 80%'],
    ]);
    expect(kpi.every?.value?.text).toBe('quarter');
    expect(kpi.aggregate?.value?.text).toBe('mean');
    expect(kpi.between?.value?.text).toBe('carry');
    expect(kpi.source?.label?.en?.value).toBe('Work management system');
    expect(kpi.goal?.text).toBe('service');
    expect(kpi.missingData?.value?.text).toBe('lowest');
    expect(kpi.repeated).toEqual([]);
  });

  test('a survey measurement keeps its measure and minimum; escaped quotes are unescaped', () => {
    const kpi = find(file, 'KpiDecl', 'satisfaction');
    expect(kpi.label?.vi.value).toBe('Hài lòng "người dân"');
    expect(kpi.measurement).toMatchObject({
      kind: 'SurveyMeasurement',
      measure: { text: 'satisfaction_score' },
      minimumResponses: { text: '30' },
    });
    expect(kpi.bands?.bands.map((band) => cond(band.condition))).toEqual([
      'symbol >= 4',
      'symbol <= 3.9',
    ]);
    const target = kpi.target?.condition;
    expect(target?.kind === 'Comparison' && target.value?.text).toBe('4.0');
  });

  test('formulas keep precedence, calls, brackets and negation; keywords serve as words', () => {
    const kpi = find(file, 'KpiDecl', 'updates');
    const formula =
      kpi.measurement?.kind === 'FormulaMeasurement' ? kpi.measurement.formula : undefined;
    expect(expr(formula)).toBe('[[neg min(a, b) + ([c - 2])] - neg d]');
    expect(kpi.unit?.name?.text).toBe('count');
    expect(kpi.unit?.per?.text).toBe('month');
    expect(cond(kpi.target?.condition)).toBe('symbol = 0');
    expect(kpi.aggregate?.value?.text).toBe('every');
  });

  test('quoted units, hour and day suffixes, and negative numbers are read as written', () => {
    const response = find(file, 'KpiDecl', 'response');
    expect(response.unit?.quoted?.value).toBe('Hours/Days');
    expect(response.unit?.name).toBeUndefined();
    expect(cond(response.target?.condition)).toBe('symbol <= 48h');
    expect(cond(response.bands?.bands[0]?.condition)).toBe('symbol <= 3d');
    expect(response.between?.value?.text).toBe('missing');

    const change = find(file, 'KpiDecl', 'change');
    const target = change.target?.condition;
    expect(target?.kind === 'Comparison' && target.value).toMatchObject({ text: '-2.5' });
    expect(target?.kind === 'Comparison' && target.value?.value).toEqual({ units: -25n, scale: 1 });
  });

  test('groups list their members with or without commas', () => {
    expect(find(file, 'GroupDecl', 'management').members.map((name) => name.text)).toEqual([
      'task_completion',
      'satisfaction',
      'updates',
    ]);
    expect(find(file, 'GroupDecl', 'empty').members).toEqual([]);
  });

  test('positions keep their group and exact weights, targets and bands', () => {
    const head = find(file, 'PositionDecl', 'head');
    expect(head.group?.text).toBe('management');
    expect(head.hasIn).toBe(true);
    expect(head.assignments.map((line) => [line.indicator.text, num(line.weight)])).toEqual([
      ['task_completion', '33.3%'],
      ['satisfaction', '33.3%'],
      ['updates', '33.4%'],
    ]);
    expect(head.assignments[0]?.weight?.value).toEqual({ units: 333n, scale: 1 });
    expect(cond(head.assignments[0]?.target?.condition)).toBe('symbol >= 90%');
    expect(head.assignments[0]?.bands?.bands).toHaveLength(2);

    const clerk = find(file, 'PositionDecl', 'clerk');
    expect(clerk.hasIn).toBe(false);
    expect(clerk.group).toBeUndefined();
  });

  test('a context keeps its overrides in the order written', () => {
    const context = find(file, 'ContextDecl', 'dak_lak');
    expect(context.label?.vi.value).toBe('Đắk Lắk');
    expect(context.overrides.map((override) => override.kind)).toEqual([
      'IndicatorOverride',
      'IndicatorOverride',
      'PositionOverride',
      'IndicatorOverride',
    ]);
    const [target, bands, position, bare] = context.overrides;
    expect(target?.kind === 'IndicatorOverride' && cond(target.target?.condition)).toBe(
      'symbol >= 85%',
    );
    expect(bands?.kind === 'IndicatorOverride' && bands.bands?.bands).toHaveLength(2);
    expect(position?.kind === 'PositionOverride' && position.position?.text).toBe('head');
    expect(position?.kind === 'PositionOverride' && num(position.assignments[0]?.weight)).toBe(
      '40%',
    );
    expect(bare?.kind === 'IndicatorOverride' && bare.target).toBeUndefined();
  });

  test('ranges cover exactly the text of their node', () => {
    const kpi = find(file, 'KpiDecl', 'task_completion');
    expect(textAt(result, SAMPLE, kpi.range)).toMatch(
      /^kpi task_completion[\s\S]*missing data lowest\n}$/,
    );
    expect(textAt(result, SAMPLE, kpi.label?.range ?? file.range)).toBe(
      '"Tỷ lệ hoàn thành nhiệm vụ" / "Task completion rate"',
    );
    const good = kpi.bands?.bands[1];
    expect(textAt(result, SAMPLE, good?.range ?? file.range)).toBe('good      80% .. 95%');
    const target = kpi.target?.condition;
    expect(target?.kind === 'Comparison' && textAt(result, SAMPLE, target.opRange)).toBe('≥');
    expect(file.range.start).toEqual({ line: 0, character: 0 });
    expect(result.lineMap.offsetAt(file.range.end)).toBe(SAMPLE.length);
  });
});

describe('the rounding clauses of the framework header', () => {
  /** The header's rounding clauses as [word, count, word], and the messages of the parse. */
  function rounding(fields: string): { clauses: unknown[]; messages: string[] } {
    const parsed = parseKpi(`framework f "F" {\n  ${fields}\n  cycle quarterly\n}`);
    const framework = find(parsed.file, 'FrameworkDecl', 'f');
    // Every case keeps the line after the broken clause.
    expect(framework.cycle?.value?.text).toBe('quarterly');
    return {
      clauses: framework.rounding.map((clause) => [
        clause.target?.text,
        clause.places ? num(clause.places) : undefined,
        clause.unit?.text,
      ]),
      messages: parsed.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`),
    };
  }

  test('the count may be any number, and the words are kept as written for the checker', () => {
    expect(rounding('round valuse to 1.5 decimels')).toEqual({
      clauses: [['valuse', '1.5', 'decimels']],
      messages: [],
    });
    expect(rounding('round total to -1 decimal').clauses).toEqual([['total', '-1', 'decimal']]);
  });

  test('a missing count is a syntax error that names the number', () => {
    expect(rounding('round values to decimals')).toEqual({
      clauses: [['values', undefined, 'decimals']],
      messages: ["KPI001 Missing a number after 'to'."],
    });
  });

  test('a missing word after round asks for values or total, even before the keyword to', () => {
    expect(rounding('round to 2 decimals')).toEqual({
      clauses: [[undefined, '2', 'decimals']],
      messages: ["KPI001 Missing 'values' or 'total' after 'round'."],
    });
  });

  test('a forgotten decimals asks for it and leaves the next line alone', () => {
    expect(rounding('round total to 2')).toEqual({
      clauses: [['total', '2', undefined]],
      messages: ["KPI001 Expected 'decimals' (or 'decimal') after '2', not 'cycle'."],
    });
  });

  test('each clause may be written once: a repeat is KPI006, named with its word', () => {
    const text =
      'framework f "F" { round total to 2 decimals round values to 1 decimal ' +
      'round total to 0 decimals }';
    const parsed = parseKpi(text);
    const repeat = text.indexOf('round total to 0 decimals');
    expect(summary(parsed.diagnostics)).toEqual([
      {
        code: 'KPI006',
        message: "'round total' is given twice here; keep one.",
        range: {
          start: { line: 0, character: repeat },
          end: { line: 0, character: repeat + 'round total to 0 decimals'.length },
        },
      },
    ]);
    const framework = find(parsed.file, 'FrameworkDecl', 'f');
    expect(framework.rounding.map((clause) => num(clause.places))).toEqual(['2', '1']);
    expect(framework.repeated.map((entry) => entry.keyword)).toEqual(['round total']);
  });
});

describe('parts, conditions and quotas (issue 6)', () => {
  const DECREE = `part general      "Tiêu chí chung" / "General criteria" points 30
part task_results "Kết quả thực hiện nhiệm vụ" / "Task results" points 69.5

kpi quantity "Số lượng" / "Quantity" {
  unit percent
  better higher
  points proportional
  part task_results
}

when disciplined "Bị xử lý kỷ luật" / "Disciplined" rate not_completed
when sanctioned "Đơn vị bị xử lý" in leaders rate not_completed

quota excellent_share "Tỷ lệ xuất sắc" / "Share of outstanding" {
  outstanding at most 20% of completed_well
  within unit, group
  rank by total, task_results, quality
}
`;
  const parsed = parseKpi(DECREE);

  test('the sample parses without any diagnostic', () => {
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.file.declarations.map((declaration) => declaration.kind)).toEqual([
      'PartDecl',
      'PartDecl',
      'KpiDecl',
      'WhenDecl',
      'WhenDecl',
      'QuotaDecl',
    ]);
  });

  test('a part keeps its label and its points exactly', () => {
    const part = find(parsed.file, 'PartDecl', 'task_results');
    expect(part.label?.en?.value).toBe('Task results');
    expect(part.points?.value).toEqual({ units: 695n, scale: 1 });
    expect(textAt(parsed, DECREE, part.range)).toMatch(/^part task_results .* points 69\.5$/);
  });

  test('an indicator keeps its way of scoring as a word and its part as a name', () => {
    const kpi = find(parsed.file, 'KpiDecl', 'quantity');
    expect(kpi.points).toMatchObject({ keyword: 'points', value: { text: 'proportional' } });
    expect(textAt(parsed, DECREE, kpi.points!.range)).toBe('points proportional');
    expect(kpi.part?.text).toBe('task_results');
    expect(textAt(parsed, DECREE, kpi.part!.range)).toBe('task_results');
  });

  test('a condition keeps its fact, its group when it has one, and its rating line', () => {
    const everyone = find(parsed.file, 'WhenDecl', 'disciplined');
    expect([
      everyone.label?.en?.value,
      everyone.hasIn,
      everyone.group,
      everyone.rating?.text,
    ]).toEqual(['Disciplined', false, undefined, 'not_completed']);
    const leaders = find(parsed.file, 'WhenDecl', 'sanctioned');
    expect([leaders.hasIn, leaders.group?.text, leaders.rating?.text]).toEqual([
      true,
      'leaders',
      'not_completed',
    ]);
  });

  test('a quota keeps its limit, its sets in order and its rank keys in order', () => {
    const quota = find(parsed.file, 'QuotaDecl', 'excellent_share');
    expect(quota.limit?.limited?.text).toBe('outstanding');
    expect(num(quota.limit?.share)).toBe('20%');
    expect(quota.limit?.base?.text).toBe('completed_well');
    expect(textAt(parsed, DECREE, quota.limit!.range)).toBe(
      'outstanding at most 20% of completed_well',
    );
    expect(quota.within?.items.map((word) => word.text)).toEqual(['unit', 'group']);
    expect(quota.rankBy?.items.map((key) => key.text)).toEqual([
      'total',
      'task_results',
      'quality',
    ]);
    expect(textAt(parsed, DECREE, quota.rankBy!.range)).toBe(
      'rank by total, task_results, quality',
    );
    expect(quota.repeated).toEqual([]);
  });

  test('a field written twice in an indicator or a quota is KPI006 at the repeat', () => {
    const text =
      'kpi a "A" { points proportional part x points proportional part y }\n' +
      'quota q "Q" { a at most 1% of b within unit rank by total ' +
      'c at most 2% of d within group rank by total }';
    const result = parseKpi(text);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "'points' is given twice here; keep one.",
      "'part' is given twice here; keep one.",
      "'at most' is given twice here; keep one.",
      "'within' is given twice here; keep one.",
      "'rank by' is given twice here; keep one.",
    ]);
    expect(textAt(result, text, result.diagnostics[1]!.range)).toBe('part y');
    expect(find(result.file, 'KpiDecl', 'a').part?.text).toBe('x');
    const quota = find(result.file, 'QuotaDecl', 'q');
    expect([quota.limit?.limited?.text, quota.within?.items[0]?.text]).toEqual(['a', 'unit']);
    expect(quota.repeated.map((entry) => entry.keyword)).toEqual(['at most', 'within', 'rank by']);
  });

  test('a list without its commas is read whole, with a KPI001 and a fix per missing comma', () => {
    const text =
      'quota q "Q" {\n  a at most 20% of b\n  within unit group\n  rank by total quality\n}';
    const result = parseKpi(text);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "Missing ',' between 'unit' and 'group'.",
      "Missing ',' between 'total' and 'quality'.",
    ]);
    expect(textAt(result, text, result.diagnostics[0]!.range)).toBe('unit group');
    const quota = find(result.file, 'QuotaDecl', 'q');
    expect(quota.within?.items.map((word) => word.text)).toEqual(['unit', 'group']);
    expect(quota.rankBy?.items.map((key) => key.text)).toEqual(['total', 'quality']);

    const edits = result.diagnostics.flatMap((diagnostic) => diagnostic.fixes?.[0]?.edits ?? []);
    const fixed = edits
      .map((edit) => result.lineMap.offsetAt(edit.range.start))
      .sort((a, b) => b - a)
      .reduce((acc, at) => `${acc.slice(0, at)},${acc.slice(at)}`, text);
    expect(fixed).toContain('within unit, group');
    expect(parseKpi(fixed).diagnostics).toEqual([]);
  });

  test('a list stops before a limit line or a group declaration, which start no item', () => {
    const text =
      'quota q "Q" {\n  within unit\n  a at most 20% of b\n  rank by total\n' +
      '  c at most 1% of d\n}\ngroup g "G" { x }';
    const result = parseKpi(text);
    const quota = find(result.file, 'QuotaDecl', 'q');
    expect(quota.within?.items.map((word) => word.text)).toEqual(['unit']);
    expect(quota.rankBy?.items.map((key) => key.text)).toEqual(['total']);
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "'at most' is given twice here; keep one.",
    ]);

    const open = parseKpi('quota q "Q" {\n  within unit, group\ngroup g "G" { x }');
    expect(open.file.declarations.map((declaration) => declaration.kind)).toEqual([
      'QuotaDecl',
      'GroupDecl',
    ]);
  });

  test('the new words are reserved and cannot be names', () => {
    const result = parseKpi('kpi rank "R" { }\npart of "O" points 100');
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "'rank' is a word of the language and cannot be a name; choose another (for example 'rank_kpi').",
      "'of' is a word of the language and cannot be a name; choose another (for example 'of_part').",
    ]);
  });
});
