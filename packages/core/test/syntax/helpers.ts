/**
 * Test helpers for the syntax layer: parse a snippet, find the text a range covers, and walk
 * every node of a tree. Shared by the tests in this folder; not a test file itself.
 */
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Declaration, SourceFile } from '../../src/syntax/ast.js';
import { parseSource, type ParseResult } from '../../src/syntax/parse.js';
import type { Range } from '../../src/syntax/source.js';

export function parseKpi(text: string, uri = 'test.kpi'): ParseResult {
  return parseSource(text, uri);
}

/** The text a range covers, read through the parse result's line map. */
export function textAt(result: ParseResult, text: string, range: Range): string {
  return text.slice(result.lineMap.offsetAt(range.start), result.lineMap.offsetAt(range.end));
}

/** Code, message and range of each diagnostic, for compact assertions. */
export function summary(
  diagnostics: Diagnostic[],
): { code: string; message: string; range: Range }[] {
  return diagnostics.map(({ code, message, range }) => ({ code, message, range }));
}

/** The declaration of a kind and id; fails the test when it is missing. */
export function find<K extends Declaration['kind']>(
  file: SourceFile,
  kind: K,
  id?: string,
): Extract<Declaration, { kind: K }> {
  const found = file.declarations.find(
    (declaration) =>
      declaration.kind === kind &&
      (id === undefined || ('id' in declaration && declaration.id?.text === id)),
  );
  if (!found) throw new Error(`no ${kind} ${id ?? ''} in the tree`);
  return found as Extract<Declaration, { kind: K }>;
}

/** Every object in a tree that has a `range`, with the path that leads to it. */
export function allRanges(root: unknown): { path: string; range: Range }[] {
  const found: { path: string; range: Range }[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '$' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: string };
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      if (isRange(child)) found.push({ path: `${path}.${key}`, range: child });
      else stack.push({ value: child, path: `${path}.${key}` });
    }
  }
  return found;
}

function isRange(value: unknown): value is Range {
  return (
    typeof value === 'object' &&
    value !== null &&
    'start' in value &&
    'end' in value &&
    typeof (value as Range).start === 'object'
  );
}

/** Line and character of an offset, counted by hand in UTF-16 units, for cross-checks. */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).replace(/\r\n/g, '\n').replace(/\r/g, '\n');
  const lines = before.split('\n');
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}
