/**
 * Quick fixes: the fixes the checker attaches to its diagnostics (a "did you mean", weights
 * rebalanced to 100%, a band moved to close a gap, a missing aggregation clause ...), offered
 * on the diagnostics under the cursor. They come from the analysis of the current texts, not
 * from the diagnostics the editor sends back, so a fix never applies to an older text.
 */
import { rangeContains, comparePositions, type Range } from '@kpilang/core';
import { CodeActionKind, type CodeAction } from 'vscode-languageserver/node';
import { toLspDiagnostic, toWorkspaceEdit } from '../convert.js';
import type { FrameworkView } from '../server.js';

export function codeActions(view: FrameworkView, uri: string, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of view.analysis.diagnostics) {
    if (diagnostic.uri !== uri || !diagnostic.fixes || !overlaps(diagnostic.range, range)) continue;
    const only = diagnostic.fixes.length === 1;
    for (const fix of diagnostic.fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic)],
        edit: toWorkspaceEdit(fix),
        isPreferred: only,
      });
    }
  }
  return actions;
}

/** True when the ranges share a position; an empty range (a cursor) touching one counts. */
function overlaps(a: Range, b: Range): boolean {
  if (rangeContains(a, b) || rangeContains(b, a)) return true;
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
