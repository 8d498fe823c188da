/**
 * Go to definition, find references and rename, across the files of one framework. A name
 * is matched by what it stands for (kind and id), so an indicator and a level of the same
 * spelling never meet. Rename refuses a new name that is not a valid id, is a keyword, or is
 * already taken by another name of the same kind (or, for a scale, by a built-in unit); a
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

function invalid(message: string): ResponseError<void> {
  // -32602: invalid params, which editors show to the user as the reason.
  return new ResponseError(-32602, message);
}
