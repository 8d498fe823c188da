/**
 * Resolves the framework-wide declarations into the model: the header, the rating levels,
 * the overall rating lines, the goals and the scales. Reports misspelt cycle, missing-data
 * and rounding words (KPI102), an effective date that is not in the calendar (KPI012), a
 * rounding count that is not 0 to 6 decimal places (KPI013) and scale points outside their
 * scale (KPI304). Declarations whose required parts are missing after parse
 * recovery are left out of the model, never guessed.
 */
import type * as ast from '../syntax/ast.js';
import { calendarProblem, swappedDate } from '../util/calendar.js';
import { compare, decimalFromInt, isInteger, toText, ZERO, type Decimal } from '../util/decimal.js';
import { conditionInterval, toBilingual } from './convert.js';
import type { Framework, Goal, Level, RatingLine, Scale } from './model.js';
import type { CheckState } from './state.js';
import type { Declared } from './symbols.js';
import {
  DECIMAL_WORDS,
  MISSING_DATA_RULES,
  PERIOD_ADVERBS,
  readWord,
  ROUNDED_THINGS,
} from './words.js';

/** The framework header, or undefined when no file declares one (KPI010 is reported already). */
export function buildFramework(state: CheckState): Framework | undefined {
  const declared = state.symbols.framework;
  if (!declared) return undefined;
  const { decl, uri } = declared;
  const { reporter } = state;

  const framework: Framework = {
    id: decl.id?.text ?? '',
    label: toBilingual(decl.label, decl.id?.text),
    missingData: readWord(reporter, uri, decl.missingData?.value, MISSING_DATA_RULES) ?? 'exclude',
    node: decl,
    uri,
  };
  if (decl.version) framework.version = decl.version.value;
  if (decl.agency) framework.agency = toBilingual(decl.agency);
  if (decl.effective && isCalendarDate(state, uri, decl.effective)) {
    framework.effective = decl.effective.text;
  }
  const cycle = readWord(reporter, uri, decl.cycle?.value, PERIOD_ADVERBS);
  if (cycle) framework.cycle = cycle;
  const rounding = readRounding(state, uri, decl.rounding);
  if (rounding) framework.rounding = rounding;
  return framework;
}

/** The most decimal places a `round` clause may ask for. */
const MAX_DECIMAL_PLACES = 6;

/**
 * The header's `round` clauses as decimal places by what they round, or undefined when none
 * is complete and valid. A misspelt word is KPI102 and a count that is not a whole number from
 * 0 to 6 (or has a unit, as `2%`) is KPI013; such a clause is left out of the model.
 */
function readRounding(
  state: CheckState,
  uri: string,
  clauses: readonly ast.RoundingClause[],
): Framework['rounding'] {
  const { reporter } = state;
  const rounding: NonNullable<Framework['rounding']> = {};
  for (const clause of clauses) {
    const rounded = readWord(reporter, uri, clause.target, ROUNDED_THINGS);
    readWord(reporter, uri, clause.unit, DECIMAL_WORDS);
    const places = clause.places && decimalPlaces(state, uri, clause.places);
    if (rounded && places !== undefined) rounding[rounded] = places;
  }
  return Object.keys(rounding).length > 0 ? rounding : undefined;
}

/** The count of a `round` clause as a number, or undefined after reporting KPI013. */
function decimalPlaces(state: CheckState, uri: string, count: ast.NumberLit): number | undefined {
  const whole =
    count.suffix === undefined &&
    isInteger(count.value) &&
    compare(count.value, ZERO) >= 0 &&
    compare(count.value, decimalFromInt(MAX_DECIMAL_PLACES)) <= 0;
  if (whole) return Number(toText(count.value));
  state.reporter.report('KPI013', { uri, range: count.range }, [count.text]);
  return undefined;
}

/**
 * True when the date is a real day. Otherwise KPI012, with a fix when exchanging month and
 * day makes it real; the date is then left out of the model, so that the rule set never
 * carries a day that does not exist.
 */
function isCalendarDate(state: CheckState, uri: string, date: ast.DateLit): boolean {
  const problem = calendarProblem(date.text);
  if (!problem) return true;

  const suggestion = swappedDate(date.text);
  const fixes = suggestion
    ? [{ title: `Write ${suggestion}`, edits: [{ uri, range: date.range, newText: suggestion }] }]
    : [];
  state.reporter.report('KPI012', { uri, range: date.range }, [date.text, problem, suggestion], {
    fixes,
    ...(suggestion ? { data: { suggestion } } : {}),
  });
  return false;
}

/** The levels that have an id and points. */
export function buildLevels(state: CheckState): Level[] {
  const levels: Level[] = [];
  for (const { decl, uri } of state.symbols.levels.values()) {
    if (!decl.id || !decl.points) continue;
    levels.push({
      id: decl.id.text,
      label: toBilingual(decl.label, decl.id.text),
      points: decl.points.value,
      node: decl,
      uri,
    });
  }
  return levels;
}

/** The rating lines that have an id and a complete condition. */
export function buildRatingLines(state: CheckState): RatingLine[] {
  const lines: RatingLine[] = [];
  for (const { decl, uri } of state.symbols.ratingLines.values()) {
    const interval = conditionInterval(decl.condition);
    if (!decl.id || !interval) continue;
    lines.push({
      id: decl.id.text,
      label: toBilingual(decl.label, decl.id.text),
      interval,
      node: decl,
      uri,
    });
  }
  return lines;
}

export function buildGoals(state: CheckState): Goal[] {
  const goals: Goal[] = [];
  for (const { decl, uri } of state.symbols.goals.values()) {
    if (!decl.id) continue;
    const goal: Goal = {
      id: decl.id.text,
      label: toBilingual(decl.label, decl.id.text),
      node: decl,
      uri,
    };
    if (decl.perspective) goal.perspective = decl.perspective.text;
    goals.push(goal);
  }
  return goals;
}

/** The scales with both ends; labelled points outside the ends are reported (KPI304). */
export function buildScales(state: CheckState): Scale[] {
  const scales: Scale[] = [];
  for (const declared of state.symbols.scales.values()) {
    state.reporter.guard('scales', { uri: declared.uri, range: declared.decl.range }, () => {
      const scale = buildScale(state, declared);
      if (scale) scales.push(scale);
    });
  }
  return scales;
}

function buildScale(state: CheckState, { decl, uri }: Declared<ast.ScaleDecl>): Scale | undefined {
  if (!decl.id || !decl.low || !decl.high) return undefined;
  const [low, high] = ordered(decl.low.value, decl.high.value);
  const scale: Scale = {
    id: decl.id.text,
    label: toBilingual(decl.label, decl.id.text),
    low,
    high,
    points: [],
    node: decl,
    uri,
  };

  for (const point of decl.points) {
    if (!point.value) continue;
    if (compare(point.value.value, low) < 0 || compare(point.value.value, high) > 0) {
      const range = `the scale ${scale.id} (${decl.low.text} to ${decl.high.text})`;
      state.reporter.report('KPI304', { uri, range: point.value.range }, [point.value.text, range]);
      continue;
    }
    scale.points.push({ value: point.value.value, label: toBilingual(point.label) });
  }
  return scale;
}

function ordered(a: Decimal, b: Decimal): [Decimal, Decimal] {
  return compare(a, b) <= 0 ? [a, b] : [b, a];
}
