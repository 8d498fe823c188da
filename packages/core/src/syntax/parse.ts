/**
 * The syntax layer's entry point: text in, AST and syntax diagnostics out. Runs the lexer
 * (`lex.ts`), the nesting guard (`nesting.ts`), the Chevrotain parser (`parser.ts`) and the
 * CST-to-AST conversion (`cst-to-ast.ts`), in that order. The checker reads what it returns.
 */
import { makeDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './ast.js';
import { toSourceFile } from './cst-to-ast.js';
import { lexSource } from './lex.js';
import { limitNesting } from './nesting.js';
import { strayDiagnostics, toSyntaxDiagnostics } from './parse-errors.js';
import { parseTokens } from './parser.js';
import { LineMap } from './source.js';

export interface ParseResult {
  /** The syntax tree; after errors, the parts that could be read (fields may be undefined). */
  file: SourceFile;
  /** Offsets to LSP positions for this text. */
  lineMap: LineMap;
  /** KPI001-KPI004 and KPI006, in the order found (sort them with `sortDiagnostics`). */
  diagnostics: Diagnostic[];
}

/**
 * Parses one file's text. Never throws: a leading byte-order mark is dropped, every problem
 * comes back as a diagnostic, and the tree holds every declaration that could be read, even
 * after a broken one. Ranges are LSP positions (UTF-16 columns); CRLF and LF give the same.
 */
export function parseSource(text: string, uri: string): ParseResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineMap = new LineMap(source);
  try {
    return parseText(source, uri, lineMap);
  } catch (error) {
    // A last resort: a bug in the parser must not take down the editor or the build.
    const detail = error instanceof Error ? error.message : String(error);
    const range = lineMap.rangeOf(0, 0);
    const diagnostic = makeDiagnostic('KPI901', uri, range, ['parsing', detail]);
    const file: SourceFile = {
      kind: 'SourceFile',
      uri,
      declarations: [],
      range: lineMap.rangeOf(0, source.length),
    };
    return { file, lineMap, diagnostics: [diagnostic] };
  }
}

function parseText(text: string, uri: string, lineMap: LineMap): ParseResult {
  const lexed = lexSource(text, uri, lineMap);
  const limited = limitNesting(lexed.tokens, { uri, lineMap });

  const parsed = parseTokens(limited.tokens);
  const errorContext = {
    uri,
    lineMap,
    tokens: limited.tokens,
    missing: parsed.missing,
    unclosed: parsed.unclosed,
  };
  const syntax = [
    ...toSyntaxDiagnostics(parsed.errors, errorContext),
    ...strayDiagnostics(parsed.strayRuns, parsed.errors, errorContext),
  ];

  const context = { uri, lineMap, diagnostics: [] as Diagnostic[] };
  const file = toSourceFile(context, parsed.cst, text.length);
  const diagnostics = [
    ...lexed.diagnostics,
    ...limited.diagnostics,
    ...syntax,
    ...context.diagnostics,
  ];
  return { file, lineMap, diagnostics };
}
