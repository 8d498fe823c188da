/**
 * Units through a measurement formula, as far as they can be known. Measures are declared
 * nowhere and carry no unit, so only the written numbers (`5%`, `2`, `48h`, `3d`) and the
 * functions (`min`, `max`, `mean`; any other name is KPI102) tell anything. Adding or
 * comparing numbers of different units (`a + 5% + 2`) is KPI503; so is a function given
 * nothing to work on.
 */
import type * as ast from '../syntax/ast.js';
import { unreachable } from '../util/never.js';
import { unwrapParens } from './convert.js';
import type { Indicator } from './model.js';
import type { CheckState } from './state.js';
import { FUNCTIONS, readWord } from './words.js';

/** What a part of a formula is known to be: a number of a unit, or unknown (a measure). */
type FormulaUnit = 'percent' | 'hours' | 'days' | 'number' | 'unknown';

const PHRASE: Record<Exclude<FormulaUnit, 'unknown'>, string> = {
  percent: 'a percentage',
  hours: 'hours',
  days: 'days',
  number: 'a plain number',
};

/** Deeper than this the parser has already refused the formula; nothing more is inferred. */
const MAX_DEPTH = 400;

/** Checks the formula of every indicator that has one. */
export function checkFormulas(state: CheckState): void {
  for (const indicator of state.model.indicators) {
    const measurement = indicator.node.measurement;
    if (measurement?.kind !== 'FormulaMeasurement' || !measurement.formula) continue;
    const formula = measurement.formula;
    const place = { uri: indicator.uri ?? '', range: measurement.range };
    state.reporter.guard('formula units', place, () => unitOf(state, indicator, formula, 0));
  }
}

function unitOf(
  state: CheckState,
  indicator: Indicator,
  expr: ast.Expr | undefined,
  depth: number,
): FormulaUnit {
  if (!expr || depth > MAX_DEPTH) return 'unknown';
  const inner = (child: ast.Expr | undefined): FormulaUnit =>
    unitOf(state, indicator, child, depth + 1);

  switch (expr.kind) {
    case 'NumberExpr':
      return literalUnit(expr.value);
    case 'MeasureRef':
      return 'unknown';
    case 'Paren':
      return inner(expr.inner);
    case 'Negation':
      // A minus changes the sign, not the unit: -(5%) is still a percentage.
      return inner(expr.operand);
    case 'Binary':
      if (expr.op === '+' || expr.op === '-') return sumUnit(state, indicator, expr, depth);
      return productUnit(expr.op, inner(expr.left), inner(expr.right));
    case 'Call':
      return callUnit(state, indicator, expr, expr.args.map(inner));
    default:
      return unreachable(expr, 'formula node');
  }
}

function literalUnit(value: ast.NumberLit): FormulaUnit {
  if (value.suffix === '%') return 'percent';
  if (value.suffix === 'h') return 'hours';
  if (value.suffix === 'd') return 'days';
  return 'number';
}

/**
 * A chain of additions and subtractions, taken as one list of terms (brackets included), so
 * that `a + 5% + 2` is seen to add a percentage and a plain number even though `a` has no
 * known unit. The sum has the unit its known terms agree on.
 */
function sumUnit(
  state: CheckState,
  indicator: Indicator,
  expr: ast.Binary,
  depth: number,
): FormulaUnit {
  const { terms, subtracts } = additiveTerms(expr);
  const units = terms.map((term) => unitOf(state, indicator, term, depth + 1));
  const known = [...new Set(units.filter((unit) => unit !== 'unknown'))];
  if (known.length <= 1) return known[0] ?? 'unknown';

  const verb = subtracts ? 'adds and subtracts' : 'adds';
  const phrases = known.map((unit) => PHRASE[unit as Exclude<FormulaUnit, 'unknown'>]);
  const detail = `This formula ${verb} ${phrases.join(' and ')}, which are in different units.`;
  state.reporter.report('KPI503', { uri: indicator.uri ?? '', range: expr.range }, [detail]);
  return 'unknown';
}

/** The terms of an additive chain, left to right, looking through brackets. */
function additiveTerms(expr: ast.Binary): { terms: (ast.Expr | undefined)[]; subtracts: boolean } {
  const terms: (ast.Expr | undefined)[] = [];
  const stack: (ast.Expr | undefined)[] = [expr];
  let subtracts = false;
  while (stack.length > 0) {
    const node = stack.pop();
    const bare = unwrapParens(node);
    if (bare?.kind === 'Binary' && (bare.op === '+' || bare.op === '-')) {
      subtracts ||= bare.op === '-';
      stack.push(bare.right, bare.left);
    } else {
      terms.push(node);
    }
  }
  return { terms, subtracts };
}

function productUnit(op: '*' | '/', left: FormulaUnit, right: FormulaUnit): FormulaUnit {
  if (op === '*') {
    if (left === 'number') return right;
    return right === 'number' ? left : 'unknown';
  }
  if (right === 'number') return left;
  return left === right && left !== 'unknown' ? 'number' : 'unknown';
}

function callUnit(
  state: CheckState,
  indicator: Indicator,
  expr: ast.Call,
  args: FormulaUnit[],
): FormulaUnit {
  const uri = indicator.uri ?? '';
  const name = readWord(state.reporter, uri, expr.callee, FUNCTIONS);
  if (!name) return 'unknown';
  if (args.length === 0) {
    const detail = `'${name}' needs at least one value, for example ${name}(a, b).`;
    state.reporter.report('KPI503', { uri, range: expr.range }, [detail]);
    return 'unknown';
  }

  const known = [...new Set(args.filter((unit) => unit !== 'unknown'))];
  if (known.length > 1) {
    const phrases = known.map((unit) => PHRASE[unit as Exclude<FormulaUnit, 'unknown'>]);
    const detail = `'${name}' compares ${phrases.join(' and ')}, which are in different units.`;
    state.reporter.report('KPI503', { uri, range: expr.range }, [detail]);
    return 'unknown';
  }
  return args.every((unit) => unit === known[0]) && known[0] ? known[0] : 'unknown';
}
