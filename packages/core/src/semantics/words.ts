/**
 * The enumerated words of the language (kind, direction, frequency, aggregation ...) and
 * their reading. The grammar takes them as plain identifiers so that a misspelling reaches
 * the checker, which reports KPI102 with a "did you mean" and a fix that replaces the word.
 */
import type { Name } from '../syntax/ast.js';
import type {
  Aggregation,
  BetweenRule,
  Direction,
  IndicatorKind,
  MissingDataRule,
  Period,
} from './model.js';
import type { Reporter } from './report.js';
import { suggest } from './suggest.js';

/** A closed set of words and the value each one stands for. */
export interface Vocabulary<T> {
  /** What a word of this set is, for messages: "kind of indicator". */
  what: string;
  words: ReadonlyMap<string, T>;
}

function vocabulary<T>(what: string, entries: [string, T][]): Vocabulary<T> {
  return { what, words: new Map(entries) };
}

export const KINDS = vocabulary<IndicatorKind>('kind of indicator', [
  ['input', 'input'],
  ['process', 'process'],
  ['output', 'output'],
  ['outcome', 'outcome'],
]);

export const DIRECTIONS = vocabulary<Direction>('direction', [
  ['higher', 'higher'],
  ['lower', 'lower'],
]);

/** Frequencies and cycles: the noun and the adverb both name a period. */
export const PERIODS = vocabulary<Period>('period', [
  ['week', 'week'],
  ['month', 'month'],
  ['quarter', 'quarter'],
  ['half', 'half-year'],
  ['year', 'year'],
  ['weekly', 'week'],
  ['monthly', 'month'],
  ['quarterly', 'quarter'],
  ['semiannual', 'half-year'],
  ['annual', 'year'],
  ['yearly', 'year'],
]);

export const AGGREGATIONS = vocabulary<Aggregation>('way to combine periods', [
  ['mean', 'mean'],
  ['sum', 'sum'],
  ['min', 'min'],
  ['max', 'max'],
  ['last', 'last'],
  ['every', 'every'],
]);

export const BETWEEN_RULES = vocabulary<BetweenRule>('rule between measurements', [
  ['carry', 'carry'],
  ['missing', 'missing'],
]);

export const MISSING_DATA_RULES = vocabulary<MissingDataRule>('missing-data rule', [
  ['exclude', 'exclude'],
  ['lowest', 'lowest'],
  ['unrated', 'unrated'],
]);

/** The functions a measurement formula may call. */
export const FUNCTIONS = vocabulary<'min' | 'max' | 'mean'>('function of a formula', [
  ['min', 'min'],
  ['max', 'max'],
  ['mean', 'mean'],
]);

/**
 * The value of `name` in `vocabulary`, or undefined (after reporting KPI102 with the closest
 * word and a fix) when the word is not in it. A missing name yields undefined silently: the
 * parser has already reported it.
 */
export function readWord<T>(
  reporter: Reporter,
  uri: string,
  name: Name | undefined,
  vocab: Vocabulary<T>,
  extraWords: Iterable<string> = [],
): T | undefined {
  if (!name) return undefined;
  const value = vocab.words.get(name.text);
  if (value !== undefined) return value;

  reportUnknownWord(reporter, uri, name, vocab.what, [...vocab.words.keys(), ...extraWords]);
  return undefined;
}

/** Reports KPI102 for `name`, suggesting the closest of `allowed`. */
export function reportUnknownWord(
  reporter: Reporter,
  uri: string,
  name: Name,
  what: string,
  allowed: string[],
): void {
  const suggestion = suggest(name.text, allowed);
  const fixes = suggestion
    ? [
        {
          title: `Replace '${name.text}' with '${suggestion}'`,
          edits: [{ uri, range: name.range, newText: suggestion }],
        },
      ]
    : [];
  reporter.report(
    'KPI102',
    { uri, range: name.range },
    [what, name.text, allowed.join(', '), suggestion],
    {
      fixes,
      data: suggestion ? { suggestion } : {},
    },
  );
}
