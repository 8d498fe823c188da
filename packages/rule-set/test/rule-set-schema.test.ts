/** The zod schema of the rule set: what it accepts and what it rejects, with the path. */
import { describe, expect, test } from 'vitest';
import {
  DECIMAL_PATTERN,
  parseRuleSet,
  safeParseRuleSet,
  serializeRuleSet,
  type Expression,
  type RuleSet,
} from '@kpilang/rule-set';
import { validRuleSet } from './valid-rule-set.js';

/** The paths (dot-joined) of every issue zod reports for `value`. */
function issuePaths(value: unknown): string[] {
  const result = safeParseRuleSet(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('parseRuleSet', () => {
  test('accepts a complete rule set and returns an equal value', () => {
    expect(parseRuleSet(validRuleSet())).toEqual(validRuleSet());
  });

  test('accepts the JSON text of a rule set as well as the parsed value', () => {
    expect(parseRuleSet(serializeRuleSet(validRuleSet()))).toEqual(validRuleSet());
  });

  test('throws a SyntaxError on text that is not JSON', () => {
    expect(() => parseRuleSet('{"format": ')).toThrow(SyntaxError);
  });

  test.each([
    ['a trailing zero', '95.0'],
    ['an exponent', '1e3'],
    ['a percent sign', '95%'],
    ['a leading zero', '095'],
    ['a plus sign', '+95'],
    ['a decimal comma', '95,5'],
    ['surrounding space', ' 95'],
    ['an empty string', ''],
    ['a bare point', '95.'],
    ['minus zero written as text', '-0'],
    ['zero with a fraction', '0.0'],
  ])('rejects a weight written with %s (%j)', (_, weight) => {
    const ruleSet = validRuleSet();
    ruleSet.positions[0]!.indicators[0]!.weight = weight;

    expect(issuePaths(ruleSet)).toEqual(['positions.0.indicators.0.weight']);
  });

  test('rejects a number written as a JSON number instead of decimal text', () => {
    const ruleSet = validRuleSet() as unknown as { levels: { points: unknown }[] };
    ruleSet.levels[0]!.points = 100;

    expect(issuePaths(ruleSet)).toEqual(['levels.0.points']);
  });

  test.each(['format', 'sourceHash', 'framework', 'indicators', 'contexts'])(
    'rejects a rule set without its %s',
    (field) => {
      const ruleSet: Record<string, unknown> = { ...validRuleSet() };
      delete ruleSet[field];

      expect(issuePaths(ruleSet)).toEqual([field]);
    },
  );

  test('rejects an interval that does not say whether its ends are included', () => {
    const ruleSet = validRuleSet() as unknown as { rating: { interval: object }[] };
    ruleSet.rating[0]!.interval = { low: '90' };

    expect(issuePaths(ruleSet).sort()).toEqual([
      'rating.0.interval.highInclusive',
      'rating.0.interval.lowInclusive',
    ]);
  });

  test('rejects fields the format does not define (objects are strict)', () => {
    const ruleSet = validRuleSet() as unknown as { indicators: Record<string, unknown>[] };
    ruleSet.indicators[0]!.weight = '30';

    expect(issuePaths(ruleSet)).toEqual(['indicators.0']);
  });

  test('rejects an older format version, a bad hash and an unknown frequency', () => {
    const ruleSet = validRuleSet() as unknown as Record<string, unknown> & {
      indicators: Record<string, unknown>[];
    };
    ruleSet.format = 'kpilang.rules/1';
    ruleSet.sourceHash = 'md5:abc';
    ruleSet.indicators[0]!.frequency = 'monthly';

    expect(issuePaths(ruleSet).sort()).toEqual(['format', 'indicators.0.frequency', 'sourceHash']);
  });

  test('rejects an identifier that is not ASCII and a date not written YYYY-MM-DD', () => {
    const ruleSet = validRuleSet();
    ruleSet.groups[0]!.indicators = ['hoàn_thành'];
    ruleSet.framework.effective = '1/1/2024';

    expect(issuePaths(ruleSet).sort()).toEqual(['framework.effective', 'groups.0.indicators.0']);
  });
});

describe('the rounding of the framework', () => {
  /** The valid rule set with `framework.rounding` replaced (or deleted, for undefined). */
  function withRounding(rounding: unknown): RuleSet {
    const ruleSet = validRuleSet();
    if (rounding === undefined) delete ruleSet.framework.rounding;
    else ruleSet.framework.rounding = rounding as never;
    return ruleSet;
  }

  test.each([
    ['absent', undefined],
    ['values alone', { mode: 'half-up', values: '0' }],
    ['total alone', { mode: 'half-up', total: '6' }],
    ['both', { mode: 'half-up', values: '1', total: '2' }],
  ])('accepts rounding %s', (_, rounding) => {
    expect(parseRuleSet(withRounding(rounding))).toEqual(withRounding(rounding));
  });

  const at = 'framework.rounding';
  test.each([
    ['a count above 6', { mode: 'half-up', total: '7' }, `${at}.total`],
    ['a fraction of a place', { mode: 'half-up', values: '1.5' }, `${at}.values`],
    ['a negative count', { mode: 'half-up', values: '-1' }, `${at}.values`],
    ['a count with a leading zero', { mode: 'half-up', total: '02' }, `${at}.total`],
    ['a count as a JSON number', { mode: 'half-up', total: 2 }, `${at}.total`],
    ['another mode', { mode: 'half-even', total: '2' }, `${at}.mode`],
    ['no mode', { total: '2' }, `${at}.mode`],
    ['a field it does not define', { mode: 'half-up', total: '2', weights: '1' }, at],
  ])('rejects %s', (_, rounding, path) => {
    expect(issuePaths(withRounding(rounding))).toEqual([path]);
  });
});

/** A rule set whose first indicator's formula has `expression` in place of its own tree. */
function withExpression(expression: unknown): RuleSet {
  const ruleSet = validRuleSet();
  const measurement = ruleSet.indicators[0]!.measurement as { expression: unknown };
  measurement.expression = expression;
  return ruleSet;
}

/** Every kind of node at once: `-(mean(a, -2.5, 50%) - max(b)) / (c + 1)`. */
const EVERY_NODE: Expression = {
  op: '/',
  left: {
    negate: {
      op: '-',
      left: { call: 'mean', args: [{ measure: 'a' }, { number: '-2.5' }, { number: '50' }] },
      right: { call: 'max', args: [{ measure: 'b' }] },
    },
  },
  right: { op: '+', left: { measure: 'c' }, right: { number: '1' } },
};

describe('the expression of a formula', () => {
  test('accepts a tree with every kind of node, nested', () => {
    expect(parseRuleSet(withExpression(EVERY_NODE))).toEqual(withExpression(EVERY_NODE));
  });

  test('is required on a formula', () => {
    const ruleSet = validRuleSet();
    delete (ruleSet.indicators[0]!.measurement as { expression?: unknown }).expression;

    expect(issuePaths(ruleSet)).toEqual(['indicators.0.measurement.expression']);
  });

  test('is not allowed on a survey, nor the minimum responses of a survey on a formula', () => {
    const survey = validRuleSet();
    survey.indicators[0]!.measurement = {
      kind: 'survey',
      text: 'survey answers',
      measures: ['answers'],
      expression: { measure: 'answers' },
    } as never;
    const formula = validRuleSet();
    (formula.indicators[0]!.measurement as { minimumResponses?: string }).minimumResponses = '10';

    expect(issuePaths(survey)).toEqual(['indicators.0.measurement']);
    expect(issuePaths(formula)).toEqual(['indicators.0.measurement']);
  });

  const at = 'indicators.0.measurement.expression';
  test.each([
    [
      'an operator it does not define',
      { op: '^', left: { measure: 'a' }, right: { number: '2' } },
      at,
    ],
    ['a function it does not define', { call: 'sum', args: [{ measure: 'a' }] }, at],
    ['a call without arguments', { call: 'min', args: [] }, `${at}.args`],
    ['a number written as a JSON number', { number: 50 }, at],
    ['a number written with its percent sign', { number: '50%' }, `${at}.number`],
    ['a measure that is not an identifier', { measure: 'tasks on time' }, `${at}.measure`],
    ['a node of two kinds at once', { measure: 'a', number: '1' }, at],
    ['a node for brackets', { paren: { measure: 'a' } }, at],
    ['an operation without its right side', { op: '+', left: { measure: 'a' } }, at],
    [
      'a bad node deep inside',
      { negate: { negate: { op: '*', left: {}, right: { number: '1' } } } },
      at,
    ],
  ])('rejects %s', (_, expression, path) => {
    expect(issuePaths(withExpression(expression))).toEqual([path]);
  });
});

describe('DECIMAL_PATTERN', () => {
  test.each(['0', '95', '-2.5', '33.3', '0.05', '-0.05', '100', '12345678901234567890.125'])(
    'accepts the canonical decimal %j',
    (text) => {
      expect(DECIMAL_PATTERN.test(text)).toBe(true);
    },
  );
});

describe('serializeRuleSet', () => {
  test('writes two-space JSON ending in one line feed', () => {
    const text = serializeRuleSet(validRuleSet());

    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "format": "kpilang.rules/3",');
  });
});
