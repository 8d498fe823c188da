/**
 * Contexts: effective positions per context, checked as strictly as the base, with each
 * diagnostic an override causes pointing at the override (and related information pointing
 * at the base), base defects not repeated, KPI701 and KPI702.
 */
import { describe, expect, test } from 'vitest';
import { toText } from '../../src/util/decimal.js';
import { checkKpi, HEADER, only, rangeIn, rangeOf, withCode } from './helpers.js';

const TASK =
  'kpi task_completion "Tỷ lệ hoàn thành nhiệm vụ" / "Task completion rate" {\n' +
  '  kind output measure tasks_on_time / tasks_total unit percent better higher target >= 95%\n' +
  '  bands { excellent >= 95%  good from 80% to under 95%  poor < 80% }  every quarter  source "Hệ thống"\n' +
  '}\n';
const RECORDS =
  'kpi records "Records" { kind output measure valid / total unit percent better higher target >= 90%\n' +
  '  bands { good >= 90%  poor < 90% } every quarter source "S" }\n';
const BASE =
  HEADER +
  TASK +
  RECORDS +
  'position head "Head" { task_completion weight 70%  records weight 30% }\n';

function context(body: string) {
  const text = `${BASE}context dak_lak "Đắk Lắk" { ${body} }\n`;
  return { text, result: checkKpi(text) };
}

describe('effective positions', () => {
  test('a clean base and a clean context raise nothing and give each context its positions', () => {
    const { result } = context(
      'task_completion target >= 80%  bands { excellent >= 80%  poor < 80% }',
    );
    const dakLak = result.model.contexts[0]!;

    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info')).toEqual([]);
    expect(
      dakLak.indicators.map((indicator) => [indicator.id, toText(indicator.target!.low!)]),
    ).toEqual([['task_completion', '80']]);
    const weighted = dakLak.positions[0]!.indicators[0]!;
    expect(toText(weighted.target!.low!)).toBe('80');
    expect(weighted.bands.map((band) => band.level)).toEqual(['excellent', 'poor']);
    expect(weighted.overrideNode?.kind).toBe('IndicatorOverride');
    expect(toText(result.model.positions[0]!.indicators[0]!.target!.low!)).toBe('95');
  });

  test("a context's weights replace the base weights in its positions only", () => {
    const { result } = context('position head { task_completion weight 60%  records weight 40% }');

    expect(result.diagnostics.filter((diagnostic) => diagnostic.code.startsWith('KPI2'))).toEqual(
      [],
    );
    const weights = (position: (typeof result.model.positions)[number]) =>
      position.indicators.map((weighted) => toText(weighted.weight));
    expect(weights(result.model.contexts[0]!.positions[0]!)).toEqual(['60', '40']);
    expect(weights(result.model.positions[0]!)).toEqual(['70', '30']);
    expect(result.model.contexts[0]!.positions[0]!.overrideNode?.kind).toBe('PositionOverride');
  });
});

describe('diagnostics caused by an override point at the override', () => {
  test('a target override that splits a band: KPI305 at the override, related to the base target', () => {
    const { text, result } = context('task_completion target >= 90%');
    const diagnostic = only(result, 'KPI305');

    expect(diagnostic.range).toEqual(rangeIn(text, '{ task_completion target >= 90%', '>= 90%'));
    expect(diagnostic.message).toBe(
      "'task_completion' in context 'dak_lak': the target >= 90% does not line up with the bands: " +
        "exactly 90% meets the target but is rated 'good', like values that miss it.",
    );
    expect(diagnostic.related?.[0]?.range).toEqual(
      rangeOf(text, 'bands { excellent >= 95%  good from 80% to under 95%  poor < 80% }'),
    );
    expect(diagnostic.related?.[1]?.range).toEqual(rangeOf(text, 'target >= 95%'));
  });

  test('bands with a gap in a context: KPI301 at the new bands, related to the base bands', () => {
    const { text, result } = context('records bands { good > 90%  poor < 80% }');
    const diagnostic = only(result, 'KPI301');

    expect(diagnostic.range).toEqual(rangeOf(text, 'bands { good > 90%  poor < 80% }'));
    expect(diagnostic.message).toBe(
      "'records' in context 'dak_lak' leaves 80% to 90% unrated: no band covers it.",
    );
    expect(diagnostic.related?.[0]?.range).toEqual(
      rangeOf(text, 'bands { good >= 90%  poor < 90% }'),
    );
  });

  test('a repeat in a position block is KPI205 alone, without a sum for that context', () => {
    const { text, result } = context(
      'position head { task_completion weight 60%  task_completion weight 40% }',
    );
    const diagnostic = only(result, 'KPI205');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(
      rangeIn(text, 'task_completion weight 40%', 'task_completion'),
    );
    expect(diagnostic.message).toContain("'task_completion' appears twice in 'head'");
    expect(withCode(result, 'KPI201')).toEqual([]);
  });

  test('a repeat in the base position is reported once, and no context sums its weights', () => {
    const text =
      HEADER +
      TASK +
      RECORDS +
      'position head "Head" { task_completion weight 70%  records weight 20%  records weight 10% }\n' +
      'context dak_lak "Đắk Lắk" { position head { task_completion weight 60% } }\n';
    const result = checkKpi(text);

    expect(only(result, 'KPI205').range).toEqual(rangeIn(text, 'records weight 10%', 'records'));
    expect(withCode(result, 'KPI201')).toEqual([]);
  });

  test('a base indicator without a weight is reported once, and no context sums its weights', () => {
    const text =
      HEADER +
      TASK +
      RECORDS +
      'position head "Head" { task_completion weight 70%  records }\n' +
      'context dak_lak "Đắk Lắk" { position head { task_completion weight 60% } }\n';
    const result = checkKpi(text);

    expect(only(result, 'KPI206').range).toEqual(rangeIn(text, 'records }', 'records'));
    expect(withCode(result, 'KPI201')).toEqual([]);
  });

  test('weights that no longer make 100%: KPI201 at the position block, related to the position', () => {
    const { text, result } = context('position head { task_completion weight 80% }');
    const diagnostic = only(result, 'KPI201');

    expect(diagnostic.range).toEqual(rangeIn(text, 'position head {', 'head'));
    expect(diagnostic.message).toBe(
      "The weights of 'head' in context 'dak_lak' sum to 110%, not 100%.",
    );
    expect(diagnostic.related?.[0]?.range).toEqual(rangeIn(text, 'position head "Head"', 'head'));
  });

  test('a weight over 100% in a context is reported at that weight', () => {
    const { text, result } = context('position head { task_completion weight 170% }');
    const diagnostic = only(result, 'KPI204');

    expect(diagnostic.range).toEqual(rangeOf(text, '170%'));
    expect(diagnostic.related?.[0]?.range).toEqual(rangeOf(text, '70%'));
  });

  test('a target in a position block of a context is checked for that position', () => {
    const { text, result } = context('position head { records target > 100% }');
    const diagnostic = only(result, 'KPI308');

    expect(diagnostic.range).toEqual(rangeOf(text, '> 100%'));
    expect(diagnostic.message).toContain("'records' in 'head' in context 'dak_lak'");
  });

  test('the spec example: Đắk Lắk lowers the target and gives the head one indicator', () => {
    const text =
      HEADER +
      TASK.replace(
        'bands { excellent >= 95%  good from 80% to under 95%  poor < 80% }',
        'bands { excellent > 95%  poor < 80% }',
      ) +
      'position head "Head" { task_completion weight 30% }\n' +
      'context dak_lak "Đắk Lắk" { task_completion target >= 90%  position head { task_completion weight 100% } }\n';
    const result = checkKpi(text);
    const codes = result.diagnostics.map(
      (diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line}`,
    );

    // The base: the weights sum to 30%, 80%-95% is unrated, 95% meets the target unrated.
    // The context: its weights are fine; its target of 90% also falls in the unrated gap.
    expect(codes.sort()).toEqual(['KPI201@6', 'KPI301@4', 'KPI305@3', 'KPI305@7']);
    expect(withCode(result, 'KPI305')[1]!.message).toContain(
      'exactly 90% meets the target but no band rates it',
    );
  });
});

describe('base defects are not repeated per context', () => {
  test('a base gap is reported once, whatever the contexts change elsewhere', () => {
    const text =
      HEADER +
      RECORDS.replace('bands { good >= 90%  poor < 90% }', 'bands { good >= 90%  poor < 70% }') +
      'position head "Head" { records weight 100% }\n' +
      'context a "A" { records target >= 90% }\ncontext b "B" { position head { records weight 100% } }\n';
    const result = checkKpi(text);

    expect(withCode(result, 'KPI301')).toHaveLength(1);
    expect(withCode(result, 'KPI301')[0]!.message).not.toContain('context');
  });
});

describe('KPI701 a context line for an indicator the position does not have', () => {
  test('is an error at the line, related to the position', () => {
    const extra = 'kpi other "O" { kind output }\ngroup g "G" { other }\n';
    const text = `${BASE}${extra}context c "C" { position head { other weight 10% } }\n`;
    const diagnostic = only(checkKpi(text), 'KPI701');

    expect(diagnostic.severity).toBe('error');
    expect(diagnostic.range).toEqual(rangeIn(text, 'other weight 10%', 'other'));
    expect(diagnostic.message).toBe(
      "'head' has no indicator 'other'; a context can change it, not add it.",
    );
  });
});

describe('KPI702 an override that changes nothing', () => {
  test('the same target, at the override', () => {
    const { text, result } = context('task_completion target >= 95%');
    const diagnostic = only(result, 'KPI702');

    expect(diagnostic.severity).toBe('warning');
    expect(diagnostic.range).toEqual(
      rangeIn(text, '{ task_completion target >= 95%', 'target >= 95%'),
    );
    expect(diagnostic.message).toBe(
      "This override gives the target of 'task_completion' the value it already has.",
    );
  });

  test('the same weight and the same bands, each at its place', () => {
    const { text, result } = context(
      'records bands { poor < 90%  good >= 90% }  position head { task_completion weight 70% }',
    );
    const found = withCode(result, 'KPI702');

    expect(found.map((diagnostic) => diagnostic.message)).toEqual([
      "This override gives the bands of 'records' the value it already has.",
      "This override gives the weight of 'task_completion' in 'head' the value it already has.",
    ]);
    expect(found[1]!.range).toEqual(rangeOf(text, '70%', 1));
  });

  test('the same value written differently (95 and 95%) is still unchanged', () => {
    const { result } = context('task_completion target >= 95');
    expect(withCode(result, 'KPI702')).toHaveLength(1);
  });
});
