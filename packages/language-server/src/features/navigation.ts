/**
 * Go to definition, find references and rename, across the files of one framework. A name
 * is matched by what it stands for (kind and id), so an indicator and a level of the same
 * spelling never meet. Rename refuses a new name that is not a valid id, is a keyword, is
 * already taken by another name of the same kind (or, for a scale, by a built-in unit), would
 * make a fact and a measure share a name, or would change what a quota's rank key means; a
 * second declaration of a name (a duplicate) is renamed on its own.
 */
import { BUILTIN_UNITS, KEYWORD_TEXTS } from '@kpilang/core';
import {
  ResponseError,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';
import { occurrenceAt, occurrencesOf, type NameKind, type Occurrence } from '../symbol-index.js';

/** Ids are ASCII: a letter, then letters, digits and `_` (see the lexer's `Identifier`). */
const ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Words the lexer reads as keywords, which can never be ids. */
export const KEYWORDS: ReadonlySet<string> = new Set(KEYWORD_TEXTS);

/** What each kind of name is called, with its article. */
const WHAT: Record<NameKind, string> = {
  framework: 'a framework',
  level: 'a level',
  rating: 'a rating line',
  goal: 'a goal',
  scale: 'a scale',
  indicator: 'an indicator',
  group: 'a group',
  position: 'a position',
  context: 'a context',
  part: 'a part',
  fact: 'a fact',
  quota: 'a quota',
  measure: 'a measure',
};

export function definition(view: FrameworkView, uri: string, position: Position): Location | null {
  const occurrence = occurrenceAt(view.index, uri, position);
  if (!occurrence) return null;
  const declared = view.index.declarations.get(occurrence.kind)?.get(occurrence.id);
  return declared ? { uri: declared.uri, range: declared.range } : null;
}

export function references(
  view: FrameworkView,
  uri: string,
  position: Position,
  context: { includeDeclaration: boolean },
): Location[] {
  const occurrence = occurrenceAt(view.index, uri, position);
  if (!occurrence) return [];
  return occurrencesOf(view.index, occurrence.kind, occurrence.id)
    .filter((found) => context.includeDeclaration || !found.declaration)
    .map((found) => ({ uri: found.uri, range: found.range }));
}

export function prepareRename(
  view: FrameworkView,
  uri: string,
  position: Position,
): { range: Range; placeholder: string } | null {
  const occurrence = occurrenceAt(view.index, uri, position);
  if (!occurrence) return null;
  return { range: occurrence.range, placeholder: occurrence.id };
}

/**
 * The edits renaming the name at `position` to `newName` everywhere in the framework. A name
 * that cannot be used is refused with an error the editor shows.
 */
export function rename(
  view: FrameworkView,
  uri: string,
  position: Position,
  newName: string,
): WorkspaceEdit | ResponseError<void> | null {
  const occurrence = occurrenceAt(view.index, uri, position);
  if (!occurrence) return null;
  const what = WHAT[occurrence.kind];
  if (newName === occurrence.id) return { changes: {} };
  if (!ID.test(newName)) {
    return invalid(
      `'${newName}' cannot name ${what}: use ASCII letters, digits and '_', starting with a ` +
        `letter.`,
    );
  }
  if (KEYWORDS.has(newName)) return invalid(`'${newName}' is a keyword and cannot name ${what}.`);
  // A scale of that name would silently replace the built-in unit in every kpi that uses it.
  if (occurrence.kind === 'scale' && BUILTIN_UNITS.has(newName)) {
    return invalid(`'${newName}' is a built-in unit; a scale of that name would replace it.`);
  }
  const taken =
    occurrence.kind === 'measure'
      ? occurrencesOf(view.index, 'measure', newName).length > 0
      : view.index.declarations.get(occurrence.kind)?.has(newName) === true;
  if (taken) return invalid(`There is already ${what} named '${newName}'.`);
  const clash =
    sharedColumnClash(view, occurrence.kind, newName) ?? rankKeyClash(view, occurrence, newName);
  if (clash) return invalid(clash);

  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const found of renamedWith(view, occurrence)) {
    (changes[found.uri] ??= []).push({ range: found.range, newText: newName });
  }
  return { changes };
}

/**
 * The occurrences a rename at `occurrence` changes. A name declared twice is two things: uses
 * resolve to the first declaration, the checker keeps, and the second is a duplicate it
 * reports. Renaming the duplicate renames it alone, which is how the duplicate is cleared;
 * renaming the first, or a use, leaves the duplicate as it is.
 */
function renamedWith(view: FrameworkView, occurrence: Occurrence): Occurrence[] {
  const kept = view.index.declarations.get(occurrence.kind)?.get(occurrence.id);
  if (occurrence.declaration && kept !== undefined && occurrence !== kept) return [occurrence];
  return occurrencesOf(view.index, occurrence.kind, occurrence.id).filter(
    (found) => !found.declaration || kept === undefined || found === kept,
  );
}

/**
 * Facts and measures share the data's `measure` column, so a fact may not take a measure's
 * name, nor a measure a fact's (the checker's KPI807).
 */
function sharedColumnClash(
  view: FrameworkView,
  kind: NameKind,
  newName: string,
): string | undefined {
  const why =
    'a fact and a measure cannot share a name: the data gives both in its measure column.';
  if (kind === 'fact' && occurrencesOf(view.index, 'measure', newName).length > 0) {
    return `'${newName}' is a measure a formula names; ${why}`;
  }
  if (kind === 'measure' && view.index.declarations.get('fact')?.has(newName)) {
    return `'${newName}' is a fact; ${why}`;
  }
  return undefined;
}

/**
 * A key of a quota's `rank by` is read as `total`, else a part, else an indicator. A rename
 * that would make a key read as another of these would change, without a word, who keeps a
 * limited rating, so it is refused.
 */
function rankKeyClash(
  view: FrameworkView,
  occurrence: Occurrence,
  newName: string,
): string | undefined {
  if (occurrence.kind !== 'part' && occurrence.kind !== 'indicator') return undefined;
  const keys = rankKeys(view);
  const isKey = occurrencesOf(view.index, occurrence.kind, occurrence.id).some((found) =>
    keys.some((key) => key.uri === found.uri && samePlace(key.range, found.range)),
  );
  if (isKey && newName === 'total') {
    return `A quota ranks by '${occurrence.id}'; renamed 'total', that key would mean the total.`;
  }
  if (
    isKey &&
    occurrence.kind === 'indicator' &&
    view.index.declarations.get('part')?.has(newName)
  ) {
    return (
      `A quota ranks by the indicator '${occurrence.id}'; renamed '${newName}', that key ` +
      `would mean the part '${newName}'.`
    );
  }
  if (occurrence.kind === 'part' && keys.some((key) => key.text === newName)) {
    return (
      `A quota ranks by '${newName}'; a part renamed '${newName}' would take that key's ` + `place.`
    );
  }
  return undefined;
}

/** The keys written in the `rank by` of every quota. */
function rankKeys(view: FrameworkView): { uri: string; range: Range; text: string }[] {
  const keys: { uri: string; range: Range; text: string }[] = [];
  for (const file of view.analysis.checked.files) {
    for (const decl of file.declarations) {
      if (decl.kind !== 'QuotaDecl') continue;
      for (const key of decl.rankBy?.items ?? []) {
        keys.push({ uri: file.uri, range: key.range, text: key.text });
      }
    }
  }
  return keys;
}

function samePlace(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character;
}

function invalid(message: string): ResponseError<void> {
  // -32602: invalid params, which editors show to the user as the reason.
  return new ResponseError(-32602, message);
}
