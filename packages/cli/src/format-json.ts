/**
 * Diagnostics for machines: `kpic check --format json` prints one JSON array, each entry
 * `{code, severity, message, file, range}` plus `related`, `fixes` and `data` when present.
 * `file` is the path relative to the working directory; ranges are LSP ranges (zero-based
 * lines, columns in UTF-16 code units, end exclusive), exactly as the core reports them.
 */
import type { Diagnostic, Range } from '@kpilang/core';

export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  range: Range;
  related?: { file: string; range: Range; message: string }[];
  fixes?: { title: string; edits: { file: string; range: Range; newText: string }[] }[];
  data?: Record<string, unknown>;
}

/** The JSON entry of one diagnostic; every place is named by `file`, as the CLI names files. */
export function toJsonDiagnostic(diagnostic: Diagnostic): JsonDiagnostic {
  const entry: JsonDiagnostic = {
    code: diagnostic.code,
    severity: diagnostic.severity,
    message: diagnostic.message,
    file: diagnostic.uri,
    range: diagnostic.range,
  };
  if (diagnostic.related) {
    entry.related = diagnostic.related.map((related) => ({
      file: related.uri,
      range: related.range,
      message: related.message,
    }));
  }
  if (diagnostic.fixes) {
    entry.fixes = diagnostic.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => ({
        file: edit.uri,
        range: edit.range,
        newText: edit.newText,
      })),
    }));
  }
  if (diagnostic.data) entry.data = diagnostic.data;
  return entry;
}

/** The JSON array of all diagnostics, two-space indented, with a final line feed. */
export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[]): string {
  return `${JSON.stringify(diagnostics.map(toJsonDiagnostic), null, 2)}\n`;
}
