/**
 * Loads a compiled rule set for scoring: validates it with the @kpilang/rule-set schema, then
 * checks what scoring relies on and the schema cannot say (every id a position names exists,
 * weights sum to 100, the cycle's aggregation rules are there), and indexes it by id.
 */
import {
  RULE_SET_FORMAT,
  safeParseRuleSet,
  type Condition,
  type Context,
  type Indicator,
  type Level,
  type Position,
  type RatingLine,
  type RuleSet,
} from '@kpilang/rule-set';
import { frequencyIssues } from './frequency-rules.js';
import { ratingRuleIssues } from './rating-rule-issues.js';
import { Rational, sumRationals } from './rational.js';
import type { PeriodKind } from './period.js';

/** One problem with a rule set: where it is (`positions[2].indicators[0].weight`) and what. */
export interface RuleSetIssue {
  path: string;
  message: string;
}

/** Thrown by `loadRuleSet` for a rule set that cannot be scored; `issues` lists every problem. */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';

  constructor(readonly issues: readonly RuleSetIssue[]) {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(
      first === undefined
        ? 'Not a valid rule set.'
        : `Not a valid rule set: ${first.path === '' ? '' : `${first.path}: `}${first.message}${more}`,
    );
  }
}

/** A validated rule set with typed access by id. Made by `loadRuleSet`. */
export interface LoadedRuleSet {
  /** The rule set as validated, keys in schema order. */
  readonly ruleSet: RuleSet;
  /** The framework's rating cycle, when it declares one. */
  readonly cycle: PeriodKind | undefined;
  indicator(id: string): Indicator | undefined;
  level(id: string): Level | undefined;
  context(id: string): Context | undefined;
  /** A position as it stands in `context` (its base rules when `context` is undefined). */
  position(id: string, context?: string): Position | undefined;
  /** A line of the overall rating. */
  ratingLine(id: string): RatingLine | undefined;
  /** A declared fact, by the id the data's measure column gives it. */
  condition(id: string): Condition | undefined;
}

/**
 * Validates a rule set and indexes it. `json` is the JSON text or the value it parses to.
 * Throws a `RuleSetError` listing every problem (text that is not JSON, a schema violation
 * with its path, an unknown id, weights that do not sum to 100, a missing aggregation rule)
 * and otherwise returns the rule set ready for `score`. It never returns a rule set that
 * scoring would have to guess about.
 */
export function loadRuleSet(json: unknown): LoadedRuleSet {
  const value = typeof json === 'string' ? parseJson(json) : json;
  const formatIssue = checkFormat(value);
  if (formatIssue !== undefined) throw new RuleSetError([formatIssue]);

  const parsed = safeParseRuleSet(value);
  if (!parsed.success) {
    throw new RuleSetError(
      parsed.error.issues.map((issue) => ({
        path: writePath(issue.path),
        message: issue.message,
      })),
    );
  }

  const ruleSet = parsed.data;
  const issues = [...integrityIssues(ruleSet)];
  if (ruleSet.framework.cycle !== undefined) {
    issues.push(...frequencyIssues(ruleSet, ruleSet.framework.cycle));
  }
  if (issues.length > 0) throw new RuleSetError(issues);
  return indexRuleSet(ruleSet);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new RuleSetError([
      { path: '', message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
}

/** A clear word for a rule set of another format version, before zod's generic one. */
function checkFormat(value: unknown): RuleSetIssue | undefined {
  if (typeof value !== 'object' || value === null || !('format' in value)) return undefined;
  const format = value.format;
  if (format === RULE_SET_FORMAT || typeof format !== 'string') return undefined;
  return {
    path: 'format',
    message:
      `This runtime reads rule sets of format "${RULE_SET_FORMAT}", not "${format}"; ` +
      'build the framework again with a kpic of the same version.',
  };
}

function* integrityIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const levels = new Set(ruleSet.levels.map((level) => level.id));
  const indicators = new Set(ruleSet.indicators.map((indicator) => indicator.id));
  const proportional = new Set(
    ruleSet.indicators.flatMap((indicator) =>
      indicator.scoring === 'proportional' ? [indicator.id] : [],
    ),
  );
  yield* duplicateIssues('levels', ruleSet.levels);
  yield* duplicateIssues('rating', ruleSet.rating);
  yield* duplicateIssues('parts', ruleSet.parts);
  yield* duplicateIssues('conditions', ruleSet.conditions);
  yield* duplicateIssues('quotas', ruleSet.quotas);
  yield* duplicateIssues('indicators', ruleSet.indicators);
  yield* duplicateIssues('groups', ruleSet.groups);
  yield* duplicateIssues('positions', ruleSet.positions);
  yield* duplicateIssues('contexts', ruleSet.contexts);

  for (const [index, indicator] of ruleSet.indicators.entries()) {
    const measurement = indicator.measurement;
    if (measurement?.kind === 'survey' && measurement.measures.length !== 1) {
      // Its answers are the rows of its one measure; the rows of a second would be accepted
      // and then used by nothing.
      yield {
        path: `indicators[${index}].measurement.measures`,
        message:
          `The survey of indicator "${indicator.id}" names ` +
          `${measurement.measures.length} measures; a survey has exactly one.`,
      };
    }
    for (const [bandIndex, band] of indicator.bands.entries()) {
      if (!levels.has(band.level)) {
        yield unknownLevel(`indicators[${index}].bands[${bandIndex}].level`, band.level);
      }
    }
  }

  const basePositions = new Set(ruleSet.positions.map((position) => position.id));
  for (const [index, position] of ruleSet.positions.entries()) {
    yield* positionIssues(`positions[${index}]`, position, { indicators, levels, proportional });
  }
  for (const [index, context] of ruleSet.contexts.entries()) {
    yield* duplicateIssues(`contexts[${index}].positions`, context.positions);
    for (const [positionIndex, position] of context.positions.entries()) {
      const path = `contexts[${index}].positions[${positionIndex}]`;
      if (!basePositions.has(position.id)) {
        yield { path: `${path}.id`, message: `Position "${position.id}" is not in "positions".` };
      }
      yield* positionIssues(path, position, { indicators, levels, proportional });
    }
  }
  yield* ratingRuleIssues(ruleSet);
}

/** The ids a position's entries are checked against. */
interface KnownIds {
  indicators: ReadonlySet<string>;
  levels: ReadonlySet<string>;
  /** The indicators that earn points in proportion, which have no bands. */
  proportional: ReadonlySet<string>;
}

function* positionIssues(
  path: string,
  position: Position,
  { indicators, levels, proportional }: KnownIds,
): Generator<RuleSetIssue> {
  const seen = new Set<string>();
  for (const [index, weighted] of position.indicators.entries()) {
    const at = `${path}.indicators[${index}]`;
    if (!indicators.has(weighted.indicator)) {
      yield {
        path: `${at}.indicator`,
        message: `Indicator "${weighted.indicator}" is not in "indicators".`,
      };
    }
    if (seen.has(weighted.indicator)) {
      yield {
        path: `${at}.indicator`,
        message: `Indicator "${weighted.indicator}" is listed twice.`,
      };
    }
    seen.add(weighted.indicator);
    const weight = Rational.parseDecimal(weighted.weight);
    if (
      weight !== undefined &&
      (weight.compare(Rational.ZERO) <= 0 || weight.compare(Rational.HUNDRED) > 0)
    ) {
      // Weights that sum to 100 may still hold a negative one, which would take points away
      // for good work.
      yield {
        path: `${at}.weight`,
        message:
          `Indicator "${weighted.indicator}" weighs ${weighted.weight}%; a weight is ` +
          `above 0% and at most 100%.`,
      };
    }
    if (weighted.bands.length === 0 && !proportional.has(weighted.indicator)) {
      yield {
        path: `${at}.bands`,
        message: `Indicator "${weighted.indicator}" has no bands to rate it with.`,
      };
    }
    for (const [bandIndex, band] of weighted.bands.entries()) {
      if (!levels.has(band.level))
        yield unknownLevel(`${at}.bands[${bandIndex}].level`, band.level);
    }
  }

  const weights = position.indicators.map(
    (weighted) => Rational.parseDecimal(weighted.weight) ?? Rational.ZERO,
  );
  const sum = sumRationals(weights);
  if (!sum.equals(Rational.HUNDRED)) {
    yield {
      path: `${path}.indicators`,
      message: `The weights of position "${position.id}" sum to ${sum.toExactText()}%, not 100%.`,
    };
  }
  if (!sum.equals(Rational.parseDecimal(position.total) ?? Rational.ZERO)) {
    yield {
      path: `${path}.total`,
      message:
        `The total ${position.total} differs from the sum of the weights, ` +
        `${sum.toExactText()}.`,
    };
  }
}

function* duplicateIssues(path: string, items: readonly { id: string }[]): Generator<RuleSetIssue> {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (seen.has(item.id))
      yield { path: `${path}[${index}].id`, message: `The id "${item.id}" is used twice.` };
    seen.add(item.id);
  }
}

function unknownLevel(path: string, level: string): RuleSetIssue {
  return { path, message: `Level "${level}" is not in "levels".` };
}

function indexRuleSet(ruleSet: RuleSet): LoadedRuleSet {
  const indicators = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));
  const levels = new Map(ruleSet.levels.map((level) => [level.id, level]));
  const contexts = new Map(ruleSet.contexts.map((context) => [context.id, context]));
  const positions = new Map(ruleSet.positions.map((position) => [position.id, position]));
  const lines = new Map(ruleSet.rating.map((line) => [line.id, line]));
  const conditions = new Map(ruleSet.conditions.map((condition) => [condition.id, condition]));
  const contextPositions = new Map(
    ruleSet.contexts.map((context) => [
      context.id,
      new Map(context.positions.map((position) => [position.id, position])),
    ]),
  );

  return {
    ruleSet,
    cycle: ruleSet.framework.cycle,
    indicator: (id) => indicators.get(id),
    level: (id) => levels.get(id),
    context: (id) => contexts.get(id),
    position: (id, context) =>
      context === undefined ? positions.get(id) : contextPositions.get(context)?.get(id),
    ratingLine: (id) => lines.get(id),
    condition: (id) => conditions.get(id),
  };
}

function writePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}
