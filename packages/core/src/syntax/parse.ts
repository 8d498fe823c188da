/** Placeholder: replaced by the syntax work (the Chevrotain parser). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from './ast.js';
import { LineMap } from './source.js';

export interface ParseResult {
  file: SourceFile;
  lineMap: LineMap;
  diagnostics: Diagnostic[];
}

export function parseSource(text: string, uri: string): ParseResult {
  const lineMap = new LineMap(text);
  const range = lineMap.rangeOf(0, text.length);
  return { file: { kind: 'SourceFile', uri, declarations: [], range }, lineMap, diagnostics: [] };
}
