/**
 * The symbol tables: every declaration of every file, by kind and id. Built first, before
 * anything is resolved; reports the framework header's absence (KPI010) or repetition
 * (KPI011) and duplicate ids (KPI103). The first declaration of an id wins; later ones are
 * reported and left out of the model. (Fields written twice, KPI006, are the parser's.)
 */
import type * as ast from '../syntax/ast.js';
import { related, ZERO_RANGE, type Reporter } from './report.js';

/** A declaration and the file it is in. */
export interface Declared<T> {
  decl: T;
  uri: string;
}

/** One table per kind of name; each map keeps source order (files in the given order). */
export interface Symbols {
  framework?: Declared<ast.FrameworkDecl>;
  levels: Map<string, Declared<ast.LevelDecl>>;
  ratingLines: Map<string, Declared<ast.RatingLine>>;
  /** The `rating { }` blocks, for diagnostics about the rating as a whole. */
  ratingBlocks: Declared<ast.RatingDecl>[];
  goals: Map<string, Declared<ast.GoalDecl>>;
  scales: Map<string, Declared<ast.ScaleDecl>>;
  indicators: Map<string, Declared<ast.KpiDecl>>;
  groups: Map<string, Declared<ast.GroupDecl>>;
  positions: Map<string, Declared<ast.PositionDecl>>;
  contexts: Map<string, Declared<ast.ContextDecl>>;
  parts: Map<string, Declared<ast.PartDecl>>;
  /** The facts `when` declares, by fact id. */
  facts: Map<string, Declared<ast.WhenDecl>>;
  quotas: Map<string, Declared<ast.QuotaDecl>>;
}

/** Builds the tables from all files, reporting KPI010, KPI011 and KPI103. */
export function collectSymbols(files: ast.SourceFile[], reporter: Reporter): Symbols {
  const symbols: Symbols = {
    levels: new Map(),
    ratingLines: new Map(),
    ratingBlocks: [],
    goals: new Map(),
    scales: new Map(),
    indicators: new Map(),
    groups: new Map(),
    positions: new Map(),
    contexts: new Map(),
    parts: new Map(),
    facts: new Map(),
    quotas: new Map(),
  };

  for (const file of files) {
    for (const decl of file.declarations) {
      reporter.guard('names', { uri: file.uri, range: decl.range }, () =>
        collectDeclaration(symbols, decl, file.uri, reporter),
      );
    }
  }

  const first = files[0];
  if (!symbols.framework && first) {
    reporter.report('KPI010', { uri: first.uri, range: ZERO_RANGE }, []);
  }
  return symbols;
}

function collectDeclaration(
  symbols: Symbols,
  decl: ast.Declaration,
  uri: string,
  reporter: Reporter,
): void {
  const add = <T extends { id?: ast.Name }>(
    table: Map<string, Declared<T>>,
    what: string,
    node: T,
  ): void => addSymbol({ table, what, node, uri, reporter });

  switch (decl.kind) {
    case 'FrameworkDecl':
      collectFramework(symbols, decl, uri, reporter);
      break;
    case 'LevelsDecl':
      for (const level of decl.levels) add(symbols.levels, 'level', level);
      break;
    case 'RatingDecl':
      symbols.ratingBlocks.push({ decl, uri });
      for (const line of decl.lines) add(symbols.ratingLines, 'rating line', line);
      break;
    case 'GoalDecl':
      add(symbols.goals, 'goal', decl);
      break;
    case 'ScaleDecl':
      add(symbols.scales, 'scale', decl);
      break;
    case 'KpiDecl':
      add(symbols.indicators, 'indicator', decl);
      break;
    case 'GroupDecl':
      add(symbols.groups, 'group', decl);
      break;
    case 'PositionDecl':
      add(symbols.positions, 'position', decl);
      break;
    case 'ContextDecl':
      add(symbols.contexts, 'context', decl);
      break;
    case 'PartDecl':
      add(symbols.parts, 'part', decl);
      break;
    case 'WhenDecl':
      add(symbols.facts, 'condition', decl);
      break;
    case 'QuotaDecl':
      add(symbols.quotas, 'quota', decl);
      break;
  }
}

function collectFramework(
  symbols: Symbols,
  decl: ast.FrameworkDecl,
  uri: string,
  reporter: Reporter,
): void {
  const existing = symbols.framework;
  if (!existing) {
    symbols.framework = { decl, uri };
    return;
  }

  const place = { uri, range: decl.id?.range ?? decl.range };
  const firstPlace = { uri: existing.uri, range: existing.decl.id?.range ?? existing.decl.range };
  reporter.report('KPI011', place, [existing.decl.id?.text ?? 'framework'], {
    related: [related(firstPlace, 'The first framework header is here.')],
  });
}

function addSymbol<T extends { id?: ast.Name }>(options: {
  table: Map<string, Declared<T>>;
  what: string;
  node: T;
  uri: string;
  reporter: Reporter;
}): void {
  const { table, what, node, uri, reporter } = options;
  const id = node.id;
  if (!id) return;

  const existing = table.get(id.text);
  if (!existing) {
    table.set(id.text, { decl: node, uri });
    return;
  }

  const firstRange = existing.decl.id?.range ?? id.range;
  reporter.report('KPI103', { uri, range: id.range }, [what, id.text], {
    related: [related({ uri: existing.uri, range: firstRange }, `The first '${id.text}' is here.`)],
  });
}
