/**
 * Syntax errors in words a policy writer understands. Chevrotain asks `messageProvider` for
 * the text of each recognition error while it parses; `toSyntaxDiagnostics` then turns the
 * errors it collected into KPI001 diagnostics with LSP ranges. This is the one place where
 * parser errors become diagnostics.
 */
import {
  EOF,
  tokenMatcher,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { StrayRun } from './block-shapes.js';
import type { LineMap } from './source.js';
import * as t from './tokens.js';
import { unclosedBlockDiagnostic, type UnclosedBlock } from './unclosed-blocks.js';

const DECLARATIONS =
  'a declaration (framework, levels, rating, goal, scale, kpi, group, position, context, part, ' +
  'when or quota)';

/** What may come before the `}` that closes each kind of block, named for the writer. */
const BLOCK_CONTENTS: Record<string, string> = {
  file: DECLARATIONS,
  framework: 'a framework field (version, agency, effective, cycle, missing data, round)',
  levels: 'a level line (name, label, points)',
  rating: 'a rating line (name, label, condition)',
  scale: 'a scale point (number and label)',
  kpi:
    'an indicator field (kind, measure, unit, better, target, bands, every, aggregate, ' +
    'between measurements, source, goal, missing data, points, part)',
  group: 'an indicator name',
  position: 'an indicator line (name, weight, target, bands)',
  positionOverride: 'an indicator line (name, weight, target, bands)',
  context: "an override (an indicator name, or 'position')",
  bandsBlock: 'a band (level name and condition)',
  quota:
    "a quota field (a limit such as 'outstanding at most 20% of completed_well', " +
    "'within' or 'rank by')",
};

/** What a word after each keyword should be; the checker lists the exact choices. */
const WORD_AFTER: Record<string, string> = {
  kind: 'a kind (input, process, output or outcome)',
  better: 'a direction (higher or lower)',
  every: 'a frequency such as month or quarter',
  aggregate: 'an aggregation (mean, sum, min, max, last or every)',
  cycle: 'a cycle such as quarterly',
  data: 'a rule for missing data (exclude, lowest or unrated)',
  measurements: 'carry or missing',
  perspective: 'a perspective name',
  unit: 'a unit such as percent, count or hours',
  per: 'a period such as month',
  points: "a way of scoring ('proportional')",
  within: "a set of people ('unit' or 'group')",
};

/** What `round` rounds: the words of `round values to 1 decimal`, `round total to 2 decimals`. */
const ROUNDED = "'values' or 'total'";

/** The message when a bare number stands where a condition belongs; placed at the number. */
const NUMBER_ALONE =
  'A number alone is not a condition: write a comparison (such as >= 95%) or a range ' +
  '(such as 80% .. 95%).';

/** Chevrotain's message hooks, plus the token list of the parse in progress. */
class MessageProvider implements IParserErrorMessageProvider {
  /** The tokens being parsed; set before each parse, read to describe a range's low end. */
  tokens: IToken[] = [];

  buildMismatchTokenMessage(options: {
    expected: TokenType;
    actual: IToken;
    previous: IToken;
    ruleName: string;
  }): string {
    const { expected, actual, previous, ruleName } = options;
    if (expected === EOF)
      return `Unexpected ${describeToken(actual)} here; expected ${DECLARATIONS}.`;

    if (expected === t.DotDot && !isEnd(actual)) return NUMBER_ALONE;
    const block = BLOCK_CONTENTS[ruleName];
    if (expected === t.RBrace && block !== undefined && ruleName !== 'file' && !isEnd(actual)) {
      return `Unexpected ${describeToken(actual)} here; expected ${block} or '}'.`;
    }
    // `round to 2 decimals` leaves out a word; `to` is not a keyword used as a name.
    const rounding = this.roundingWord(expected, previous);
    if (rounding) return this.expectedAfter(rounding, actual, previous);
    if (expected === t.Identifier && isKeyword(actual)) return reservedName(actual, previous);
    return this.expectedAfter(this.describeExpected(expected, previous), actual, previous);
  }

  /** The message for a token recovery had to invent: what is missing, and after what. */
  buildMissingTokenMessage(expected: TokenType, previous: IToken): string {
    const what = this.describeExpected(expected, previous);
    const why = expected === t.RBrace ? ' to close the block' : '';
    if (!isReal(previous)) return `Missing ${what}${why}.`;
    return `Missing ${what} after ${describeToken(previous)}${why}.`;
  }

  buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
    return `Unexpected ${describeToken(options.firstRedundant)} here; expected ${DECLARATIONS}.`;
  }

  buildNoViableAltMessage(options: {
    expectedPathsPerAlt: TokenType[][][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const firsts = options.expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0]));
    const described = [...new Set(firsts.flatMap((type) => (type ? [describeType(type)] : [])))];
    const what = options.customUserDescription ?? listOf(described);
    return this.expectedAfter(what, options.actual[0], options.previous);
  }

  buildEarlyExitMessage(options: {
    expectedIterationPaths: TokenType[][];
    actual: IToken[];
    previous: IToken;
    customUserDescription?: string;
    ruleName: string;
  }): string {
    const firsts = options.expectedIterationPaths.flatMap((path) => (path[0] ? [path[0]] : []));
    const what = options.customUserDescription ?? listOf(firsts.map(describeType));
    return this.expectedAfter(what, options.actual[0], options.previous);
  }

  private expectedAfter(what: string, actual: IToken | undefined, previous: IToken): string {
    if (actual === undefined || isEnd(actual)) return `Unexpected end of file, expected ${what}.`;
    if (!isReal(previous)) return `Unexpected ${describeToken(actual)} here; expected ${what}.`;
    return `Expected ${what} after ${describeToken(previous)}, not ${describeToken(actual)}.`;
  }

  private describeExpected(expected: TokenType, previous: IToken): string {
    const rounding = this.roundingWord(expected, previous);
    if (rounding) return rounding;
    if (expected === t.NumberLiteral)
      return this.isPercentRange(previous) ? 'a percentage' : 'a number';
    if (expected === t.Word) return WORD_AFTER[previous.image] ?? 'a word';
    if (expected === t.StringLiteral && previous.tokenType === t.Version) {
      return 'a quoted version such as "2024.1"';
    }
    return describeType(expected);
  }

  /**
   * What a rounding clause expects where a name is missing after `round`: `values or total`
   * (in `round to 2 decimals` the `to` is not a name misused, but a word left out).
   */
  private roundingWord(expected: TokenType, previous: IToken): string | undefined {
    return expected === t.Identifier && isReal(previous) && previous.tokenType === t.Round
      ? ROUNDED
      : undefined;
  }

  /** True after the `..` of `80% ..` or the `under` of `from 70% to under`. */
  private isPercentRange(previous: IToken): boolean {
    if (!isReal(previous)) return false;
    const index = this.indexOf(previous);
    if (index < 0) return false;

    let low: IToken | undefined;
    if (previous.tokenType === t.DotDot) low = this.tokens[index - 1];
    if (previous.tokenType === t.Under && this.tokens[index - 1]?.tokenType === t.To) {
      low = this.tokens[index - 2];
    }
    return low?.tokenType === t.NumberLiteral && low.image.endsWith('%');
  }

  /** Binary search by offset: the token list is in text order. */
  private indexOf(token: IToken): number {
    let low = 0;
    let high = this.tokens.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const offset = this.tokens[middle]?.startOffset ?? 0;
      if (offset === token.startOffset) return middle;
      if (offset < token.startOffset) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

/** The message provider given to the parser (a singleton, like the parser). */
export const messageProvider = new MessageProvider();

/** Options of `toSyntaxDiagnostics`. */
export interface SyntaxErrorContext {
  uri: string;
  lineMap: LineMap;
  /** The parsed tokens, to place errors at the end of the input. */
  tokens: IToken[];
  /** Messages for errors recovery repaired by inventing a token, by the token in front. */
  missing: Map<IToken, string>;
  /** Blocks whose `}` was missing, reported on their `{` instead of their error. */
  unclosed?: UnclosedBlock[];
}

/**
 * Turns Chevrotain's errors into KPI001 diagnostics: at the unexpected token, or for a missing
 * token at the end of the token before it, or at the end of the input for an early end of file.
 * A block left open is reported on its `{` (see `unclosed-blocks.ts`). Two errors at the same
 * place (a recovery cascade) give one diagnostic: of nested blocks left open, the innermost.
 */
export function toSyntaxDiagnostics(
  errors: IRecognitionException[],
  context: SyntaxErrorContext,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<number>();
  const lastToken = context.tokens[context.tokens.length - 1];
  const endOfInput = lastToken ? lastToken.startOffset + lastToken.image.length : 0;

  const unclosed = new Map((context.unclosed ?? []).map((block) => [block.errorIndex, block]));

  for (const [index, error] of errors.entries()) {
    const missing = context.missing.get(error.token);
    const [start, end] = errorSpan(error, missing !== undefined, endOfInput);
    if (seen.has(start)) continue;
    seen.add(start);

    const block = unclosed.get(index);
    if (block) {
      diagnostics.push(unclosedBlockDiagnostic(block, error.token, context));
      continue;
    }
    const range = context.lineMap.rangeOf(start, end);
    diagnostics.push(makeDiagnostic('KPI001', context.uri, range, [missing ?? error.message]));
  }
  return diagnostics;
}

/** Offsets `[start, end)` of an error; never NaN. */
function errorSpan(
  error: IRecognitionException,
  inserted: boolean,
  endOfInput: number,
): [number, number] {
  const previous = (error as { previousToken?: IToken }).previousToken;
  if (error.message === NUMBER_ALONE && previous && isReal(previous)) {
    return [previous.startOffset, previous.startOffset + previous.image.length];
  }
  if (inserted && previous && isReal(previous)) {
    const after = previous.startOffset + previous.image.length;
    return [after, after];
  }

  const token = error.token;
  if (isEnd(token) || !isReal(token)) return [endOfInput, endOfInput];
  return [token.startOffset, token.startOffset + token.image.length];
}

/**
 * One KPI001 per stray run (tokens that start no line of their block), over the run's text on
 * its first line. A run that begins where the parser already reported an error is not reported
 * again.
 */
export function strayDiagnostics(
  runs: StrayRun[],
  errors: IRecognitionException[],
  context: SyntaxErrorContext,
): Diagnostic[] {
  const reported = new Set(errors.map((error) => error.token.startOffset));
  const diagnostics: Diagnostic[] = [];
  for (const run of runs) {
    const tokens = run.tokens.filter(isReal);
    const first = tokens[0];
    if (!first || reported.has(first.startOffset)) continue;

    const line = context.lineMap.positionAt(first.startOffset).line;
    const onLine = tokens.filter(
      (token) => context.lineMap.positionAt(token.startOffset).line === line,
    );
    const last = onLine[onLine.length - 1] ?? first;
    const range = context.lineMap.rangeOf(first.startOffset, last.startOffset + last.image.length);
    const contents = BLOCK_CONTENTS[run.block] ?? 'something else';
    const closing = run.block === 'file' ? '' : " or '}'";
    const message = `Unexpected ${describeToken(first)} here; expected ${contents}${closing}.`;
    diagnostics.push(makeDiagnostic('KPI001', context.uri, range, [message]));
  }
  return diagnostics;
}

/** True for a keyword, such as `source`: a word, but not a name. */
function isKeyword(token: IToken): boolean {
  return token.tokenType !== t.Identifier && tokenMatcher(token, t.Word);
}

/**
 * A keyword where a name belongs, as in `kpi source`: the word is taken, so suggest a name
 * built from it and the declaration keyword before it (`source_kpi`).
 */
function reservedName(actual: IToken, previous: IToken): string {
  const declaration = isReal(previous) && t.DECLARATION_KEYWORDS.includes(previous.tokenType);
  const example = declaration ? `${actual.image}_${previous.image}` : `my_${actual.image}`;
  return (
    `'${actual.image}' is a word of the language and cannot be a name; ` +
    `choose another (for example '${example}').`
  );
}

function isEnd(token: IToken): boolean {
  return token.tokenType === EOF;
}

/** True for a token read from the text (not EOF, not invented by recovery). */
function isReal(token: IToken | undefined): token is IToken {
  return (
    token !== undefined &&
    token.tokenType !== EOF &&
    token.isInsertedInRecovery !== true &&
    Number.isFinite(token.startOffset)
  );
}

/** A token as the writer sees it: `'>='`, `the text "Tốt"`, `the end of the file`. */
function describeToken(token: IToken): string {
  if (isEnd(token)) return 'the end of the file';
  if (token.tokenType === t.ClosedString || token.tokenType === t.UnterminatedString) {
    return `the text ${shorten(token.image)}`;
  }
  return `'${shorten(token.image)}'`;
}

/** A token type as the writer thinks of it: `a number`, `a name`, `'}'`. */
function describeType(type: TokenType): string {
  if (type === EOF) return 'the end of the file';
  if (type === t.NumberLiteral) return 'a number';
  if (type === t.Identifier) return 'a name';
  if (type === t.Word) return 'a word';
  if (type === t.StringLiteral || type === t.ClosedString) return 'a quoted label';
  if (type === t.DateLiteral) return 'a date such as 2024-01-01';
  if (type === t.TooDeep) return 'a formula';
  return type.LABEL ?? `'${type.name}'`;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? 'something else';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text;
}
