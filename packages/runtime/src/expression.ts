/**
 * Evaluates a measurement formula, given as the rule set's expression tree, over the measure
 * values of one period, in exact arithmetic. The formula text is never parsed: the tree is
 * the contract. A division by zero gives no value, never zero and never infinity.
 */
import type { Expression } from '@kpilang/rule-set';
import { Rational, maxRational, minRational, sumRationals } from './rational.js';

export type { Expression };

/** What evaluating a formula gives: a value, or the division whose denominator was zero. */
export type Evaluation = { ok: true; value: Rational } | { ok: false; zeroDenominator: Expression };

/**
 * Evaluates `expression`. `valueOf` gives each measure's value; every measure the formula
 * names must have one (the caller reports missing measures before evaluating).
 */
export function evaluateExpression(
  expression: Expression,
  valueOf: (measure: string) => Rational,
): Evaluation {
  if ('measure' in expression) return { ok: true, value: valueOf(expression.measure) };
  if ('number' in expression) return { ok: true, value: parseNumber(expression.number) };
  if ('negate' in expression) {
    const operand = evaluateExpression(expression.negate, valueOf);
    return operand.ok ? { ok: true, value: operand.value.negate() } : operand;
  }
  if ('call' in expression) return evaluateCall(expression, valueOf);

  const left = evaluateExpression(expression.left, valueOf);
  if (!left.ok) return left;
  const right = evaluateExpression(expression.right, valueOf);
  if (!right.ok) return right;

  switch (expression.op) {
    case '+':
      return { ok: true, value: left.value.add(right.value) };
    case '-':
      return { ok: true, value: left.value.subtract(right.value) };
    case '*':
      return { ok: true, value: left.value.multiply(right.value) };
    case '/':
      if (right.value.isZero()) return { ok: false, zeroDenominator: expression.right };
      return { ok: true, value: left.value.divide(right.value) };
  }
}

/** True when the formula is a ratio: one division at the top of the tree. */
export function isRatio(
  expression: Expression,
): expression is { op: '/'; left: Expression; right: Expression } {
  return 'op' in expression && expression.op === '/';
}

/** The measures a formula names, in order of first use, each once. */
export function measuresOf(expression: Expression): string[] {
  const names = new Set<string>();
  const visit = (node: Expression): void => {
    if ('measure' in node) names.add(node.measure);
    else if ('negate' in node) visit(node.negate);
    else if ('call' in node) node.args.forEach(visit);
    else if ('op' in node) {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expression);
  return [...names];
}

/**
 * Writes a formula as text with the fewest brackets, each measure written by `writeMeasure`
 * (its name by default; the explanation of a result writes its value instead).
 */
export function writeExpression(
  expression: Expression,
  writeMeasure: (measure: string) => string = (measure) => measure,
): string {
  return write(expression, writeMeasure).text;
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;
const ATOM = 4;

function write(
  expression: Expression,
  writeMeasure: (measure: string) => string,
): { text: string; precedence: number } {
  if ('measure' in expression) return { text: writeMeasure(expression.measure), precedence: ATOM };
  if ('number' in expression) {
    return { text: expression.number, precedence: expression.number.startsWith('-') ? 3 : ATOM };
  }
  if ('negate' in expression) {
    const operand = write(expression.negate, writeMeasure);
    return {
      text: `-${operand.precedence < 3 ? `(${operand.text})` : operand.text}`,
      precedence: 3,
    };
  }
  if ('call' in expression) {
    const args = expression.args.map((arg) => write(arg, writeMeasure).text).join(', ');
    return { text: `${expression.call}(${args})`, precedence: ATOM };
  }

  const precedence = PRECEDENCE[expression.op];
  const left = write(expression.left, writeMeasure);
  const right = write(expression.right, writeMeasure);
  const leftText = left.precedence < precedence ? `(${left.text})` : left.text;
  // `a - (b - c)` and `a / (b * c)` keep their brackets: the operators associate to the left.
  const rightText =
    right.precedence <= precedence && right.precedence < 3 ? `(${right.text})` : right.text;
  return { text: `${leftText} ${expression.op} ${rightText}`, precedence };
}

function evaluateCall(
  expression: { call: 'min' | 'max' | 'mean'; args: Expression[] },
  valueOf: (measure: string) => Rational,
): Evaluation {
  const values: Rational[] = [];
  for (const arg of expression.args) {
    const result = evaluateExpression(arg, valueOf);
    if (!result.ok) return result;
    values.push(result.value);
  }
  const [first, ...rest] = values;
  if (first === undefined) throw new RangeError(`${expression.call}() without arguments.`);

  switch (expression.call) {
    case 'min':
      return { ok: true, value: rest.reduce(minRational, first) };
    case 'max':
      return { ok: true, value: rest.reduce(maxRational, first) };
    case 'mean':
      return { ok: true, value: sumRationals(values).divide(Rational.integer(values.length)) };
  }
}

function parseNumber(text: string): Rational {
  const value = Rational.parseDecimal(text);
  if (value === undefined) throw new RangeError(`Not decimal text in a formula: "${text}".`);
  return value;
}
