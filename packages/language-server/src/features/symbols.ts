/**
 * The outline of a file (document symbols) and the search over every declaration of the
 * workspace (workspace symbols). Both come from the syntax trees: a half-typed declaration
 * still shows, under whatever name it has so far.
 */
import type * as ast from '@kpilang/core';
import {
  SymbolKind,
  type DocumentSymbol,
  type Range,
  type WorkspaceSymbol,
} from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';

export function documentSymbols(view: FrameworkView, uri: string): DocumentSymbol[] {
  const file = view.analysis.checked.files.find((candidate) => candidate.uri === uri);
  return file ? file.declarations.map(declarationSymbol) : [];
}

/**
 * The declarations of every file that match `query`: the top-level ones, and each level and
 * rating line (a position's weight lines and a context's overrides are uses, not declarations).
 */
export function workspaceSymbols(view: FrameworkView, query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase();
  const found: WorkspaceSymbol[] = [];
  for (const file of view.analysis.checked.files) {
    for (const decl of file.declarations) {
      const symbol = declarationSymbol(decl);
      const container = decl.kind === 'LevelsDecl' || decl.kind === 'RatingDecl';
      const declared = container ? (symbol.children ?? []) : [symbol];
      for (const entry of declared) {
        if (!matches(`${entry.name} ${entry.detail ?? ''}`.toLowerCase(), wanted)) continue;
        const result: WorkspaceSymbol = {
          name: entry.name,
          kind: entry.kind,
          location: { uri: file.uri, range: entry.selectionRange },
        };
        if (container) result.containerName = symbol.name;
        found.push(result);
      }
    }
  }
  return found;
}

/** True when the characters of `query` appear in `text` in order (an editor's fuzzy match). */
function matches(text: string, query: string): boolean {
  let at = 0;
  for (const char of query) {
    at = text.indexOf(char, at);
    if (at < 0) return false;
    at += 1;
  }
  return true;
}

function declarationSymbol(decl: ast.Declaration): DocumentSymbol {
  switch (decl.kind) {
    case 'FrameworkDecl':
      return symbol(decl.id, 'framework', decl, SymbolKind.Module, decl.label);
    case 'LevelsDecl':
      return {
        ...symbol(undefined, 'levels', decl, SymbolKind.Namespace),
        children: decl.levels.map((level) =>
          symbol(level.id, 'level', level, SymbolKind.EnumMember, level.label, pointsOf(level)),
        ),
      };
    case 'RatingDecl':
      return {
        ...symbol(undefined, 'rating', decl, SymbolKind.Namespace),
        children: decl.lines.map((line) =>
          symbol(line.id, 'rating line', line, SymbolKind.EnumMember, line.label),
        ),
      };
    case 'GoalDecl':
      return symbol(decl.id, 'goal', decl, SymbolKind.Event, decl.label);
    case 'ScaleDecl':
      return symbol(decl.id, 'scale', decl, SymbolKind.Enum, decl.label);
    case 'KpiDecl':
      return symbol(decl.id, 'kpi', decl, SymbolKind.Field, decl.label);
    case 'GroupDecl':
      return symbol(decl.id, 'group', decl, SymbolKind.Package, decl.label);
    case 'PositionDecl':
      return {
        ...symbol(decl.id, 'position', decl, SymbolKind.Class, decl.label),
        children: decl.assignments.map(assignmentSymbol),
      };
    case 'ContextDecl':
      return {
        ...symbol(decl.id, 'context', decl, SymbolKind.Namespace, decl.label),
        children: decl.overrides.map((override) =>
          override.kind === 'IndicatorOverride'
            ? symbol(override.indicator, 'override', override, SymbolKind.Field)
            : {
                ...symbol(override.position, 'position', override, SymbolKind.Class),
                children: override.assignments.map(assignmentSymbol),
              },
        ),
      };
    case 'PartDecl': {
      const points = decl.points && `${decl.points.text} points`;
      const detail = [decl.label?.vi.value, points].filter(Boolean).join(' · ');
      return symbol(decl.id, 'part', decl, SymbolKind.Struct, undefined, detail || undefined);
    }
    case 'WhenDecl':
      return symbol(decl.id, 'when', decl, SymbolKind.Property, decl.label);
    case 'QuotaDecl':
      return {
        ...symbol(decl.id, 'quota', decl, SymbolKind.Function, decl.label),
        children: quotaFields(decl),
      };
  }
}

/** A quota's fields, each named by its keyword (the limit by its limited line) with its text. */
function quotaFields(decl: ast.QuotaDecl): DocumentSymbol[] {
  const fields: DocumentSymbol[] = [];
  const limit = decl.limit;
  if (limit) {
    const share = limit.share ? `at most ${limit.share.text}` : 'at most';
    const detail = [share, limit.base && `of ${limit.base.text}`].filter(Boolean).join(' ');
    fields.push(symbol(limit.limited, 'limit', limit, SymbolKind.Operator, undefined, detail));
  }
  for (const list of [decl.within, decl.rankBy]) {
    if (!list) continue;
    const items = list.items.map((item) => item.text).join(', ');
    fields.push(symbol(undefined, list.keyword, list, SymbolKind.Property, undefined, items));
  }
  return fields;
}

function assignmentSymbol(assignment: ast.Assignment): DocumentSymbol {
  const weight = assignment.weight ? `weight ${assignment.weight.text}` : undefined;
  return symbol(assignment.indicator, 'indicator', assignment, SymbolKind.Field, undefined, weight);
}

function pointsOf(level: ast.LevelDecl): string | undefined {
  return level.points ? `${level.points.text} points` : undefined;
}

/**
 * One outline entry. An entry with no name yet (half typed) is shown by its keyword; the
 * detail is the label's Vietnamese text, or `extra`.
 */
function symbol(
  id: ast.Name | undefined,
  keyword: string,
  node: { range: Range },
  kind: SymbolKind,
  label?: ast.Label,
  extra?: string,
): DocumentSymbol {
  const entry: DocumentSymbol = {
    name: id?.text || keyword,
    kind,
    range: node.range,
    selectionRange: id?.range ?? node.range,
  };
  const detail = extra ?? label?.vi.value;
  if (detail) entry.detail = detail;
  return entry;
}
