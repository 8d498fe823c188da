/**
 * The token types of kpilang, in the order the lexer tries them. First step of the syntax
 * layer: `lex.ts` turns text into these tokens, `parser.ts` reads them.
 *
 * Order matters: comments before `/`, dates before numbers, `>=` before `>`, `..` alone,
 * keywords before `Identifier` (each keyword falls back to `Identifier` through `longer_alt`,
 * so `kpis` or `measure_total` stay names), and longer keywords before their prefixes
 * (`measurements` before `measure`, `perspective` before `per`).
 */
import { createToken, Lexer, type TokenType } from 'chevrotain';

/**
 * Every token the lexer keeps. The parser skips a run of tokens that fits nowhere as one
 * `stray` run (see `parser.ts`); this category lets it consume any of them.
 */
export const AnyToken = createToken({ name: 'AnyToken', pattern: Lexer.NA });

/** Any token that may stand where the grammar says `word`: a name or a keyword. */
export const Word = createToken({ name: 'Word', pattern: Lexer.NA });

/** Either kind of string: closed, or cut off at the end of its line (reported as KPI003). */
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: Lexer.NA });

/**
 * Stands for a formula part nested deeper than the parser may recurse. Never produced by the
 * lexer: `nesting.ts` puts it in place of the too-deep tokens before parsing.
 */
export const TooDeep = createToken({ name: 'TooDeep', pattern: Lexer.NA, categories: [AnyToken] });

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  // CRLF, LF and CR all end a line; a no-break space pasted from a spreadsheet is a space.
  pattern: /[ \t\f\v\u00a0\r\n]+/,
  group: Lexer.SKIPPED,
});

export const LineComment = createToken({
  name: 'LineComment',
  pattern: /\/\/[^\r\n]*/,
  group: Lexer.SKIPPED,
});

export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*[\s\S]*?\*\//,
  group: Lexer.SKIPPED,
});

/** A `/*` with no closing `*\/`: kept out of the token stream and reported by `lex.ts`. */
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment',
  pattern: /\/\*[\s\S]*/,
  group: 'unterminated',
});

export const ClosedString = createToken({
  name: 'ClosedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLiteral, AnyToken],
});

/** A string that reaches the end of its line: parsed as if closed there, and reported. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLiteral, AnyToken],
});

/**
 * Text in curly quotes, as a word processor writes it: read as a string, and reported by
 * `lex.ts` with a fix to straight quotes, so one pasted label gives one diagnostic.
 */
export const CurlyString = createToken({
  name: 'CurlyString',
  pattern: /“[^”\r\n]*”/,
  categories: [StringLiteral, AnyToken],
});

export const DateLiteral = createToken({
  name: 'DateLiteral',
  pattern: /\d{4}-\d{2}-\d{2}/,
  categories: [AnyToken],
});

/** Digits, an optional fraction and a suffix attached without a space: `95%`, `4.0`, `48h`. */
export const NumberLiteral = createToken({
  name: 'NumberLiteral',
  pattern: /\d+(?:\.\d+)?(?:%|[hd](?![A-Za-z0-9_]))?/,
  categories: [AnyToken],
});

/**
 * A number with a space before its percent sign, `95 %`: read as `95%` and reported by
 * `lex.ts`, so the writer sees one message about the space rather than a stray `%`.
 */
export const SpacedPercent = createToken({
  name: 'SpacedPercent',
  pattern: /\d+(?:\.\d+)?[ \t\u00a0]+%/,
  categories: [NumberLiteral, AnyToken],
});

function punctuation(name: string, pattern: string | RegExp, label: string): TokenType {
  return createToken({ name, pattern, label, categories: [AnyToken] });
}

export const LBrace = punctuation('LBrace', '{', "'{'");
export const RBrace = punctuation('RBrace', '}', "'}'");
export const LParen = punctuation('LParen', '(', "'('");
export const RParen = punctuation('RParen', ')', "')'");
export const Comma = punctuation('Comma', ',', "','");
export const DotDot = punctuation('DotDot', '..', "'..'");
export const Slash = punctuation('Slash', '/', "'/'");
export const Star = punctuation('Star', '*', "'*'");
export const Plus = punctuation('Plus', '+', "'+'");
export const Minus = punctuation('Minus', '-', "'-'");
export const GreaterEqual = punctuation('GreaterEqual', />=|≥/, "'>='");
export const Greater = punctuation('Greater', '>', "'>'");
export const LessEqual = punctuation('LessEqual', /<=|≤/, "'<='");
export const Less = punctuation('Less', '<', "'<'");
export const Equal = punctuation('Equal', '=', "'='");

/** ASCII names: a letter, then letters, digits and underscores. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z][A-Za-z0-9_]*/,
  categories: [Word, AnyToken],
});

/** A run of letters, digits and `_` with at least one letter outside ASCII, such as `tỷ_lệ`. */
const ACCENTED_NAME = /(?:[A-Za-z_][A-Za-z0-9_]*)?[^\x00-\x7F][\p{L}\p{M}\p{N}_]*/uy;

/**
 * Every UTF-16 unit that can start an accented name: chevrotain's first-character optimisation
 * cannot read a `\p{L}` pattern, so the custom pattern below names its first characters.
 */
function accentedNameStarts(): string[] {
  const starts = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_'];
  for (let code = 0x80; code <= 0xffff; code++) {
    const char = String.fromCharCode(code);
    if (/[\p{L}\p{M}]/u.test(char)) starts.push(char);
  }
  return starts;
}

/**
 * A name written with letters outside ASCII (`tỷ_lệ`, `Đơn_giá`). It stands wherever a name
 * may (it is in the `Identifier` category), so the declaration parses on; `lex.ts` reports it
 * once with a suggested ASCII name. ASCII-only words never match: they stay names or keywords.
 */
export const AccentedName = createToken({
  name: 'AccentedName',
  pattern: {
    exec: (text: string, offset: number): RegExpExecArray | null => {
      ACCENTED_NAME.lastIndex = offset;
      const match = ACCENTED_NAME.exec(text);
      return match && /\p{L}/u.test(match[0].replace(/[\x00-\x7F]/g, '')) ? match : null;
    },
  },
  line_breaks: false,
  start_chars_hint: accentedNameStarts(),
  categories: [Identifier, Word, AnyToken],
});

const keywordTokens = new Map<string, TokenType>();

function keyword(text: string): TokenType {
  const token = createToken({
    name: `Kw_${text}`,
    pattern: new RegExp(text),
    longer_alt: Identifier,
    categories: [Word, AnyToken],
    label: `'${text}'`,
  });
  keywordTokens.set(text, token);
  return token;
}

// Declarations.
export const Framework = keyword('framework');
export const Levels = keyword('levels');
export const Rating = keyword('rating');
export const Goal = keyword('goal');
export const Scale = keyword('scale');
export const Kpi = keyword('kpi');
export const Group = keyword('group');
export const Position = keyword('position');
export const Context = keyword('context');
export const Part = keyword('part');
export const When = keyword('when');
export const Quota = keyword('quota');

// Fields and the words inside them.
export const Version = keyword('version');
export const Agency = keyword('agency');
export const Effective = keyword('effective');
export const Cycle = keyword('cycle');
export const Missing = keyword('missing');
export const Data = keyword('data');
export const Round = keyword('round');
export const Points = keyword('points');
export const Perspective = keyword('perspective');
export const From = keyword('from');
export const To = keyword('to');
export const Under = keyword('under');
export const Kind = keyword('kind');
export const Measurements = keyword('measurements');
export const Measure = keyword('measure');
export const Unit = keyword('unit');
export const Per = keyword('per');
export const Better = keyword('better');
export const Target = keyword('target');
export const Bands = keyword('bands');
export const Every = keyword('every');
export const Aggregate = keyword('aggregate');
export const Between = keyword('between');
export const Source = keyword('source');
export const Survey = keyword('survey');
export const Minimum = keyword('minimum');
export const Responses = keyword('responses');
export const In = keyword('in');
export const Weight = keyword('weight');
export const Rate = keyword('rate');
export const At = keyword('at');
export const Most = keyword('most');
export const Of = keyword('of');
export const Within = keyword('within');
export const Rank = keyword('rank');
export const By = keyword('by');

/** Every keyword as written: words that can never be ids. */
export const KEYWORD_TEXTS: readonly string[] = [...keywordTokens.keys()];

/** The keywords that open a declaration: a broken declaration resumes at the next one. */
export const DECLARATION_KEYWORDS: readonly TokenType[] = [
  Framework,
  Levels,
  Rating,
  Goal,
  Scale,
  Kpi,
  Group,
  Position,
  Context,
  Part,
  When,
  Quota,
];

/** The words of `DECLARATION_KEYWORDS` as written. */
export const DECLARATION_TEXTS: readonly string[] = [...keywordTokens]
  .filter(([, token]) => DECLARATION_KEYWORDS.includes(token))
  .map(([text]) => text);

/** Every keyword, longest first so that no keyword hides a longer one it begins. */
const KEYWORDS = [...keywordTokens.values()].sort(
  (a, b) => String(b.PATTERN).length - String(a.PATTERN).length,
);

/** The lexer's token list, in matching order. */
export const ALL_TOKENS: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  ClosedString,
  UnterminatedString,
  CurlyString,
  DateLiteral,
  SpacedPercent,
  NumberLiteral,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  DotDot,
  Slash,
  Star,
  Plus,
  Minus,
  GreaterEqual,
  Greater,
  LessEqual,
  Less,
  Equal,
  AccentedName,
  ...KEYWORDS,
  Identifier,
];

/** The parser's vocabulary: the lexed tokens plus the categories and the placeholder. */
export const PARSER_TOKENS: TokenType[] = [...ALL_TOKENS, Word, StringLiteral, AnyToken, TooDeep];
