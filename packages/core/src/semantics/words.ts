/**
 * The enumerated words of the language (kind, direction, frequency, aggregation ...) and
 * their reading. The grammar takes them as plain identifiers so that a misspelling reaches
 * the checker, which reports KPI102 with a "did you mean" and a fix that replaces the word.
 * Periods are read in both forms after every keyword, but offered in the one that reads well
 * after it: `every quarter`, `count per month`, `cycle quarterly`.
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
  /**
   * The words a message offers, when only some of the accepted ones fit the keyword before
   * them (`every quarter` but `cycle quarterly`); all words when absent.
   */
  shown?: readonly string[];
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

/** Frequencies and cycles: the noun and the adverb both name a period, after any keyword. */
const PERIOD_WORDS = vocabulary<Period>('period', [
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

/** Periods after `every` and `per`, which read as nouns: `every quarter`, `count per month`. */
export const PERIOD_NOUNS: Vocabulary<Period> = {
  ...PERIOD_WORDS,
  shown: ['week', 'month', 'quarter', 'half', 'year'],
};

/** Periods after `cycle`, which reads with an adverb: `cycle quarterly`. */
export const PERIOD_ADVERBS: Vocabulary<Period> = {
  ...PERIOD_WORDS,
  shown: ['weekly', 'monthly', 'quarterly', 'semiannual', 'annual'],
};

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

/** The word after a kpi's `points`: the only way besides bands to earn points. */
export const SCORINGS = vocabulary<'proportional'>('way to score points', [
  ['proportional', 'proportional'],
]);

/** The sets of people a quota holds in, after `within`. */
export const QUOTA_SETS = vocabulary<'unit' | 'group'>('set of people for a quota', [
  ['unit', 'unit'],
  ['group', 'group'],
]);

/** What a `round` clause of the header rounds: `round values`, `round total`. */
export const ROUNDED_THINGS = vocabulary<'values' | 'total'>('thing a framework rounds', [
  ['values', 'values'],
  ['total', 'total'],
]);

/**
 * The word after the count of a `round` clause. Both forms are read with any count
 * (`to 2 decimal` is not an error): the count says how many, the word only reads well.
 */
export const DECIMAL_WORDS = vocabulary<'decimals'>('word for decimal places', [
  ['decimal', 'decimals'],
  ['decimals', 'decimals'],
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

  const shown = [...(vocab.shown ?? vocab.words.keys()), ...extraWords];
  const suggestion = suggest(name.text, shown) ?? shownForm(vocab, name.text);
  reportUnknownWord(reporter, uri, name, vocab.what, shown, suggestion);
  return undefined;
}

/**
 * When no word the message shows is close to `written` but another accepted word is (`anual`
 * after `every`), the shown word with the same meaning (`year`), so that the suggestion and
 * its fix use the form that fits the keyword.
 */
function shownForm<T>(vocab: Vocabulary<T>, written: string): string | undefined {
  if (!vocab.shown) return undefined;
  const close = suggest(written, vocab.words.keys());
  const meaning = close === undefined ? undefined : vocab.words.get(close);
  return vocab.shown.find((word) => meaning !== undefined && vocab.words.get(word) === meaning);
}

/** Reports KPI102 for `name`, suggesting `suggestion` (by default the closest of `allowed`). */
export function reportUnknownWord(
  reporter: Reporter,
  uri: string,
  name: Name,
  what: string,
  allowed: string[],
  suggestion = suggest(name.text, allowed),
): void {
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
