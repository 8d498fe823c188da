/**
 * Reparsing a file that changed a little, for the language server: a keystroke in one
 * indicator of a 2,000-indicator file should not parse the other 1,999 again.
 *
 * The text is cut into segments, each starting at a line that opens a declaration at the top
 * level (a declaration keyword in column 0, outside every block, string and comment). A
 * segment seen before keeps its parse. The result must be exactly what `parseSource` gives,
 * so the segments are used only when every one of them parses without a diagnostic: a
 * declaration that parses cleanly on its own, followed by a declaration keyword at the top
 * level, is read the same way inside the whole file. When any segment has a problem, or the
 * text is unusual (a byte-order mark), the whole text is parsed as `parseSource` does.
 */
import type { Declaration, SourceFile } from './ast.js';
import { parseSource, type ParseResult } from './parse.js';
import { LineMap, type Range } from './source.js';
import { DECLARATION_TEXTS } from './tokens.js';

/** A declaration keyword in column 0, as a whole word. */
const OPENS_DECLARATION = new RegExp(`^(?:${DECLARATION_TEXTS.join('|')})(?![A-Za-z0-9_])`);

/** Parses successive versions of one file, reusing the parse of each unchanged segment. */
export class IncrementalParser {
  /** Parses of segment texts, each as if the segment began on line 0. */
  private byText = new Map<string, ParseResult>();
  /** The same declarations moved to the line they were last found on. */
  private placed = new Map<string, Declaration[]>();

  constructor(readonly uri: string) {}

  /** What `parseSource(text, uri)` returns. */
  parse(text: string): ParseResult {
    if (text.charCodeAt(0) === 0xfeff) return parseSource(text, this.uri);
    const lineMap = new LineMap(text);
    const starts = segmentStarts(text);
    const byText = new Map<string, ParseResult>();
    const placed = new Map<string, Declaration[]>();
    const declarations: Declaration[] = [];

    for (let index = 0; index < starts.length; index++) {
      const start = starts[index] as number;
      const segment = text.slice(start, starts[index + 1] ?? text.length);
      const parsed =
        this.byText.get(segment) ?? byText.get(segment) ?? parseSource(segment, this.uri);
      byText.set(segment, parsed);
      // The caches stay as the last clean version left them: the writer is most likely
      // halfway through typing, and the next version parses cleanly again around it.
      if (parsed.diagnostics.length > 0) return parseSource(text, this.uri);

      const line = lineMap.positionAt(start).line;
      const key = `${line}\u0000${segment}`;
      const moved =
        this.placed.get(key) ??
        placed.get(key) ??
        parsed.file.declarations.map((decl) => shifted(decl, line));
      placed.set(key, moved);
      declarations.push(...moved);
    }

    // Only what this version uses is kept, so the caches never outgrow the file.
    this.byText = byText;
    this.placed = placed;
    const file: SourceFile = {
      kind: 'SourceFile',
      uri: this.uri,
      declarations,
      range: lineMap.rangeOf(0, text.length),
    };
    return { file, lineMap, diagnostics: [] };
  }
}

/**
 * The offsets where segments start: 0, and every line start (after `\n`) outside blocks,
 * strings and comments where a declaration keyword begins in column 0. A wrong cut cannot go
 * unnoticed: a segment cut inside a block or a comment does not parse cleanly on its own.
 */
export function segmentStarts(text: string): number[] {
  const starts = [0];
  let depth = 0;
  let at = 0;
  while (at < text.length) {
    const char = text[at];
    if (char === '\n') {
      at += 1;
      if (depth === 0 && OPENS_DECLARATION.test(text.slice(at, at + 12))) starts.push(at);
      continue;
    }
    if (char === '"') at = endOfString(text, at + 1, '"');
    else if (char === '“') at = endOfString(text, at + 1, '”');
    else if (char === '/' && text[at + 1] === '/') at = endOfLine(text, at);
    else if (char === '/' && text[at + 1] === '*') {
      const close = text.indexOf('*/', at + 2);
      if (close < 0) return [0];
      at = close + 2;
    } else {
      if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      at += 1;
    }
  }
  return starts;
}

/** The offset after a string that began before `at`: past its closing quote, or at its line's end. */
function endOfString(text: string, at: number, quote: string): number {
  for (let index = at; index < text.length; index++) {
    const char = text[index];
    if (char === quote) return index + 1;
    if (char === '\n' || char === '\r') return index;
    if (char === '\\' && quote === '"') index += 1;
  }
  return text.length;
}

function endOfLine(text: string, at: number): number {
  const newline = text.indexOf('\n', at);
  return newline < 0 ? text.length : newline;
}

/** A copy of `node` with every range moved down by `lines`. Shared values stay shared. */
function shifted<T>(node: T, lines: number): T {
  if (lines === 0) return node;
  return copy(node, lines) as T;
}

function copy(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map((item) => copy(item, lines));
  if (value === null || typeof value !== 'object') return value;
  if (isRange(value)) {
    return {
      start: { line: value.start.line + lines, character: value.start.character },
      end: { line: value.end.line + lines, character: value.end.character },
    };
  }
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) result[key] = copy(item, lines);
  return result;
}

function isRange(value: object): value is Range {
  const candidate = value as Partial<Range>;
  return (
    typeof candidate.start === 'object' &&
    typeof candidate.end === 'object' &&
    typeof candidate.start?.line === 'number' &&
    typeof candidate.end?.character === 'number'
  );
}
