/**
 * Small conversions from syntax to model values: labels to bilingual text, conditions to
 * intervals, and conditions and formulas back to canonical text for messages and the rule
 * set. Pure; missing children (after parse recovery) give undefined, never an exception.
 */
import type * as ast from '../syntax/ast.js';
import { unreachable } from '../util/never.js';
import type { Bilingual, Interval } from './model.js';

/** The label in both languages; a single string serves both, a missing label gives `fallback`. */
export function toBilingual(label: ast.Label | undefined, fallback = ''): Bilingual {
  const vi = label?.vi.value ?? fallback;
  return { vi, en: label?.en?.value ?? vi };
}

/** The numbers a condition writes, in order (those the parser could read). */
export function conditionNumbers(condition: ast.Condition | undefined): ast.NumberLit[] {
  if (!condition) return [];
  if (condition.kind === 'Comparison') return condition.value ? [condition.value] : [];
  return [condition.low, condition.high].filter((value): value is ast.NumberLit => !!value);
}

/**
 * The set of values a condition describes, in the unit of its numbers (the suffix is not
 * applied: `95%` and `95` are both 95). Undefined when a number is missing.
 */
export function conditionInterval(condition: ast.Condition | undefined): Interval | undefined {
  if (!condition) return undefined;

  if (condition.kind === 'Between') {
    if (!condition.low || !condition.high) return undefined;
    return {
      low: condition.low.value,
      lowInclusive: true,
      high: condition.high.value,
      highInclusive: condition.highInclusive,
    };
  }

  const value = condition.value?.value;
  if (!value) return undefined;
  switch (condition.op) {
    case '>':
      return { low: value, lowInclusive: false, highInclusive: false };
    case '>=':
      return { low: value, lowInclusive: true, highInclusive: false };
    case '<':
      return { lowInclusive: false, high: value, highInclusive: false };
    case '<=':
      return { lowInclusive: false, high: value, highInclusive: true };
    case '=':
      return { low: value, lowInclusive: true, high: value, highInclusive: true };
  }
}

/** The condition as written, normalised: `>= 95%`, `80% .. 95%`, `from 70 to under 90`. */
export function conditionText(condition: ast.Condition | undefined): string {
  if (!condition) return '';
  if (condition.kind === 'Between') {
    const low = condition.low?.text ?? '?';
    const high = condition.high?.text ?? '?';
    return condition.form === 'dots' ? `${low} .. ${high}` : `from ${low} to under ${high}`;
  }

  const value = condition.value?.text ?? '?';
  if (condition.form === 'from') return `from ${value}`;
  if (condition.form === 'under') return `under ${value}`;
  return `${condition.op} ${value}`;
}

/**
 * A formula as canonical text: single spaces around operators, brackets as written, a minus
 * written against what it negates (`-x`, `-(a + b)`), so the text reads back to the same
 * formula. Past
 * `MAX_TEXT_DEPTH` levels (the parser refuses deeper formulas anyway) the rest is elided, so
 * that no input can exhaust the stack.
 */
export function exprText(expr: ast.Expr | undefined, depth = 0): string {
  if (!expr) return '?';
  if (depth > MAX_TEXT_DEPTH) return '...';

  const inner = (child: ast.Expr | undefined): string => exprText(child, depth + 1);
  switch (expr.kind) {
    case 'MeasureRef':
      return expr.name.text;
    case 'NumberExpr':
      return expr.value.text;
    case 'Binary':
      return `${inner(expr.left)} ${expr.op} ${inner(expr.right)}`;
    case 'Call':
      return `${expr.callee.text}(${expr.args.map(inner).join(', ')})`;
    case 'Paren':
      return `(${inner(expr.inner)})`;
    case 'Negation':
      return `-${inner(expr.operand)}`;
    default:
      return unreachable(expr, 'formula node');
  }
}

const MAX_TEXT_DEPTH = 400;

/** The expression inside any number of brackets. */
export function unwrapParens(expr: ast.Expr | undefined): ast.Expr | undefined {
  let current = expr;
  while (current?.kind === 'Paren') current = current.inner;
  return current;
}

/** Calls `visit` on every node of a formula, outermost first, without recursion limits. */
export function walkExpr(expr: ast.Expr | undefined, visit: (node: ast.Expr) => void): void {
  const stack: ast.Expr[] = expr ? [expr] : [];
  while (stack.length > 0) {
    const node = stack.pop() as ast.Expr;
    visit(node);
    const children = exprChildren(node);
    for (let index = children.length - 1; index >= 0; index--)
      stack.push(children[index] as ast.Expr);
  }
}

function exprChildren(node: ast.Expr): ast.Expr[] {
  switch (node.kind) {
    case 'Binary':
      return [node.left, node.right].filter((child): child is ast.Expr => !!child);
    case 'Call':
      return node.args;
    case 'Paren':
      return node.inner ? [node.inner] : [];
    case 'Negation':
      return node.operand ? [node.operand] : [];
    case 'MeasureRef':
    case 'NumberExpr':
      return [];
    default:
      return unreachable(node, 'formula node');
  }
}
