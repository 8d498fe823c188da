/**
 * Keeps formulas shallow enough to parse without running out of stack. Runs on the token list
 * between the lexer and the parser: the parser recurses once per bracket and per unary minus,
 * so a formula with thousands of `(` or `-` would overflow the call stack.
 *
 * A part of a formula nested deeper than `NESTING_LIMIT` is replaced by one `TooDeep` token,
 * reported once as KPI004; the parser accepts that token where a formula operand may stand,
 * and the syntax tree leaves a hole there. Everything around it parses as usual.
 */
import { createTokenInstance, tokenMatcher, type IToken } from 'chevrotain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineMap } from './source.js';
import * as t from './tokens.js';

/** The deepest nesting of brackets, unary minus and operators a formula may have. */
export const NESTING_LIMIT = 64;

/** What opened one level of nesting. */
type Opener = 'paren' | 'negation';

/**
 * Returns `tokens` with every too-deep formula part collapsed into a `TooDeep` token, and a
 * KPI004 diagnostic at the first token of each such part. Returns the same array when nothing
 * is too deep.
 */
export function limitNesting(
  tokens: IToken[],
  options: { uri: string; lineMap: LineMap },
): { tokens: IToken[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const output: IToken[] = [];
  const stack: Opener[] = [];
  let regionStart = -1;

  const closeRegion = (lastIndex: number) => {
    const first = tokens[regionStart];
    const last = tokens[lastIndex];
    if (first && last) output.push(tooDeepToken(first, last));
    regionStart = -1;
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as IToken;
    if (!isFormulaToken(token)) {
      if (regionStart >= 0) closeRegion(index - 1);
      stack.length = 0;
      output.push(token);
      continue;
    }

    track(stack, token, tokens[index - 1], tokens[index + 1]);
    if (regionStart < 0 && stack.length > NESTING_LIMIT) {
      // The bracket of a call takes its function name along: `min` alone would be a measure.
      const isCall = token.tokenType === t.LParen && tokens[index - 1]?.tokenType === t.Identifier;
      regionStart = isCall ? index - 1 : index;
      if (isCall) output.pop();
      const range = options.lineMap.rangeOf(
        token.startOffset,
        token.startOffset + token.image.length,
      );
      diagnostics.push(makeDiagnostic('KPI004', options.uri, range, [NESTING_LIMIT]));
    }

    if (regionStart < 0) output.push(token);
    else if (stack.length <= NESTING_LIMIT) closeRegion(index);
  }
  if (regionStart >= 0) closeRegion(tokens.length - 1);

  return { tokens: diagnostics.length > 0 ? output : tokens, diagnostics };
}

/** Updates the stack of open levels for one formula token. */
function track(stack: Opener[], token: IToken, previous?: IToken, next?: IToken): void {
  const type = token.tokenType;
  if (type === t.LParen) {
    stack.push('paren');
  } else if (type === t.Minus && isUnary(previous)) {
    stack.push('negation');
  } else if (type === t.RParen) {
    // The bracket closes its negations, itself, and completes the operand of negations before it.
    popNegations(stack);
    if (stack[stack.length - 1] === 'paren') stack.pop();
    popNegations(stack);
  } else if (
    tokenMatcher(token, t.NumberLiteral) ||
    (tokenMatcher(token, t.Identifier) && next?.tokenType !== t.LParen)
  ) {
    popNegations(stack);
  }
}

function popNegations(stack: Opener[]): void {
  while (stack[stack.length - 1] === 'negation') stack.pop();
}

/** A `-` is unary unless it follows something that ends an operand. */
function isUnary(previous?: IToken): boolean {
  // tokenMatcher also sees the tokens in these categories: `95 %`, `tỷ_lệ`.
  if (!previous) return true;
  return !(
    tokenMatcher(previous, t.NumberLiteral) ||
    tokenMatcher(previous, t.Identifier) ||
    previous.tokenType === t.RParen
  );
}

const FORMULA_TOKENS = new Set([
  t.LParen,
  t.RParen,
  t.Minus,
  t.Plus,
  t.Star,
  t.Slash,
  t.Comma,
  t.NumberLiteral,
  t.Identifier,
]);

/** Tokens that may appear inside a formula; any other token ends it. */
function isFormulaToken(token: IToken): boolean {
  return FORMULA_TOKENS.has(token.tokenType);
}

/** One token covering `first` to `last`, so that the hole keeps a real place in the text. */
function tooDeepToken(first: IToken, last: IToken): IToken {
  const end = last.startOffset + last.image.length;
  const image = ' '.repeat(Math.max(0, end - first.startOffset));
  return createTokenInstance(t.TooDeep, image, first.startOffset, end - 1, NaN, NaN, NaN, NaN);
}
