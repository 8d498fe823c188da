/**
 * Diagnostics are data: a stable code, a severity, a range, a plain message and, where a fix
 * is safe, the edits that make it. The CLI, the language server and the tests all read the
 * same objects; none of them formats or re-derives a message of its own.
 */
import type { Range } from '../syntax/source.js';
import { CODES, type Code } from './codes.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A text edit in one file, LSP-shaped. */
export interface TextEdit {
  uri: string;
  range: Range;
  newText: string;
}

/** A safe fix: a title shown to the writer and the edits that apply it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Another place that explains a diagnostic, such as the base value an override replaced. */
export interface RelatedInformation {
  uri: string;
  range: Range;
  message: string;
}

export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  /** The file the range is in: a path or an LSP URI, as the caller named it. */
  uri: string;
  range: Range;
  related?: RelatedInformation[];
  fixes?: Fix[];
  /** Machine-readable details: the suggestion of a "did you mean", the sum of weights ... */
  data?: Record<string, unknown>;
}

/** Options of one report beyond its code, place and message arguments. */
export interface ReportExtras {
  related?: RelatedInformation[];
  fixes?: Fix[];
  data?: Record<string, unknown>;
  /** Overrides the code's default severity (used sparingly, and documented per code). */
  severity?: Severity;
}

/** Builds a diagnostic from the table: the message comes from the code's template. */
export function makeDiagnostic<C extends Code>(
  code: C,
  uri: string,
  range: Range,
  args: Parameters<(typeof CODES)[C]['message']>,
  extras: ReportExtras = {},
): Diagnostic {
  const entry = CODES[code];
  const message = (entry.message as (...values: unknown[]) => string)(...args);
  const diagnostic: Diagnostic = {
    code,
    severity: extras.severity ?? entry.severity,
    message,
    uri,
    range,
  };
  if (extras.related?.length) diagnostic.related = extras.related;
  if (extras.fixes?.length) diagnostic.fixes = extras.fixes;
  if (extras.data) diagnostic.data = extras.data;
  return diagnostic;
}

/** Sorts diagnostics by file, then position, then code: the order every output uses. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
