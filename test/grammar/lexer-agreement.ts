/**
 * Compares the TextMate grammar with the lexer (`packages/core/src/syntax/lex.ts`) on one text:
 * every token the lexer makes must be whole tokens of the grammar with a scope of the same
 * kind, and every character the lexer skips must be a space, a comment, or, where the lexer
 * reports an unexpected character, marked invalid by the grammar.
 */
import type { IGrammar } from 'vscode-textmate';
import { createLexer } from '../../packages/core/src/syntax/lex.js';
import { tokenize, type GrammarToken } from './tm-grammar.js';

const lexer = createLexer({ validate: false });

/** A token of the lexer (chevrotain's `IToken`). */
type LexerToken = ReturnType<typeof lexer.tokenize>['tokens'][number];

/** What the lexer skips as space between tokens (its `WhiteSpace` token). */
const SPACE = /[ \t\f\v\u00a0\r\n]/;

/** Says whether the scopes of a grammar token fit a lexer token of this type. */
type Fits = (scopes: string[]) => boolean;

const has = (...prefixes: string[]): Fits => {
  return (scopes) => scopes.some((scope) => prefixes.some((prefix) => scope.startsWith(prefix)));
};

const fitsName = has(
  'variable.other.',
  'entity.name.type.',
  'constant.language.',
  'support.function.',
);
const fitsString = has('string.quoted.');

/** The scopes each lexer token type may get, by the token type's name. */
const FITS: Record<string, Fits> = {
  Identifier: fitsName,
  AccentedName: fitsName,
  NumberLiteral: has('constant.numeric.kpi'),
  SpacedPercent: has('constant.numeric.kpi'),
  DateLiteral: has('constant.numeric.date.kpi'),
  ClosedString: (scopes) => fitsString(scopes) && !has('invalid.')(scopes),
  UnterminatedString: fitsString,
  CurlyString: fitsString,
  LBrace: has('punctuation.section.block.begin.kpi'),
  RBrace: has('punctuation.section.block.end.kpi'),
  LParen: has('punctuation.section.parens.begin.kpi'),
  RParen: has('punctuation.section.parens.end.kpi'),
  Comma: has('punctuation.separator.comma.kpi'),
  DotDot: has('keyword.operator.range.kpi'),
  Slash: has('punctuation.separator.label.kpi', 'keyword.operator.arithmetic.kpi'),
  Star: has('keyword.operator.arithmetic.kpi'),
  Plus: has('keyword.operator.arithmetic.kpi'),
  Minus: has('keyword.operator.arithmetic.kpi'),
  GreaterEqual: has('keyword.operator.comparison.kpi'),
  Greater: has('keyword.operator.comparison.kpi'),
  LessEqual: has('keyword.operator.comparison.kpi'),
  Less: has('keyword.operator.comparison.kpi'),
  Equal: has('keyword.operator.comparison.kpi'),
};

/** A keyword is a keyword, or an enumerated word where one is expected (`aggregate every`). */
const fitsKeyword = has('keyword.declaration.kpi', 'keyword.other.kpi', 'constant.language.');

/**
 * Where the grammar and the lexer disagree on `text`, one line per disagreement, naming the
 * line, column and text; empty when they agree.
 */
export function disagreements(grammar: IGrammar, text: string): string[] {
  const lexed = lexer.tokenize(text);
  const grammarTokens = tokenize(grammar, text);
  const at = grammarTokenAt(text.length, grammarTokens);
  const problems: string[] = [];
  const where = (offset: number) => describe(text, offset);

  const covered = new Array<boolean>(text.length).fill(false);
  for (const token of lexed.tokens) {
    const end = token.startOffset + token.image.length;
    covered.fill(true, token.startOffset, end);
    const problem = compareToken(token, at, grammarTokens);
    if (problem) problems.push(`${where(token.startOffset)}: ${problem}`);
  }

  const illegal = new Array<boolean>(text.length).fill(false);
  for (const error of lexed.errors) illegal.fill(true, error.offset, error.offset + error.length);

  for (let offset = 0; offset < text.length; offset++) {
    if (covered[offset] || /[\r\n]/.test(text[offset]!)) continue;
    const scopes = grammarTokens[at[offset]!]?.scopes ?? [];
    const problem = compareSkipped(text[offset]!, illegal[offset]!, scopes);
    if (problem) problems.push(`${where(offset)}: ${problem}`);
  }

  return problems;
}

/** For every offset of the text, the index of the grammar token that covers it (or -1). */
function grammarTokenAt(length: number, tokens: GrammarToken[]): number[] {
  const at = new Array<number>(length).fill(-1);
  tokens.forEach((token, index) => at.fill(index, token.start, token.end));
  return at;
}

function compareToken(token: LexerToken, at: number[], tokens: GrammarToken[]): string | undefined {
  const type = token.tokenType.name;
  const fits = type.startsWith('Kw_') ? fitsKeyword : FITS[type];
  if (!fits) return `the lexer token type ${type} is new: say which scopes it may get`;

  const start = token.startOffset;
  const end = start + token.image.length;
  const first = tokens[at[start]!];
  const last = tokens[at[end - 1]!];
  if (!first || !last || first.start !== start || last.end !== end) {
    return `the lexer's ${type} ${JSON.stringify(token.image)} is not whole grammar tokens`;
  }

  for (let index = at[start]!; index <= at[end - 1]!; index++) {
    const scopes = tokens[index]!.scopes;
    if (!fits(scopes))
      return `the lexer's ${type} ${JSON.stringify(token.image)} got ${scopes.join(' ')}`;
  }

  return undefined;
}

/** A character no lexer token holds: a space, a comment, or one the lexer reports. */
function compareSkipped(char: string, illegal: boolean, scopes: string[]): string | undefined {
  const shown = `${JSON.stringify(char)} got ${scopes.join(' ') || 'no token'}`;
  if (illegal) return has('invalid.illegal.')(scopes) ? undefined : `unexpected ${shown}`;
  if (has('comment.')(scopes)) return undefined;
  if (SPACE.test(char)) return scopes.length === 1 ? undefined : `space ${shown}`;

  return `skipped ${shown}`;
}

/** `line:column`, both one-based, of an offset. */
function describe(text: string, offset: number): string {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return `${before.length}:${before.at(-1)!.length + 1}`;
}
