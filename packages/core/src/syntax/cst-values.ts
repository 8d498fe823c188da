/**
 * The small parts of the syntax tree: labels, numbers, conditions, bands and formulas. Used by
 * `cst-to-ast.ts` for every declaration. Each function takes a CST node that may be missing or
 * partial and returns `undefined` for whatever the text did not supply.
 */
import type { CstNode, IToken } from 'chevrotain';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import { parseDecimal } from '../util/decimal.js';
import type {
  BandsClause,
  Comparator,
  Condition,
  Expr,
  Label,
  NumberLit,
  NumberSuffix,
  TargetClause,
} from './ast.js';
import {
  joinSpans,
  nameOf,
  nodeAt,
  nodesAt,
  onlyChild,
  spanOfNode,
  spanOfToken,
  textOf,
  toRange,
  tokenAt,
  tokensAt,
  type AstContext,
} from './cst-access.js';
import { NESTING_LIMIT } from './nesting.js';

/** `"Tiếng Việt" / "English"`: undefined when the first string is missing. */
export function toLabel(context: AstContext, node: CstNode | undefined): Label | undefined {
  const vi = textOf(context, tokenAt(node, 'vi'));
  const span = spanOfNode(node);
  if (!vi || !span) return undefined;
  const en = textOf(context, tokenAt(node, 'en'));
  return { kind: 'Label', vi, ...(en ? { en } : {}), range: toRange(context, span) };
}

/** A `number` node: an optional sign, digits and a suffix, read exactly. */
export function toNumber(context: AstContext, node: CstNode | undefined): NumberLit | undefined {
  const digits = tokenAt(node, 'NumberLiteral');
  if (!digits) return undefined;
  const sign = tokenAt(node, 'Minus');
  const fraction = tokenAt(node, 'fraction');
  if (!fraction) return numberFrom(context, digits, sign);
  return decimalComma(context, digits, fraction, sign);
}

/**
 * `95,5%` read as `95.5%`, over the range of all it covers, with one diagnostic and a fix that
 * writes the dot. The grammar only gives a fraction when no space stands around the comma.
 */
function decimalComma(
  context: AstContext,
  whole: IToken,
  fraction: IToken,
  sign?: IToken,
): NumberLit | undefined {
  // The joined image is as long as the text it stands for, so its range is the written one.
  const joined = { ...whole, image: `${whole.image}.${fraction.image}` };
  const number = numberFrom(context, joined, sign);
  if (!number) return undefined;

  const written = toRange(context, spanOfToken(joined));
  const detail = `Write decimals with a dot: ${joined.image}.`;
  const edits = [{ uri: context.uri, range: written, newText: joined.image }];
  const fixes = [{ title: `Write ${joined.image}`, edits }];
  context.diagnostics.push(makeDiagnostic('KPI001', context.uri, written, [detail], { fixes }));
  return number;
}

function numberFrom(context: AstContext, digits: IToken, sign?: IToken): NumberLit | undefined {
  // `95 %` (reported by the lexer) is read as `95%`; its range still covers the space.
  const image = digits.image.replace(/[ \t\u00a0]+/, '');
  const suffix = /[%hd]$/.test(image) ? (image.slice(-1) as NumberSuffix) : undefined;
  const text = `${sign ? '-' : ''}${image}`;
  const value = parseDecimal(suffix ? text.slice(0, -1) : text);
  const span = joinSpans(sign ? spanOfToken(sign) : undefined, spanOfToken(digits));
  if (!value || !span) return undefined;
  return {
    kind: 'Number',
    value,
    ...(suffix ? { suffix } : {}),
    text,
    range: toRange(context, span),
  };
}

const COMPARATORS: Record<string, Comparator> = {
  '>': '>',
  '>=': '>=',
  '≥': '>=',
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '=': '=',
};

/** A `condition` node: a comparison, `a .. b`, `from a [to under b]` or `under b`. */
export function toCondition(context: AstContext, node: CstNode | undefined): Condition | undefined {
  const form = onlyChild(node);
  const span = spanOfNode(form);
  if (!form || !span) return undefined;
  const range = toRange(context, span);

  switch (form.name) {
    case 'comparison': {
      const op = tokenAt(form, 'op');
      const comparator = op ? COMPARATORS[op.image] : undefined;
      if (!op || !comparator) return undefined;
      const value = toNumber(context, nodeAt(form, 'number'));
      const opRange = toRange(context, spanOfToken(op));
      return { kind: 'Comparison', op: comparator, opRange, value, form: 'symbol', range };
    }
    case 'dotsRange': {
      const low = toNumber(context, nodeAt(form, 'low'));
      const high = toNumber(context, nodeAt(form, 'high'));
      return { kind: 'Between', low, high, highInclusive: true, form: 'dots', range };
    }
    case 'fromRange':
      return toFromRange(context, form, range);
    case 'underBound': {
      const under = tokenAt(form, 'Kw_under');
      const value = toNumber(context, nodeAt(form, 'number'));
      const opRange = toRange(context, under ? spanOfToken(under) : span);
      return { kind: 'Comparison', op: '<', opRange, value, form: 'under', range };
    }
    default:
      return undefined;
  }
}

/** `from 70 to under 90` is half-open; `from 90` alone is the same as `>= 90`. */
function toFromRange(context: AstContext, form: CstNode, range: Condition['range']): Condition {
  const low = toNumber(context, nodeAt(form, 'low'));
  if (tokenAt(form, 'Kw_to') || tokenAt(form, 'Kw_under')) {
    const high = toNumber(context, nodeAt(form, 'high'));
    return { kind: 'Between', low, high, highInclusive: false, form: 'from-to-under', range };
  }

  const from = tokenAt(form, 'Kw_from');
  const opRange = from ? toRange(context, spanOfToken(from)) : range;
  return { kind: 'Comparison', op: '>=', opRange, value: low, form: 'from', range };
}

/** A `targetField` node: `target <condition>`. */
export function toTarget(context: AstContext, node: CstNode | undefined): TargetClause | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;
  const condition = toCondition(context, nodeAt(node, 'condition'));
  return { kind: 'TargetClause', condition, range: toRange(context, span) };
}

/** A `bandsField` node: `bands { level condition ... }`. Bands without a level are dropped. */
export function toBands(context: AstContext, node: CstNode | undefined): BandsClause | undefined {
  const span = spanOfNode(node);
  if (!span) return undefined;

  const bands: BandsClause['bands'] = [];
  for (const band of nodesAt(nodeAt(node, 'bandsBlock'), 'band')) {
    const level = nameOf(context, tokenAt(band, 'Identifier'));
    const bandSpan = spanOfNode(band);
    if (!level || !bandSpan) continue;
    const condition = toCondition(context, nodeAt(band, 'condition'));
    bands.push({ kind: 'Band', level, condition, range: toRange(context, bandSpan) });
  }
  return { kind: 'BandsClause', bands, range: toRange(context, span) };
}

/** A formula part and its nesting: brackets, negations and operators above its leaves. */
interface Built {
  expr: Expr | undefined;
  depth: number;
}

/**
 * An `expression` node as a formula. A formula nested more than `NESTING_LIMIT` levels (a long
 * chain of operators, which the parser reads without recursing) is reported as KPI004 and
 * dropped, so that no later pass has to walk it. Too-deep brackets were already cut out and
 * reported by `nesting.ts`; their hole is left undefined.
 */
export function toFormula(context: AstContext, node: CstNode | undefined): Expr | undefined {
  const holes = { found: false };
  const built = buildExpression(context, node, 0, holes);
  if (built.depth <= NESTING_LIMIT || holes.found) return built.expr;

  const span = spanOfNode(node);
  if (span) {
    const first = { start: span.start, end: span.start + 1 };
    context.diagnostics.push(
      makeDiagnostic('KPI004', context.uri, toRange(context, first), [NESTING_LIMIT]),
    );
  }
  return undefined;
}

/** Beyond this the CST cannot come from the parser after `nesting.ts`; stop rather than recurse. */
const RECURSION_GUARD = 8 * NESTING_LIMIT;

type Holes = { found: boolean };

/** `expression` and `term` nodes alike: operands joined left to right by operators. */
function buildExpression(
  context: AstContext,
  node: CstNode | undefined,
  depth: number,
  holes: Holes,
): Built {
  if (!node || depth > RECURSION_GUARD) return { expr: undefined, depth: 0 };
  const build = (operand: CstNode) =>
    operand.name === 'factor'
      ? buildFactor(context, operand, depth + 1, holes)
      : buildExpression(context, operand, depth + 1, holes);

  const operands = nodesAt(node, 'operand');
  const operators = tokensAt(node, 'operator');
  const first = operands[0];
  let left: Built = first ? build(first) : { expr: undefined, depth: 0 };

  for (let index = 1; index < operands.length; index++) {
    const operand = operands[index] as CstNode;
    const operator = operators[index - 1];
    const right = build(operand);
    if (!operator) continue;
    const span = joinSpans(spanOfNode(first), spanOfToken(operator), spanOfNode(operand));
    if (!span) continue;
    const op = operator.image as '+' | '-' | '*' | '/';
    left = {
      expr: {
        kind: 'Binary',
        op,
        left: left.expr,
        right: right.expr,
        range: toRange(context, span),
      },
      depth: Math.max(left.depth, right.depth) + 1,
    };
  }
  return left;
}

/** A `factor` node: a number, a measure or call, a bracket, a negation, or a too-deep hole. */
function buildFactor(context: AstContext, node: CstNode, depth: number, holes: Holes): Built {
  const span = spanOfNode(node);
  const number = tokenAt(node, 'NumberLiteral');
  if (number) return { expr: numberExpr(context, number), depth: 0 };
  if (tokenAt(node, 'TooDeep')) holes.found = true;

  const inner = onlyChild(node);
  if (!inner || !span || depth > RECURSION_GUARD) return { expr: undefined, depth: 0 };
  const range = toRange(context, span);

  switch (inner.name) {
    case 'reference':
      return buildReference(context, inner, depth, holes);
    case 'parenthesized': {
      const built = buildExpression(context, nodeAt(inner, 'expression'), depth + 1, holes);
      return { expr: { kind: 'Paren', inner: built.expr, range }, depth: built.depth + 1 };
    }
    case 'negation': {
      const operandNode = nodeAt(inner, 'factor');
      const digits = tokenAt(operandNode, 'NumberLiteral');
      const sign = tokenAt(inner, 'Minus');
      if (digits && sign) return { expr: numberExpr(context, digits, sign), depth: 0 };
      const built = operandNode ? buildFactor(context, operandNode, depth + 1, holes) : undefined;
      const expr: Expr = { kind: 'Negation', operand: built?.expr, range };
      return { expr, depth: (built?.depth ?? 0) + 1 };
    }
    default:
      return { expr: undefined, depth: 0 };
  }
}

/** `name` is a measure; `name(args)` is a call such as `min(a, b)`. */
function buildReference(context: AstContext, node: CstNode, depth: number, holes: Holes): Built {
  const name = nameOf(context, tokenAt(node, 'Identifier'));
  const span = spanOfNode(node);
  if (!name || !span) return { expr: undefined, depth: 0 };
  const range = toRange(context, span);
  if (!tokenAt(node, 'LParen')) return { expr: { kind: 'MeasureRef', name, range }, depth: 0 };

  const args: Expr[] = [];
  let deepest = 0;
  for (const argument of nodesAt(node, 'argument')) {
    const built = buildExpression(context, argument, depth + 1, holes);
    if (built.expr) args.push(built.expr);
    deepest = Math.max(deepest, built.depth);
  }
  return { expr: { kind: 'Call', callee: name, args, range }, depth: deepest + 1 };
}

function numberExpr(context: AstContext, digits: IToken, sign?: IToken): Expr | undefined {
  const value = numberFrom(context, digits, sign);
  return value ? { kind: 'NumberExpr', value, range: value.range } : undefined;
}
