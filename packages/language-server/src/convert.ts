/**
 * The core's diagnostics as LSP diagnostics. The core already speaks LSP coordinates (UTF-16
 * columns, zero-based lines), so ranges pass through unchanged; only severities and the
 * shape of related places change. The fixes travel in `data`, so that a code action can be
 * matched to the diagnostic it fixes.
 */
import type { Diagnostic as CoreDiagnostic, Fix } from '@kpilang/core';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Codes whose range is text the framework does not use, shown faded. */
const UNNECESSARY = new Set(['KPI104', 'KPI105', 'KPI403', 'KPI702']);

export function toLspDiagnostic(diagnostic: CoreDiagnostic): Diagnostic {
  const lsp: Diagnostic = {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    code: diagnostic.code,
    source: 'kpilang',
    message: diagnostic.message,
  };
  if (UNNECESSARY.has(diagnostic.code)) lsp.tags = [DiagnosticTag.Unnecessary];
  if (diagnostic.related) {
    lsp.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    }));
  }
  return lsp;
}

/** A fix as a workspace edit: its edits grouped by file, in the order written. */
export function toWorkspaceEdit(fix: Fix): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const edit of fix.edits) {
    (changes[edit.uri] ??= []).push({ range: edit.range, newText: edit.newText });
  }
  return { changes };
}
