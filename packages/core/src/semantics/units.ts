/**
 * Units: the built-in ones (percent, count, number, hours, days, likert5), the declared
 * scales, and rates (`count per month`). Resolves an indicator's `unit` clause (KPI102 for
 * an unknown name, KPI502 for a quoted unit such as "Hours/Days") and says which number
 * suffixes a unit accepts (KPI501 is reported by the value checks).
 */
import type * as ast from '../syntax/ast.js';
import { decimalFromInt, HUNDRED, ZERO } from '../util/decimal.js';
import type { Scale, UnitInfo } from './model.js';
import type { Reporter } from './report.js';
import { PERIOD_NOUNS, readWord, reportUnknownWord } from './words.js';

/** The units every framework has, before its own scales. */
export const BUILTIN_UNITS: ReadonlyMap<string, UnitInfo> = new Map([
  ['percent', { name: 'percent', low: ZERO, high: HUNDRED, integer: false }],
  ['count', { name: 'count', low: ZERO, integer: true }],
  ['number', { name: 'number', integer: false }],
  ['hours', { name: 'hours', low: ZERO, integer: false }],
  ['days', { name: 'days', low: ZERO, integer: false }],
  [
    'likert5',
    {
      name: 'likert5',
      low: decimalFromInt(1),
      high: decimalFromInt(5),
      integer: true,
      scale: 'likert5',
    },
  ],
]);

/** The unit a scale declares: whole-number answers from its low to its high end. */
export function scaleUnit(scale: Scale): UnitInfo {
  return { name: scale.id, low: scale.low, high: scale.high, integer: true, scale: scale.id };
}

/**
 * The unit of an indicator, or undefined when it is missing, misspelt or quoted (each
 * reported here, except a missing one, which the SMART checks report). A rate is never
 * negative; its unit says its values may fall between whole numbers, since whether they do
 * depends on the period they cover, which the domain works out (see `rates.ts`).
 */
export function resolveUnit(
  reporter: Reporter,
  uri: string,
  clause: ast.UnitClause | undefined,
  scales: ReadonlyMap<string, Scale>,
): UnitInfo | undefined {
  if (!clause) return undefined;
  if (clause.quoted) {
    reportQuotedUnit(reporter, uri, clause.quoted);
    return undefined;
  }
  if (!clause.name) return undefined;

  const declared = scales.get(clause.name.text);
  const unit = declared ? scaleUnit(declared) : BUILTIN_UNITS.get(clause.name.text);
  if (!unit) {
    const known = [...BUILTIN_UNITS.keys(), ...scales.keys()];
    reportUnknownWord(reporter, uri, clause.name, 'unit', known);
    return undefined;
  }
  if (!clause.per) return unit;

  const per = readWord(reporter, uri, clause.per, PERIOD_NOUNS);
  if (!per) return undefined;
  return {
    name: unit.name,
    per,
    low: ZERO,
    integer: false,
    ...(unit.scale ? { scale: unit.scale } : {}),
  };
}

/** The suffix a unit's values may carry besides none: `%` for percent, `h` for hours ... */
export function allowedSuffix(unit: UnitInfo): ast.NumberSuffix | undefined {
  if (unit.per) return undefined;
  if (unit.name === 'percent') return '%';
  if (unit.name === 'hours') return 'h';
  if (unit.name === 'days') return 'd';
  return undefined;
}

/** True for units whose values are points on a rating scale (Likert and declared scales). */
export function isScaleUnit(unit: UnitInfo): boolean {
  return unit.scale !== undefined && !unit.per;
}

/**
 * KPI502: a unit written as text, as the paper's tables do ("Hours/Days"). When the text
 * names exactly one unit, the fix writes that unit's name instead.
 */
function reportQuotedUnit(reporter: Reporter, uri: string, quoted: ast.Text): void {
  const choices = unitsNamedIn(quoted.value);
  const only = choices.length === 1 ? choices[0] : undefined;
  const fixes = only
    ? [{ title: `Write 'unit ${only}'`, edits: [{ uri, range: quoted.range, newText: only }] }]
    : [];
  reporter.report('KPI502', { uri, range: quoted.range }, [quoted.value, choices], {
    fixes,
    data: { choices },
  });
}

/** The units a quoted text mentions, in the order of the built-in table. */
function unitsNamedIn(text: string): string[] {
  const lower = text.toLowerCase();
  const words = new Set(lower.split(/[^\p{L}\p{N}%]+/u).filter(Boolean));
  const mentions: [string, boolean][] = [
    ['percent', lower.includes('%') || words.has('percent') || words.has('percentage')],
    ['count', words.has('count') || words.has('number')],
    ['hours', words.has('hours') || words.has('hour') || words.has('giờ')],
    ['days', words.has('days') || words.has('day') || words.has('ngày')],
    ['likert5', words.has('likert')],
  ];
  return mentions.filter(([, mentioned]) => mentioned).map(([unit]) => unit);
}
