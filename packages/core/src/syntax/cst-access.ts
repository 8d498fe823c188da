/**
 * Safe reading of Chevrotain's concrete syntax tree, for `cst-to-ast.ts`. After error recovery
 * any child may be missing, and a token may have been invented by recovery (no text, no
 * offsets): these helpers return `undefined` for both, so the converter never throws.
 */
import type { CstElement, CstNode, IToken } from 'chevrotain';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Name, Text } from './ast.js';
import type { LineMap, Range } from './source.js';
import { ClosedString, CurlyString } from './tokens.js';

/** What the converter carries along: where ranges come from and where problems go. */
export interface AstContext {
  uri: string;
  lineMap: LineMap;
  diagnostics: Diagnostic[];
}

/** Offsets `[start, end)` in the text. */
export interface Span {
  start: number;
  end: number;
}

function isToken(element: CstElement): element is IToken {
  return 'image' in element;
}

/** True for a token read from the text, as opposed to one invented by recovery. */
export function isRealToken(token: IToken): boolean {
  return token.isInsertedInRecovery !== true && Number.isFinite(token.startOffset);
}

/** The `index`-th child token under `key`, if it was really written. */
export function tokenAt(node: CstNode | undefined, key: string, index = 0): IToken | undefined {
  const element = node?.children[key]?.[index];
  return element && isToken(element) && isRealToken(element) ? element : undefined;
}

/** All child tokens under `key` that were really written. */
export function tokensAt(node: CstNode | undefined, key: string): IToken[] {
  const elements = node?.children[key] ?? [];
  return elements.filter((element): element is IToken => isToken(element) && isRealToken(element));
}

/** The `index`-th child node under `key`. */
export function nodeAt(node: CstNode | undefined, key: string, index = 0): CstNode | undefined {
  const element = node?.children[key]?.[index];
  return element && !isToken(element) ? element : undefined;
}

const NO_NODES: CstNode[] = [];

/**
 * All child nodes under `key`. A key holds either tokens or nodes, never both (the parser
 * gives rules and tokens distinct names), so the array is returned as it is.
 */
export function nodesAt(node: CstNode | undefined, key: string): CstNode[] {
  const elements = node?.children[key];
  const first = elements?.[0];
  return first && !isToken(first) ? (elements as CstNode[]) : NO_NODES;
}

/** The only child node of a node that wraps one alternative (`declaration`, `kpiField` ...). */
export function onlyChild(node: CstNode | undefined): CstNode | undefined {
  const children = node?.children ?? {};
  for (const key in children) {
    const first = children[key]?.[0];
    if (first && !isToken(first)) return first;
  }
  return undefined;
}

/** The text a node covers, from its first to its last real token; undefined if it has none. */
export function spanOfNode(node: CstNode | undefined): Span | undefined {
  const location = node?.location;
  if (!location) return undefined;
  const { startOffset, endOffset } = location;
  if (!Number.isFinite(startOffset) || endOffset === undefined || !Number.isFinite(endOffset)) {
    return undefined;
  }
  return { start: startOffset, end: endOffset + 1 };
}

/** The text a real token covers. */
export function spanOfToken(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** The smallest span covering all the given spans; undefined when none is given. */
export function joinSpans(...spans: (Span | undefined)[]): Span | undefined {
  let joined: Span | undefined;
  for (const span of spans) {
    if (!span) continue;
    joined = joined
      ? { start: Math.min(joined.start, span.start), end: Math.max(joined.end, span.end) }
      : span;
  }
  return joined;
}

/** The LSP range of a span (UTF-16 columns, CRLF-safe). */
export function toRange(context: AstContext, span: Span): Range {
  return context.lineMap.rangeOf(span.start, span.end);
}

/** A name as written, or undefined when the token is missing. */
export function nameOf(context: AstContext, token: IToken | undefined): Name | undefined {
  if (!token) return undefined;
  return { kind: 'Name', text: token.image, range: toRange(context, spanOfToken(token)) };
}

/** A quoted string, unescaped: `\"` and `\\` stand for `"` and `\`; a cut-off string ends early. */
export function textOf(context: AstContext, token: IToken | undefined): Text | undefined {
  if (!token) return undefined;
  const closed = token.tokenType === ClosedString || token.tokenType === CurlyString;
  const inner = token.image.slice(1, closed ? -1 : undefined);
  // Curly quotes have no escapes: a backslash in them is a backslash.
  const escaped = token.tokenType !== CurlyString && inner.includes('\\');
  const value = escaped ? inner.replace(/\\(["\\])/g, '$1') : inner;
  return { kind: 'Text', value, range: toRange(context, spanOfToken(token)) };
}
