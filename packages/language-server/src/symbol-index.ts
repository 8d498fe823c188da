/**
 * Every name written in a framework's files, with what it names: the declarations and the
 * references to them. Navigation (definition, references, rename), hovers, completion and
 * semantic tokens all read this one index, built from the syntax trees the checker read.
 */
import type * as ast from '@kpilang/core';
import { comparePositions, type Position, type Range } from '@kpilang/core';

/**
 * What a name can stand for. Measures have no declaration: a formula names them. A fact is
 * the id a `when` declares, which data rows give in their `measure` column.
 */
export type NameKind =
  | 'framework'
  | 'level'
  | 'rating'
  | 'goal'
  | 'scale'
  | 'indicator'
  | 'group'
  | 'position'
  | 'context'
  | 'part'
  | 'fact'
  | 'quota'
  | 'measure';

/** One written name. */
export interface Occurrence {
  kind: NameKind;
  id: string;
  uri: string;
  range: Range;
  declaration: boolean;
}

/** An enumerated word as written (`higher`, `quarterly`, `percent`), for semantic tokens. */
export interface WordOccurrence {
  uri: string;
  range: Range;
  /** `unit` for a unit name, `word` for any other enumerated word. */
  role: 'unit' | 'word';
}

export interface SymbolIndex {
  /** Every occurrence, by file URI, in text order. */
  byUri: Map<string, Occurrence[]>;
  /** The first declaration of each name, by kind then id (the one the checker keeps). */
  declarations: Map<NameKind, Map<string, Occurrence>>;
  words: Map<string, WordOccurrence[]>;
}

/** Builds the index of `files` (in the order the checker took them). */
export function buildIndex(files: readonly ast.SourceFile[]): SymbolIndex {
  const index: SymbolIndex = { byUri: new Map(), declarations: new Map(), words: new Map() };
  const scales = new Set<string>();
  const parts = new Set<string>();
  for (const file of files) {
    for (const decl of file.declarations) {
      if (decl.kind === 'ScaleDecl' && decl.id) scales.add(decl.id.text);
      if (decl.kind === 'PartDecl' && decl.id) parts.add(decl.id.text);
    }
  }

  for (const file of files) {
    const occurrences: Occurrence[] = [];
    const words: WordOccurrence[] = [];
    const add = (kind: NameKind, name: ast.Name | undefined, declaration = false): void => {
      if (!name || name.text === '') return;
      const occurrence = { kind, id: name.text, uri: file.uri, range: name.range, declaration };
      occurrences.push(occurrence);
      if (!declaration) return;
      const table = index.declarations.get(kind) ?? new Map<string, Occurrence>();
      if (!table.has(name.text)) table.set(name.text, occurrence);
      index.declarations.set(kind, table);
    };
    const word = (name: ast.Name | undefined, role: WordOccurrence['role'] = 'word'): void => {
      if (name) words.push({ uri: file.uri, range: name.range, role });
    };
    const bands = (clause: ast.BandsClause | undefined): void => {
      for (const band of clause?.bands ?? []) add('level', band.level);
    };
    const assignments = (list: ast.Assignment[]): void => {
      for (const assignment of list) {
        add('indicator', assignment.indicator);
        bands(assignment.bands);
      }
    };

    for (const decl of file.declarations) {
      switch (decl.kind) {
        case 'FrameworkDecl':
          add('framework', decl.id, true);
          word(decl.cycle?.value);
          word(decl.missingData?.value);
          for (const clause of decl.rounding) {
            word(clause.target);
            word(clause.unit);
          }
          break;
        case 'LevelsDecl':
          for (const level of decl.levels) add('level', level.id, true);
          break;
        case 'RatingDecl':
          for (const line of decl.lines) add('rating', line.id, true);
          break;
        case 'GoalDecl':
          add('goal', decl.id, true);
          word(decl.perspective);
          break;
        case 'ScaleDecl':
          add('scale', decl.id, true);
          break;
        case 'KpiDecl':
          add('indicator', decl.id, true);
          indexKpiFields(decl, { add, word, bands, scales });
          break;
        case 'GroupDecl':
          add('group', decl.id, true);
          for (const member of decl.members) add('indicator', member);
          break;
        case 'PositionDecl':
          add('position', decl.id, true);
          add('group', decl.group);
          assignments(decl.assignments);
          break;
        case 'PartDecl':
          add('part', decl.id, true);
          break;
        case 'WhenDecl':
          add('fact', decl.id, true);
          add('group', decl.group);
          add('rating', decl.rating);
          break;
        case 'QuotaDecl':
          add('quota', decl.id, true);
          add('rating', decl.limit?.limited);
          add('rating', decl.limit?.base);
          for (const item of decl.within?.items ?? []) word(item);
          for (const key of decl.rankBy?.items ?? []) {
            // The checker reads a key as the total, else a part, else an indicator.
            if (key.text === 'total') word(key);
            else add(parts.has(key.text) ? 'part' : 'indicator', key);
          }
          break;
        case 'ContextDecl':
          add('context', decl.id, true);
          for (const override of decl.overrides) {
            if (override.kind === 'IndicatorOverride') {
              add('indicator', override.indicator);
              bands(override.bands);
            } else {
              add('position', override.position);
              assignments(override.assignments);
            }
          }
          break;
      }
    }

    occurrences.sort((a, b) => comparePositions(a.range.start, b.range.start));
    index.byUri.set(file.uri, occurrences);
    index.words.set(file.uri, words);
  }
  return index;
}

function indexKpiFields(
  decl: ast.KpiDecl,
  on: {
    add: (kind: NameKind, name: ast.Name | undefined, declaration?: boolean) => void;
    word: (name: ast.Name | undefined, role?: WordOccurrence['role']) => void;
    bands: (clause: ast.BandsClause | undefined) => void;
    scales: ReadonlySet<string>;
  },
): void {
  const { add, word, bands, scales } = on;
  add('goal', decl.goal);
  add('part', decl.part);
  word(decl.points?.value);
  bands(decl.bands);
  for (const clause of [decl.indicatorKind, decl.better, decl.every, decl.aggregate]) {
    word(clause?.value);
  }
  word(decl.between?.value);
  word(decl.missingData?.value);
  const unit = decl.unit?.name;
  if (unit && scales.has(unit.text)) add('scale', unit);
  else word(unit, 'unit');
  word(decl.unit?.per);

  const measurement = decl.measurement;
  if (measurement?.kind === 'SurveyMeasurement') add('measure', measurement.measure);
  else if (measurement?.formula) visitFormula(measurement.formula, (name) => add('measure', name));
}

function visitFormula(expr: ast.Expr, onMeasure: (name: ast.Name) => void): void {
  switch (expr.kind) {
    case 'MeasureRef':
      onMeasure(expr.name);
      break;
    case 'Binary':
      if (expr.left) visitFormula(expr.left, onMeasure);
      if (expr.right) visitFormula(expr.right, onMeasure);
      break;
    case 'Call':
      for (const arg of expr.args) visitFormula(arg, onMeasure);
      break;
    case 'Paren':
      if (expr.inner) visitFormula(expr.inner, onMeasure);
      break;
    case 'Negation':
      if (expr.operand) visitFormula(expr.operand, onMeasure);
      break;
    case 'NumberExpr':
      break;
  }
}

/** The occurrence under `position` in `uri` (a position at a name's end counts as on it). */
export function occurrenceAt(
  index: SymbolIndex,
  uri: string,
  position: Position,
): Occurrence | undefined {
  for (const occurrence of index.byUri.get(uri) ?? []) {
    if (
      comparePositions(occurrence.range.start, position) <= 0 &&
      comparePositions(position, occurrence.range.end) <= 0
    ) {
      return occurrence;
    }
  }
  return undefined;
}

/** Every occurrence of the name `kind`/`id` in the framework, declarations included. */
export function occurrencesOf(index: SymbolIndex, kind: NameKind, id: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const occurrences of index.byUri.values()) {
    for (const occurrence of occurrences) {
      if (occurrence.kind === kind && occurrence.id === id) found.push(occurrence);
    }
  }
  return found;
}

/**
 * The first declaration of `kind` named `id` in `files`, the one the checker keeps. Parts,
 * conditions and quotas are read from here rather than the checker's model, because their
 * syntax is all a hover or a completion needs.
 */
export function declarationOf<K extends ast.Declaration['kind']>(
  files: readonly ast.SourceFile[],
  kind: K,
  id: string,
): Extract<ast.Declaration, { kind: K }> | undefined {
  for (const file of files) {
    for (const decl of file.declarations) {
      if (decl.kind === kind && 'id' in decl && decl.id?.text === id) {
        return decl as Extract<ast.Declaration, { kind: K }>;
      }
    }
  }
  return undefined;
}
