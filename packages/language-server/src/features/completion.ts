/**
 * Completion in context. Where the cursor is (the declaration and block around it, from the
 * syntax tree of the current text) and the words before it on its line decide what fits:
 * declaration keywords at the top level, the fields of a kpi inside one, level ids inside
 * `bands`, indicator ids in a group or a position, group ids after `in`, the fields of a quota
 * and the names each takes, and after a field keyword its words (units, periods, aggregations,
 * directions, what `round` rounds ...) or the ids it names.
 */
import {
  BUILTIN_UNITS,
  comparePositions,
  vocabulary,
  type Declaration,
  type Position as CorePosition,
  type Range,
} from '@kpilang/core';
import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FrameworkView } from '../server.js';
import { declarationOf, type NameKind } from '../symbol-index.js';

const DECLARATIONS: [string, string][] = [
  [
    'framework',
    'The framework header: id, label, version, agency, effective date, cycle, missing data, ' +
      'rounding.',
  ],
  ['levels', 'The rating levels and the points each earns.'],
  ['rating', 'The overall rating lines on the weighted total.'],
  ['goal', 'A goal the indicators support.'],
  ['scale', 'A labelled answer scale, usable as a unit.'],
  ['kpi', 'An indicator: measurement, unit, direction, target, bands, frequency, source.'],
  ['group', 'A position group and its indicators.'],
  ['position', 'A position and the weights of its indicators.'],
  ['context', 'A region or setting that changes targets, bands or weights.'],
  ['part', 'A part of the total and the most points it adds.'],
  ['when', 'A fact about a person that decides their rating whatever the total.'],
  ['quota', 'A limit on how many people may get a rating, as a share of another.'],
];

const FRAMEWORK_FIELDS = ['version', 'agency', 'effective', 'cycle', 'missing data', 'round'];

const KPI_FIELDS: [string, keyof KpiFieldPresence][] = [
  ['kind', 'indicatorKind'],
  ['measure', 'measurement'],
  ['unit', 'unit'],
  ['better', 'better'],
  ['target', 'target'],
  ['bands', 'bands'],
  ['every', 'every'],
  ['aggregate', 'aggregate'],
  ['between measurements', 'between'],
  ['source', 'source'],
  ['goal', 'goal'],
  ['missing data', 'missingData'],
  ['points', 'points'],
  ['part', 'part'],
];

type KpiFieldPresence = Pick<
  Extract<Declaration, { kind: 'KpiDecl' }>,
  | 'indicatorKind'
  | 'measurement'
  | 'unit'
  | 'better'
  | 'target'
  | 'bands'
  | 'every'
  | 'aggregate'
  | 'between'
  | 'source'
  | 'goal'
  | 'missingData'
  | 'points'
  | 'part'
>;

const PERSPECTIVES = ['financial', 'customer', 'internal', 'learning'];

/** The sets of people a quota holds in, after `within`. */
const QUOTA_SETS = [...vocabulary.QUOTA_SETS.words.keys()];

export function completions(
  view: FrameworkView,
  document: TextDocument,
  position: CorePosition,
): CompletionItem[] {
  const line = document.getText({
    start: { line: position.line, character: 0 },
    end: position,
  });
  const typed = /[A-Za-z0-9_]*$/.exec(line)?.[0] ?? '';
  const replace: Range = {
    start: { line: position.line, character: position.character - typed.length },
    end: position,
  };
  const before = line.slice(0, line.length - typed.length);
  // Nothing inside a label or a comment: what is typed there is the writer's own text.
  if (insideTextOrComment(before)) return [];
  const words = before.trim().split(/\s+/).filter(Boolean);
  const previous = words.at(-1);

  const file = view.analysis.checked.files.find((candidate) => candidate.uri === document.uri);
  const decl = file?.declarations.find((candidate) => inside(candidate.range, position));
  const items = new Items(replace);

  const byWord = afterWord(view, items, previous, words, decl);
  if (byWord) return items.list;

  if (!decl || (position.line === decl.range.start.line && !before.includes('{'))) {
    if (words.length === 0) {
      for (const [keyword, detail] of DECLARATIONS) items.keyword(keyword, detail);
    }
    return items.list;
  }
  inBlock(view, items, decl, position, words);
  return items.list;
}

/** Completions fixed by the word before the cursor (`unit |`, `every |`, `in |` ...). */
function afterWord(
  view: FrameworkView,
  items: Items,
  previous: string | undefined,
  words: string[],
  decl: Declaration | undefined,
): boolean {
  switch (previous) {
    case 'kind':
      items.words(vocabulary.KINDS.words.keys());
      return true;
    case 'better':
      items.words(vocabulary.DIRECTIONS.words.keys());
      return true;
    case 'every':
      if (words.at(-2) === 'aggregate') return false;
      items.words(vocabulary.PERIOD_NOUNS.shown ?? []);
      return true;
    case 'per':
      items.words(vocabulary.PERIOD_NOUNS.shown ?? []);
      return true;
    case 'cycle':
      items.words(vocabulary.PERIOD_ADVERBS.shown ?? []);
      return true;
    case 'aggregate':
      items.words(vocabulary.AGGREGATIONS.words.keys());
      return true;
    case 'measurements':
      items.words(vocabulary.BETWEEN_RULES.words.keys());
      return true;
    case 'between':
      items.keyword('measurements', 'What an indicator gives between its measurements.');
      return true;
    case 'missing':
      items.keyword('data', 'What happens when an indicator has no value.');
      return true;
    case 'data':
      items.words(vocabulary.MISSING_DATA_RULES.words.keys());
      return true;
    case 'round':
      items.words(vocabulary.ROUNDED_THINGS.words.keys());
      return true;
    case 'perspective':
      items.words(PERSPECTIVES);
      return true;
    case 'unit':
      items.words(BUILTIN_UNITS.keys(), 'built-in unit');
      items.names(view, 'scale');
      return true;
    case 'goal':
      if (decl?.kind !== 'KpiDecl') return false;
      items.names(view, 'goal');
      return true;
    case 'in':
      // A `when` being typed at the end of a file ends before the cursor, so its line says.
      if (decl?.kind !== 'PositionDecl' && decl?.kind !== 'WhenDecl' && words[0] !== 'when') {
        return false;
      }
      items.names(view, 'group');
      return true;
    case 'rate':
      items.names(view, 'rating');
      return true;
    case 'part':
      if (decl?.kind !== 'KpiDecl') return false;
      items.names(view, 'part');
      return true;
    case 'points':
      if (decl?.kind !== 'KpiDecl') return false;
      items.words(vocabulary.SCORINGS.words.keys());
      return true;
    case 'at':
      items.keyword('most');
      return true;
    case 'of':
      // The base line cannot be the limited line itself (KPI805).
      items.names(view, 'rating', (id) => id !== words[0]);
      return true;
    case 'within':
      items.words(QUOTA_SETS);
      return true;
    case 'rank':
      items.keyword('by');
      return true;
    case 'by':
      rankKeys(view, items, []);
      return true;
    case 'position':
      if (decl?.kind !== 'ContextDecl') return false;
      items.names(view, 'position');
      return true;
    case 'survey':
    case 'measure':
      items.names(view, 'measure');
      if (previous === 'measure') items.keyword('survey', 'The mean of survey responses.');
      return true;
    default:
      return false;
  }
}

/** Completions inside a declaration's block. */
function inBlock(
  view: FrameworkView,
  items: Items,
  decl: Declaration,
  position: CorePosition,
  words: string[],
): void {
  const atStart = words.length === 0;
  switch (decl.kind) {
    case 'FrameworkDecl':
      if (atStart) for (const field of FRAMEWORK_FIELDS) items.keyword(field);
      else if (words.at(-2) === 'round') items.keyword('to');
      else if (words.at(-4) === 'round' && /^\d+$/.test(words.at(-1) ?? '')) {
        // `round values to 1 decimal`, `round total to 2 decimals`: the form that reads well
        // first; the checker takes either.
        const one = words.at(-1) === '1';
        items.words(one ? ['decimal', 'decimals'] : ['decimals', 'decimal']);
      }
      return;
    case 'KpiDecl':
      if (decl.bands && inside(decl.bands.range, position)) {
        if (atStart) items.names(view, 'level');
        else items.keywords(['from', 'under', 'to']);
        return;
      }
      if (atStart) {
        // `part` only once the framework declares a part: without one it could name nothing.
        const parts = view.index.declarations.get('part')?.size ?? 0;
        for (const [field, key] of KPI_FIELDS) {
          if (field === 'part' && parts === 0) continue;
          if (!decl[key] || inside(decl[key].range, position)) items.keyword(field);
        }
      } else if (/[+\-*/(,]$/.test(words.at(-1) ?? '')) {
        items.names(view, 'measure');
      }
      return;
    case 'QuotaDecl':
      quotaCompletions(view, items, decl, position, words);
      return;
    case 'GroupDecl': {
      const members = new Set(decl.members.map((member) => member.text));
      items.names(view, 'indicator', (id) => !members.has(id));
      return;
    }
    case 'PositionDecl':
      assignmentCompletions(view, items, decl.assignments, position, words, decl.group?.text);
      return;
    case 'ContextDecl': {
      for (const override of decl.overrides) {
        if (!inside(override.range, position)) continue;
        if (override.kind === 'IndicatorOverride') {
          if (override.bands && inside(override.bands.range, position)) {
            if (atStart) items.names(view, 'level');
            return;
          }
        } else if (
          comparePositions(override.range.start, position) < 0 &&
          override.range.start.line < position.line
        ) {
          const base = view.analysis.checked.model.positions.find(
            (candidate) => candidate.id === override.position?.text,
          );
          const allowed = new Set(base?.indicators.map((entry) => entry.indicator) ?? []);
          assignmentCompletions(
            view,
            items,
            override.assignments,
            position,
            words,
            undefined,
            allowed,
          );
          return;
        }
      }
      if (atStart) {
        items.keyword('position', 'Change one position’s weights, targets or bands.');
        items.names(view, 'indicator');
      } else if (words.length === 1) {
        items.keywords(['target', 'bands']);
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Inside a quota: at a line's start the fields it lacks (a rating line starts the limit), then
 * the limit's words, and the rest of a `within` or `rank by` list after a comma.
 */
function quotaCompletions(
  view: FrameworkView,
  items: Items,
  decl: Extract<Declaration, { kind: 'QuotaDecl' }>,
  position: CorePosition,
  words: string[],
): void {
  const lacks = (field: { range: Range } | undefined) => !field || inside(field.range, position);
  if (words.length === 0) {
    if (lacks(decl.limit)) items.names(view, 'rating');
    if (lacks(decl.within)) items.keyword('within', 'The sets of people the limit holds in.');
    if (lacks(decl.rankBy)) items.keyword('rank by', 'Who keeps the rating when not all can.');
    return;
  }
  const listed = words
    .slice(1)
    .join(' ')
    .split(/[\s,]+/)
    .filter((word) => word !== '' && word !== 'by');
  const afterComma = (words.at(-1) ?? '').endsWith(',');
  if (words[0] === 'within' && afterComma) {
    items.words(QUOTA_SETS.filter((set) => !listed.includes(set)));
  } else if (words[0] === 'rank' && afterComma) {
    rankKeys(view, items, listed);
  } else if (words.length === 1 && words[0] !== 'within' && words[0] !== 'rank') {
    items.keyword('at most', 'The largest share the line may have, in percent.');
  } else if (words.at(-2) === 'most') {
    items.keyword('of', 'The rating line the share is taken of.');
  }
}

/** The keys a quota may rank by: the total, the parts, then the indicators. */
function rankKeys(view: FrameworkView, items: Items, listed: readonly string[]): void {
  const fresh = (id: string) => !listed.includes(id);
  if (fresh('total')) items.words(['total'], 'the weighted total', '0');
  items.names(view, 'part', fresh, () => '1');
  items.names(view, 'indicator', fresh, () => '2');
}

/** Inside a position (or a context's block for one): indicators, then `weight`, `target`, `bands`. */
function assignmentCompletions(
  view: FrameworkView,
  items: Items,
  assignments: { indicator: { text: string; range: Range }; bands?: { range: Range } }[],
  position: CorePosition,
  words: string[],
  group?: string,
  allowed?: ReadonlySet<string>,
): void {
  const current = assignments.find(
    (assignment) => assignment.bands && inside(assignment.bands.range, position),
  );
  if (current) {
    if (words.length === 0) items.names(view, 'level');
    return;
  }
  if (words.length === 0) {
    const taken = new Set(
      assignments
        .filter((assignment) => assignment.indicator.range.start.line !== position.line)
        .map((assignment) => assignment.indicator.text),
    );
    const members = new Set(
      view.analysis.checked.model.groups.find((candidate) => candidate.id === group)?.indicators ??
        [],
    );
    items.names(
      view,
      'indicator',
      (id) => !taken.has(id) && (allowed?.has(id) ?? true),
      (id) => (members.has(id) ? '0' : '1'),
    );
    return;
  }
  if (words.length === 1) items.keyword('weight', 'The share of the total, in percent.');
  else items.keywords(['target', 'bands']);
}

/** True when the end of `line` is inside a quoted string or after `//`. */
function insideTextOrComment(line: string): boolean {
  let quoted = false;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quoted && char === '\\') at += 1;
    else if (char === '"') quoted = !quoted;
    else if (!quoted && char === '/' && line[at + 1] === '/') return true;
  }
  return quoted;
}

function inside(range: Range, position: CorePosition): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

const KIND_OF: Record<NameKind, CompletionItemKind> = {
  framework: CompletionItemKind.Module,
  level: CompletionItemKind.EnumMember,
  rating: CompletionItemKind.EnumMember,
  goal: CompletionItemKind.Event,
  scale: CompletionItemKind.Enum,
  indicator: CompletionItemKind.Field,
  group: CompletionItemKind.Folder,
  position: CompletionItemKind.Class,
  context: CompletionItemKind.Module,
  part: CompletionItemKind.Struct,
  fact: CompletionItemKind.Property,
  quota: CompletionItemKind.Function,
  measure: CompletionItemKind.Variable,
};

/** The list being built; each label once. */
class Items {
  readonly list: CompletionItem[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly replace: Range) {}

  keyword(label: string, detail?: string): void {
    this.add({ label, kind: CompletionItemKind.Keyword, ...(detail ? { detail } : {}) });
  }

  keywords(labels: Iterable<string>): void {
    for (const label of labels) this.keyword(label);
  }

  words(labels: Iterable<string>, detail?: string, sortGroup?: string): void {
    for (const label of labels) {
      this.add({
        label,
        kind: CompletionItemKind.EnumMember,
        ...(detail ? { detail } : {}),
        ...(sortGroup ? { sortText: `${sortGroup}${label}` } : {}),
      });
    }
  }

  /** The declared names of `kind` (for measures, every measure named so far). */
  names(
    view: FrameworkView,
    kind: NameKind,
    keep: (id: string) => boolean = () => true,
    sortGroup: (id: string) => string = () => '0',
  ): void {
    const ids = new Map<string, string | undefined>();
    if (kind === 'measure') {
      for (const occurrences of view.index.byUri.values()) {
        for (const occurrence of occurrences)
          if (occurrence.kind === 'measure') ids.set(occurrence.id, undefined);
      }
    } else {
      for (const [id] of view.index.declarations.get(kind) ?? [])
        ids.set(id, labelOf(view, kind, id));
    }
    for (const [id, detail] of ids) {
      if (!keep(id)) continue;
      this.add({
        label: id,
        kind: KIND_OF[kind],
        sortText: `${sortGroup(id)}${id}`,
        ...(detail ? { detail } : {}),
      });
    }
  }

  private add(item: CompletionItem): void {
    if (this.seen.has(item.label)) return;
    this.seen.add(item.label);
    this.list.push({ ...item, textEdit: { range: this.replace, newText: item.label } });
  }
}

/** The Vietnamese label of a declared name, shown beside it. */
function labelOf(view: FrameworkView, kind: NameKind, id: string): string | undefined {
  const found = view.analysis.checked.model;
  const lists: Partial<Record<NameKind, { id: string; label: { vi: string } }[]>> = {
    level: found.levels,
    rating: found.rating,
    goal: found.goals,
    scale: found.scales,
    indicator: found.indicators,
    group: found.groups,
    position: found.positions,
    context: found.contexts,
  };
  const listed = lists[kind]?.find((entry) => entry.id === id)?.label.vi;
  if (listed !== undefined) return listed;
  const files = view.analysis.checked.files;
  const syntax =
    kind === 'part'
      ? declarationOf(files, 'PartDecl', id)
      : kind === 'fact'
        ? declarationOf(files, 'WhenDecl', id)
        : kind === 'quota'
          ? declarationOf(files, 'QuotaDecl', id)
          : undefined;
  return syntax?.label?.vi.value;
}
