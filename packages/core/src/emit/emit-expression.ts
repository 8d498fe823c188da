/**
 * A measurement formula from the syntax tree to the rule set's JSON tree (`Expression`), so
 * that consumers compute values without parsing formula text. Part of the emitter; brackets
 * are dropped, since the tree keeps what they grouped.
 */
import type * as rules from '@kpilang/rule-set';
import type * as ast from '../syntax/ast.js';
import { FUNCTIONS } from '../semantics/words.js';
import { unreachable } from '../util/never.js';
import { toText } from '../util/decimal.js';

/**
 * The formula as a rule-set expression, or undefined when any part of it is missing: a hole
 * left by parse recovery, a function the checker does not know, or a call without arguments.
 * The checker reports all of these as errors, so an error-free model always gives a tree.
 */
export function toExpression(expr: ast.Expr | undefined, depth = 0): rules.Expression | undefined {
  // The parser refuses formulas nested deeper than a few dozen levels (KPI004); this bound
  // only keeps a broken assumption from exhausting the stack.
  if (!expr || depth > MAX_DEPTH) return undefined;
  const inner = (child: ast.Expr | undefined) => toExpression(child, depth + 1);

  switch (expr.kind) {
    case 'MeasureRef':
      return { measure: expr.name.text };
    case 'NumberExpr':
      // The suffix names a unit and is not applied: `50%` is 50, on the checker's scale.
      return { number: toText(expr.value.value) };
    case 'Paren':
      return inner(expr.inner);
    case 'Negation': {
      const operand = inner(expr.operand);
      return operand && { negate: operand };
    }
    case 'Binary': {
      const left = inner(expr.left);
      const right = inner(expr.right);
      return left && right && { op: expr.op, left, right };
    }
    case 'Call': {
      const name = FUNCTIONS.words.get(expr.callee.text);
      const args = expr.args.map(inner);
      if (!name || args.length === 0) return undefined;
      if (!args.every((arg): arg is rules.Expression => arg !== undefined)) return undefined;
      return { call: name, args };
    }
    default:
      return unreachable(expr, 'formula node');
  }
}

const MAX_DEPTH = 1000;
