/**
 * Formula trees evaluated exactly, and written back as text for explanations.
 */
import { describe, expect, test } from 'vitest';
import type { Expression } from '@kpilang/rule-set';
import { Rational, evaluateExpression, writeExpression } from '@kpilang/runtime';
import { measure, num, op } from './fixture.js';

const values: Record<string, string> = { a: '10', b: '4', c: '0', d: '2.5' };
const valueOf = (name: string) => Rational.parseDecimal(values[name] ?? '')!;
const evaluate = (expression: Expression) => {
  const result = evaluateExpression(expression, valueOf);
  return result.ok
    ? result.value.toExactText()
    : `zero: ${writeExpression(result.zeroDenominator)}`;
};

describe('evaluateExpression', () => {
  test.each<[string, Expression, string]>([
    ['a + b * d', op(measure('a'), '+', op(measure('b'), '*', measure('d'))), '20'],
    ['(a - b) / b', op(op(measure('a'), '-', measure('b')), '/', measure('b')), '1.5'],
    ['a / 3', op(measure('a'), '/', num('3')), '10/3'],
    ['-(a - b)', { negate: op(measure('a'), '-', measure('b')) }, '-6'],
    ['min(a, b, d)', { call: 'min', args: [measure('a'), measure('b'), measure('d')] }, '2.5'],
    ['max(a, -5)', { call: 'max', args: [measure('a'), num('-5')] }, '10'],
    ['mean(a, b, d)', { call: 'mean', args: [measure('a'), measure('b'), measure('d')] }, '5.5'],
    ['mean(a, b, c)', { call: 'mean', args: [measure('a'), measure('b'), measure('c')] }, '14/3'],
  ])('%s', (_, expression, expected) => {
    expect(evaluate(expression)).toBe(expected);
  });

  test('a division by zero anywhere in the tree gives no value and names the denominator', () => {
    expect(evaluate(op(measure('a'), '/', measure('c')))).toBe('zero: c');
    expect(
      evaluate(op(num('1'), '+', op(measure('a'), '/', op(measure('b'), '-', num('4'))))),
    ).toBe('zero: b - 4');
    expect(evaluate({ call: 'max', args: [num('1'), op(measure('a'), '/', measure('c'))] })).toBe(
      'zero: c',
    );
  });
});

describe('writeExpression', () => {
  test.each<[Expression, string]>([
    [op(op(measure('a'), '-', measure('b')), '-', measure('c')), 'a - b - c'],
    [op(measure('a'), '-', op(measure('b'), '-', measure('c'))), 'a - (b - c)'],
    [op(op(measure('a'), '+', measure('b')), '/', measure('c')), '(a + b) / c'],
    [op(measure('a'), '/', op(measure('b'), '*', measure('c'))), 'a / (b * c)'],
    [op(measure('a'), '*', { negate: measure('b') }), 'a * -b'],
    [{ negate: op(measure('a'), '+', measure('b')) }, '-(a + b)'],
    [{ call: 'min', args: [measure('a'), op(measure('b'), '+', num('1'))] }, 'min(a, b + 1)'],
  ])('%j is written %s', (expression, text) => {
    expect(writeExpression(expression)).toBe(text);
  });

  test('writes values in place of measures when asked', () => {
    expect(
      writeExpression(op(measure('a'), '/', measure('b')), (name) => values[name] ?? '?'),
    ).toBe('10 / 4');
  });
});
