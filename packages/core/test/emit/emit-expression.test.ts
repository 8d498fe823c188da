/**
 * The expression tree of a formula in the rule set: every kind of node, brackets dropped,
 * numbers on the checker's scale, the CEMA formulas, and a rule set that validates.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  parseRuleSet,
  serializeRuleSet,
  type Expression,
  type Measurement,
  type RuleSet,
} from '@kpilang/rule-set';
import type { SourceInput } from '../../src/check-sources.js';
import { compileSources } from '../../src/compile.js';
import { emitRuleSet } from '../../src/emit/emit.js';
import type * as ast from '../../src/syntax/ast.js';
import { FIXTURE_SOURCES, modelFixture } from './model-fixture.js';

const HEADER =
  'framework t "T" { cycle quarterly }\n' +
  'levels { excellent "Xuất sắc" / "Excellent" points 100  poor "Kém" / "Poor" points 0 }\n';

/** A framework of one indicator measured by `formula` in `unit`, rated by one position. */
function framework(formula: string, unit = 'number'): string {
  return (
    HEADER +
    `kpi k "K" { kind output measure ${formula} source "S" unit ${unit} better higher ` +
    'every quarter target >= 1 bands { excellent >= 1  poor < 1 } }\n' +
    'position p "P" { k weight 100% }\n'
  );
}

/** Compiles `sources`, failing the test on any error, and returns the rule set. */
function compile(sources: SourceInput[]): RuleSet {
  const result = compileSources(sources);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(errors).toEqual([]);
  return result.ruleSet as RuleSet;
}

/** The measurement of the one indicator of `framework(formula, unit)`. */
function measurementOf(formula: string, unit?: string): Measurement | undefined {
  return compile([{ uri: 't.kpi', text: framework(formula, unit) }]).indicators[0]?.measurement;
}

/** The expression emitted for `formula`. */
function expressionOf(formula: string, unit?: string): Expression | undefined {
  const measurement = measurementOf(formula, unit);
  return measurement?.kind === 'formula' ? measurement.expression : undefined;
}

const m = (measure: string): Expression => ({ measure });
const n = (number: string): Expression => ({ number });
const op = (operator: '+' | '-' | '*' | '/', left: Expression, right: Expression): Expression => ({
  op: operator,
  left,
  right,
});

describe('the expression of a formula', () => {
  test('is the measure itself for a formula of one measure', () => {
    expect(expressionOf('major_violations')).toEqual(m('major_violations'));
  });

  test('groups operators by precedence and from the left, as the checker reads them', () => {
    expect(expressionOf('a + b * c')).toEqual(op('+', m('a'), op('*', m('b'), m('c'))));
    expect(expressionOf('a - b - c')).toEqual(op('-', op('-', m('a'), m('b')), m('c')));
    expect(expressionOf('a / b / c')).toEqual(op('/', op('/', m('a'), m('b')), m('c')));
  });

  test('leaves no node for brackets, nested or doubled, but keeps what they group', () => {
    expect(expressionOf('((a + b)) * (c - (d / e))')).toEqual(
      op('*', op('+', m('a'), m('b')), op('-', m('c'), op('/', m('d'), m('e')))),
    );
    expect(expressionOf('(((a)))')).toEqual(m('a'));
    expect(expressionOf('a - (b - c)')).toEqual(op('-', m('a'), op('-', m('b'), m('c'))));
  });

  test('writes a negation as a negate node, however it is nested', () => {
    expect(expressionOf('-x')).toEqual({ negate: m('x') });
    expect(expressionOf('--x')).toEqual({ negate: { negate: m('x') } });
    expect(expressionOf('a - -b')).toEqual(op('-', m('a'), { negate: m('b') }));
    expect(expressionOf('-(a + b)')).toEqual({ negate: op('+', m('a'), m('b')) });
    expect(expressionOf('-min(a, b)')).toEqual({
      negate: { call: 'min', args: [m('a'), m('b')] },
    });
  });

  test(
    'folds a minus written against a number into the number, but not one before a ' + 'bracket',
    () => {
      expect(expressionOf('-5 + a')).toEqual(op('+', n('-5'), m('a')));
      expect(expressionOf('a * -0.5')).toEqual(op('*', m('a'), n('-0.5')));
      expect(expressionOf('-(5) + a')).toEqual(op('+', { negate: n('5') }, m('a')));
    },
  );

  test('writes each call with its function and its arguments in order', () => {
    expect(expressionOf('min(a, b)')).toEqual({ call: 'min', args: [m('a'), m('b')] });
    expect(expressionOf('max(a)')).toEqual({ call: 'max', args: [m('a')] });
    expect(expressionOf('mean(a, b + c, 2)')).toEqual({
      call: 'mean',
      args: [m('a'), op('+', m('b'), m('c')), n('2')],
    });
    expect(expressionOf('min(max(a, 1), b) / c')).toEqual(
      op('/', { call: 'min', args: [{ call: 'max', args: [m('a'), n('1')] }, m('b')] }, m('c')),
    );
  });

  test('writes numbers as exact decimal text without their suffix, on the checker scale', () => {
    expect(expressionOf('a + 5%', 'percent')).toEqual(op('+', m('a'), n('5')));
    expect(expressionOf('min(a, 50%)', 'percent')).toEqual({
      call: 'min',
      args: [m('a'), n('50')],
    });
    expect(expressionOf('a * 12.5%', 'percent')).toEqual(op('*', m('a'), n('12.5')));
    expect(expressionOf('a + 48h', 'hours')).toEqual(op('+', m('a'), n('48')));
    expect(expressionOf('a - 3d', 'days')).toEqual(op('-', m('a'), n('3')));
    expect(expressionOf('a * 4.50')).toEqual(op('*', m('a'), n('4.5')));
    expect(expressionOf('a + 0.0')).toEqual(op('+', m('a'), n('0')));
  });

  test('keeps the text, the measures and the ratio beside the expression', () => {
    expect(measurementOf('(done) / (total)', 'percent')).toEqual({
      kind: 'formula',
      text: '(done) / (total)',
      measures: ['done', 'total'],
      ratio: { numerator: '(done)', denominator: '(total)' },
      expression: op('/', m('done'), m('total')),
    });
  });

  test('is absent from a survey', () => {
    const text =
      HEADER +
      'kpi k "K" {\n  kind output\n  measure survey answers minimum 10 responses\n' +
      '  source "S"\n  unit likert5\n  better higher\n  every quarter\n  target >= 4\n' +
      '  bands { excellent >= 4  poor < 4 }\n}\n' +
      'position p "P" { k weight 100% }\n';
    const measurement = compile([{ uri: 't.kpi', text }]).indicators[0]?.measurement;

    expect(measurement).toEqual({
      kind: 'survey',
      text: 'survey answers',
      measures: ['answers'],
      minimumResponses: '10',
    });
  });

  test('gives a rule set that the schema accepts, through its JSON text', () => {
    const ruleSet = compile([
      { uri: 't.kpi', text: framework('-(mean(a, -2%, 5%) - max(b)) / ((c))', 'percent') },
    ]);

    expect(parseRuleSet(serializeRuleSet(ruleSet))).toEqual(ruleSet);
  });
});

describe('the expressions of the corrected CEMA framework', () => {
  const folder = fileURLToPath(new URL('../../../../examples/cema/framework/', import.meta.url));
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith('.kpi'))
    .map((name) => ({ uri: name, text: readFileSync(`${folder}${name}`, 'utf8') }));
  const ruleSet = compile(sources);
  const byId = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));

  test.each([
    ['task_completion', op('/', m('tasks_on_time'), m('tasks_total'))],
    ['records_quality', op('/', m('valid_records'), m('total_records'))],
    ['database_updates', m('database_updates')],
    ['audit_compliance', m('major_violations')],
  ])('%s has the tree of its formula', (id, expected) => {
    const measurement = byId.get(id)?.measurement;

    expect(measurement?.kind).toBe('formula');
    expect(measurement?.kind === 'formula' && measurement.expression).toEqual(expected);
  });

  test('every formula has an expression naming exactly its measures, and no survey has one', () => {
    const measurements = ruleSet.indicators.flatMap((indicator) =>
      indicator.measurement ? [indicator.measurement] : [],
    );
    const formulas = measurements.filter((measurement) => measurement.kind === 'formula');

    expect(formulas.length).toBeGreaterThanOrEqual(5);
    for (const formula of formulas) {
      expect(measuresIn(formula.expression)).toEqual(formula.measures);
    }
    for (const survey of measurements.filter((measurement) => measurement.kind === 'survey')) {
      expect(Object.keys(survey)).not.toContain('expression');
    }
  });
});

describe('a formula with a part missing', () => {
  test('is refused with the indicator named, since the checker never lets one through', () => {
    const model = modelFixture();
    const node = model.indicators[0]!.measurement!.node as ast.FormulaMeasurement;
    (node.formula as ast.Binary).right = undefined;

    expect(() => emitRuleSet(model, { sources: FIXTURE_SOURCES })).toThrow(
      /formula of 'task_completion'/,
    );
  });

  test('is refused when it calls a function the checker does not know', () => {
    const model = modelFixture();
    const node = model.indicators[0]!.measurement!.node as ast.FormulaMeasurement;
    const range = node.range;
    node.formula = {
      kind: 'Call',
      callee: { kind: 'Name', text: 'sum', range },
      args: [{ kind: 'MeasureRef', name: { kind: 'Name', text: 'a', range }, range }],
      range,
    };

    expect(() => emitRuleSet(model, { sources: FIXTURE_SOURCES })).toThrow(/task_completion/);
  });
});

/** The measures an expression names, in order of first use, as `measures` lists them. */
function measuresIn(expression: Expression): string[] {
  const found: string[] = [];
  const visit = (node: Expression): void => {
    if ('measure' in node) {
      if (!found.includes(node.measure)) found.push(node.measure);
    } else if ('op' in node) {
      visit(node.left);
      visit(node.right);
    } else if ('negate' in node) {
      visit(node.negate);
    } else if ('call' in node) {
      node.args.forEach(visit);
    }
  };
  visit(expression);
  return found;
}
