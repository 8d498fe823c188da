/**
 * The lexer: text to tokens, with the lexical problems as diagnostics. Runs first in
 * `parseSource`; the tokens then go through `nesting.ts` and on to the parser.
 *
 * Lexing never stops: a run of characters that starts no token is reported once (KPI002) and
 * skipped, a string cut off by the end of its line is reported (KPI003) and still used as a
 * string, and a block comment with no end is reported and runs to the end of the file.
 */
import { Lexer, type IToken } from 'chevrotain';
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { LineMap, Range } from './source.js';
import {
  ALL_TOKENS,
  AccentedName,
  CurlyString,
  SpacedPercent,
  UnterminatedString,
} from './tokens.js';

/**
 * Builds the lexer. Chevrotain analyses the token patterns in the constructor; `validate`
 * also checks them for mistakes, which only a change of `tokens.ts` can cause, so the shared
 * lexer skips that and a test builds one with it on.
 */
export function createLexer(options: { validate: boolean }): Lexer {
  return new Lexer(ALL_TOKENS, {
    positionTracking: 'onlyOffset',
    ensureOptimizations: true,
    skipValidations: !options.validate,
  });
}

/** Built on first use and kept. */
let sharedLexer: Lexer | undefined;

export interface LexResult {
  tokens: IToken[];
  diagnostics: Diagnostic[];
}

/** Splits `text` into tokens. Never throws on user input; problems come back as diagnostics. */
export function lexSource(text: string, uri: string, lineMap: LineMap): LexResult {
  const lexer = (sharedLexer ??= createLexer({ validate: false }));
  const result = lexer.tokenize(text);
  const diagnostics: Diagnostic[] = [];

  for (const error of result.errors) {
    const bad = text.slice(error.offset, error.offset + error.length);
    const range = lineMap.rangeOf(error.offset, error.offset + error.length);
    diagnostics.push(makeDiagnostic('KPI002', uri, range, [shorten(bad)]));
  }

  for (const token of result.tokens) {
    // Offset-only tracking gives start offsets; the parser's node locations need the ends too.
    token.endOffset = token.startOffset + token.image.length - 1;
    const range = lineMap.rangeOf(token.startOffset, token.startOffset + token.image.length);
    if (token.tokenType === UnterminatedString) {
      diagnostics.push(makeDiagnostic('KPI003', uri, range, []));
    } else if (token.tokenType === CurlyString) {
      diagnostics.push(curlyQuotes(token.image, uri, range));
    } else if (token.tokenType === AccentedName) {
      const detail =
        `Names use ASCII letters, digits and '_' (for example '${asciiName(token.image)}'); ` +
        'put the Vietnamese text in the label.';
      diagnostics.push(makeDiagnostic('KPI001', uri, range, [detail]));
    } else if (token.tokenType === SpacedPercent) {
      const number = token.image.replace(/[ \t\u00a0]+/, '');
      const detail = `Write ${number} with no space before '%'.`;
      const fixes = [{ title: `Write ${number}`, edits: [{ uri, range, newText: number }] }];
      diagnostics.push(makeDiagnostic('KPI001', uri, range, [detail], { fixes }));
    }
  }

  for (const comment of result.groups['unterminated'] ?? []) {
    const range = lineMap.rangeOf(comment.startOffset, comment.startOffset + 2);
    const detail = "This comment has no closing '*/'; everything after it is ignored.";
    diagnostics.push(makeDiagnostic('KPI001', uri, range, [detail]));
  }

  return { tokens: result.tokens, diagnostics };
}

/**
 * One diagnostic for a text in curly quotes. The fix writes straight quotes; it is offered only
 * when the text holds no `"` or `\`, which straight quotes would need escaped.
 */
function curlyQuotes(image: string, uri: string, range: Range): Diagnostic {
  const detail = 'Use straight quotes "..." instead of “...”.';
  const inner = image.slice(1, -1);
  if (/["\\]/.test(inner)) return makeDiagnostic('KPI001', uri, range, [detail]);
  const edits = [{ uri, range, newText: `"${inner}"` }];
  const fixes = [{ title: 'Use straight quotes', edits }];
  return makeDiagnostic('KPI001', uri, range, [detail], { fixes });
}

/**
 * A name with the accents taken off, to suggest: `tỷ_lệ` gives `ty_le`, `Đơn_giá` gives
 * `Don_gia`. Not offered as a fix, since the name's uses elsewhere would need renaming too.
 * Letters with no ASCII form become `_`; a name cannot start with a digit or `_`.
 */
function asciiName(name: string): string {
  const stripped = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z]/.test(stripped) ? stripped : `n${stripped}`;
}

/**
 * Keeps a run of bad characters readable in a one-line message: long runs are cut, and an
 * invisible character (a zero-width space or byte-order mark pasted from a word processor, a
 * control character, half of a surrogate pair) is named by its code, such as `<U+200B>`, since
 * the writer could not otherwise see what is wrong.
 */
function shorten(text: string): string {
  const chars = [...text];
  const kept = chars.length > 20 ? [...chars.slice(0, 20), '…'] : chars;
  return kept.map((char) => (INVISIBLE.test(char) ? codeOf(char) : char)).join('');
}

/** Characters that show as nothing or as a blank: controls, format characters, odd spaces. */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Z}]$/u;

function codeOf(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `<U+${hex}>`;
}
