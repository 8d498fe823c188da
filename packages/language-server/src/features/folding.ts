/**
 * Folding: every declaration and block that spans lines (a kpi, its bands, a position, a
 * context and its overrides), and runs of two or more `//` comment lines.
 */
import { FoldingRangeKind, type FoldingRange, type Range } from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';

export function foldingRanges(
  view: FrameworkView,
  uri: string,
  text: string | undefined,
): FoldingRange[] {
  const file = view.analysis.checked.files.find((candidate) => candidate.uri === uri);
  const found: FoldingRange[] = [];
  const add = (range: Range | undefined): void => {
    if (range && range.end.line > range.start.line) {
      found.push({ startLine: range.start.line, endLine: range.end.line });
    }
  };
  for (const decl of file?.declarations ?? []) {
    add(decl.range);
    if (decl.kind === 'KpiDecl') add(decl.bands?.range);
    if (decl.kind === 'PositionDecl') decl.assignments.forEach((line) => add(line.bands?.range));
    if (decl.kind === 'ContextDecl') {
      for (const override of decl.overrides) {
        add(override.range);
        if (override.kind === 'IndicatorOverride') add(override.bands?.range);
        else override.assignments.forEach((line) => add(line.bands?.range));
      }
    }
  }
  found.push(...commentRuns(text ?? fileText(view, uri)));
  // One range per start line, the outermost, in line order: what editors expect.
  const byStart = new Map<number, FoldingRange>();
  for (const range of found) {
    const existing = byStart.get(range.startLine);
    if (!existing || existing.endLine < range.endLine) byStart.set(range.startLine, range);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

function fileText(view: FrameworkView, uri: string): string {
  return view.analysis.byUri.get(uri)?.text ?? '';
}

function commentRuns(text: string): FoldingRange[] {
  const runs: FoldingRange[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let start = -1;
  for (let line = 0; line <= lines.length; line++) {
    const comment = line < lines.length && /^\s*\/\//.test(lines[line] ?? '');
    if (comment && start < 0) start = line;
    if (!comment && start >= 0) {
      if (line - 1 > start)
        runs.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
      start = -1;
    }
  }
  return runs;
}
