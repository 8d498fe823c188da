/**
 * Units through a measurement formula, as far as they can be known. Measures are declared
 * nowhere and carry no unit, so only the written numbers (`5%`, `2`, `48h`, `3d`) and the
 * functions (`min`, `max`, `mean`; any other name is KPI102) tell anything. Adding or
 * comparing numbers of different units (`a + 5% + 2`) is KPI503; so is a function given
 * nothing to work on, and so is a result whose written unit is not the indicator's
 * (`done + 5%` on an hours indicator).
 */
import type * as ast from '../syntax/ast.js';
import { toText } from '../util/decimal.js';
import { unreachable } from '../util/never.js';
import { unwrapParens, walkExpr } from './convert.js';
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
    state.reporter.guard('formula units', place, () => checkResultUnit(state, indicator, formula));
    state.reporter.guard('percent ratio', place, () => checkScaledTwice(state, indicator, formula));
    state.reporter.guard('percent share', place, () =>
      checkUnscaledShare(state, indicator, formula),
    );
  }
}

/**
 * KPI504: on a percent indicator a formula that is one division is read as a share and
 * multiplied by 100 (19 of 20 is 95%). A numerator that multiplies by 100 itself
 * (`100 * done / total`, read as `(100 * done) / total`) would count the 100 twice. When the
 * other factor is a measure, the fix writes the measure alone.
 */
function checkScaledTwice(state: CheckState, indicator: Indicator, formula: ast.Expr): void {
  if (indicator.unit?.name !== 'percent' || indicator.unit.per) return;
  const top = unwrapParens(formula);
  if (top?.kind !== 'Binary' || top.op !== '/') return;
  const numerator = unwrapParens(top.left);
  if (numerator?.kind !== 'Binary' || numerator.op !== '*') return;
  const [hundred, other] = isHundred(numerator.left)
    ? [numerator.left, numerator.right]
    : isHundred(numerator.right)
      ? [numerator.right, numerator.left]
      : [];
  if (!hundred) return;

  const uri = indicator.uri ?? '';
  const measure = unwrapParens(other);
  const fixes =
    measure?.kind === 'MeasureRef'
      ? [
          {
            title: `Write '${measure.name.text}' without '100 *'`,
            edits: [{ uri, range: numerator.range, newText: measure.name.text }],
          },
        ]
      : [];
  state.reporter.report('KPI504', { uri, range: numerator.range }, [indicator.id], { fixes });
}

/**
 * KPI505: on a percent indicator, a formula that is not one division but divides inside
 * (`mean(a / b, c / d)`, `1 - late / total`) gives a share from 0 to 1 that nothing scales,
 * unless the formula multiplies by 100 somewhere. The fix multiplies the whole formula by 100.
 */
function checkUnscaledShare(state: CheckState, indicator: Indicator, formula: ast.Expr): void {
  if (indicator.unit?.name !== 'percent' || indicator.unit.per) return;
  const top = unwrapParens(formula);
  if (!top || (top.kind === 'Binary' && top.op === '/')) return;
  let divides = false;
  let hundred = false;
  walkExpr(formula, (node) => {
    if (node.kind === 'Binary' && node.op === '/') divides = true;
    if (isHundred(node)) hundred = true;
  });
  if (!divides || hundred) return;

  const uri = indicator.uri ?? '';
  const { start, end } = formula.range;
  const fix = {
    title: 'Multiply the formula by 100',
    edits: [
      { uri, range: { start, end: start }, newText: '(' },
      { uri, range: { start: end, end }, newText: ') * 100' },
    ],
  };
  state.reporter.report('KPI505', { uri, range: formula.range }, [indicator.id], {
    fixes: [fix],
  });
}

/** True for the plain number 100 (written `100` or `100.0`, with no unit). */
function isHundred(expr: ast.Expr | undefined): boolean {
  const inner = unwrapParens(expr);
  return (
    inner?.kind === 'NumberExpr' &&
    inner.value.suffix === undefined &&
    toText(inner.value.value) === '100'
  );
}

/**
 * Infers the formula's units (reporting mixtures inside it) and, when its result has a unit
 * a number was written in (`%`, `h`, `d`), KPI503 at the formula if the indicator is declared
 * in another unit. A plain number or a measure says nothing, so it never conflicts.
 */
function checkResultUnit(state: CheckState, indicator: Indicator, formula: ast.Expr): void {
  const top = unwrapParens(formula);
  const { unit, verb } =
    top?.kind === 'Binary' && (top.op === '+' || top.op === '-')
      ? sumUnit(state, indicator, top, 0)
      : { unit: unitOf(state, indicator, formula, 0), verb: 'gives' };

  const declared = indicator.unit;
  if (!declared || unit === 'unknown' || unit === 'number') return;
  if (!declared.scale && declared.name === unit) return;

  const name = declared.per ? `${declared.name} per ${declared.per}` : declared.name;
  const detail = `The formula ${verb} ${PHRASE[unit]}, but the indicator's unit is ${name}.`;
  state.reporter.report('KPI503', { uri: indicator.uri ?? '', range: formula.range }, [detail]);
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
      if (expr.op === '+' || expr.op === '-') return sumUnit(state, indicator, expr, depth).unit;
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
 * known unit. The sum has the unit its known terms agree on; `verb` says what the chain does
 * with them ("adds", "subtracts"), for a message about the result.
 */
function sumUnit(
  state: CheckState,
  indicator: Indicator,
  expr: ast.Binary,
  depth: number,
): { unit: FormulaUnit; verb: string } {
  const terms = additiveTerms(expr);
  const units = terms.map((term) => unitOf(state, indicator, term.expr, depth + 1));
  const known = [...new Set(units.filter((unit) => unit !== 'unknown'))];
  if (known.length <= 1) {
    const withUnit = terms.filter((_, index) => units[index] !== 'unknown');
    return { unit: known[0] ?? 'unknown', verb: verbOf(withUnit) };
  }

  const verb = verbOf(terms);
  const phrases = known.map((unit) => PHRASE[unit as Exclude<FormulaUnit, 'unknown'>]);
  const detail = `This formula ${verb} ${phrases.join(' and ')}, which are in different units.`;
  state.reporter.report('KPI503', { uri: indicator.uri ?? '', range: expr.range }, [detail]);
  return { unit: 'unknown', verb };
}

/** One term of an additive chain: `negated` when it is subtracted (an odd number of times). */
interface Term {
  expr: ast.Expr | undefined;
  negated: boolean;
}

/** What a chain does with `terms`: "adds", "subtracts", or "adds and subtracts". */
function verbOf(terms: Term[]): string {
  const subtracted = terms.filter((term) => term.negated).length;
  if (subtracted === 0) return 'adds';
  return subtracted === terms.length ? 'subtracts' : 'adds and subtracts';
}

/** The terms of an additive chain, left to right, looking through brackets. */
function additiveTerms(expr: ast.Binary): Term[] {
  const terms: Term[] = [];
  const stack: Term[] = [{ expr, negated: false }];
  while (stack.length > 0) {
    const term = stack.pop() as Term;
    const bare = unwrapParens(term.expr);
    if (bare?.kind === 'Binary' && (bare.op === '+' || bare.op === '-')) {
      const right = { expr: bare.right, negated: term.negated !== (bare.op === '-') };
      stack.push(right, { expr: bare.left, negated: term.negated });
    } else {
      terms.push(term);
    }
  }
  return terms;
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
