/**
 * Scores one rating cycle: checks the data rows against the rule set, then rates people in
 * three steps: (1) each person's indicators, total and the rating line of the total; (2) the
 * conditions, the first of which that holds sets the rating; (3) the quotas across people,
 * once everyone is scored. The entry point of the runtime.
 */
import type { DataRow, Rejection, RowsRead } from './data-row.js';
import { checkRows, type PersonRows } from './check-rows.js';
import { applyConditions } from './conditions.js';
import { frequencyIssues } from './frequency-rules.js';
import type { LoadedRuleSet, RuleSetIssue } from './load-rule-set.js';
import { KIND_NOUN, PERIOD_FORMS, parsePeriod, periodEnd, type CalendarPeriod } from './period.js';
import { positionGroup } from './position-setup.js';
import { applyQuotas } from './quotas.js';
import type { PersonResult, ScoreResult } from './results.js';
import { scorePerson } from './score-person.js';
import { roundingOf, type ScoringContext } from './scoring-context.js';

export interface ScoreOptions {
  /** The cycle to score, written like a data period: `2024-Q1` in a quarterly framework. */
  period: string;
}

/**
 * Thrown by `score` when it cannot score at all: a period that is not a period, or not a
 * cycle of the framework, or one that ends before the framework's effective date, or a rule
 * set that lacks an aggregation rule for the cycle the period implies (`issues` then lists
 * them).
 */
export class ScoreError extends Error {
  override readonly name = 'ScoreError';

  constructor(
    message: string,
    readonly issues: readonly RuleSetIssue[] = [],
  ) {
    super(message);
  }
}

/**
 * Scores the cycle `options.period`. `rows` are data rows, or what a reader returned, whose
 * rejections then come first in the result's `rejected`. Every row ends up either used by
 * some person's result or rejected with a reason; the people are listed in the order they
 * first appear. Throws a `ScoreError` only for a bad period or rule set, never for bad rows.
 */
export function score(
  rules: LoadedRuleSet,
  rows: readonly DataRow[] | RowsRead,
  options: ScoreOptions,
): ScoreResult {
  const scoring = scorePeople(rules, rows, options);
  return { ...scoring, people: [...scoring.people] };
}

/** What `scorePeople` gives: a `ScoreResult` whose people are computed one by one. */
export interface ScoreStream extends Omit<ScoreResult, 'people'> {
  /**
   * Each person's result, computed as it is reached, in the order people first appear. It
   * can be iterated once; a person's rows are let go once their result is made, so a caller
   * that writes each result out and drops it keeps memory to the rows alone. With quotas,
   * no result is final before everyone is scored: the first person reached scores them all
   * and holds every result until it is reached.
   */
  people: IterableIterator<PersonResult>;
}

/**
 * `score` for many people: checks every row first (so `rejected` and `counts` are complete
 * at once), then computes each person's result only when `people` reaches it (all of them at
 * the first, when the rule set has quotas). The results are the same as `score` gives.
 */
export function scorePeople(
  rules: LoadedRuleSet,
  rows: readonly DataRow[] | RowsRead,
  options: ScoreOptions,
): ScoreStream {
  const scored = scoredPeriod(rules, options);
  const cycle = rules.cycle ?? scored.kind;
  const dataRows = 'rows' in rows ? rows.rows : rows;
  const readRejections: readonly Rejection[] = 'rows' in rows ? rows.rejected : [];
  const checked = checkRows(rules, dataRows, scored, cycle);
  const levels = new Map(rules.ruleSet.levels.map((level) => [level.id, level]));
  const levelOf = (id: string) => {
    const level = levels.get(id);
    if (level === undefined) throw new Error(`Unknown level "${id}".`);
    return level;
  };

  const context: ScoringContext = {
    ruleSet: rules.ruleSet,
    cycle,
    scored: scored.text,
    levelOf,
    rounding: roundingOf(rules.ruleSet),
  };
  const rejected = [...readRejections, ...checked.rejected].sort((a, b) => a.row - b.row);
  const scoreOne = (person: PersonRows): PersonResult => {
    const result = scorePerson(person, context);
    applyConditions(result, person, rules);
    return result;
  };
  const people =
    rules.ruleSet.quotas.length === 0
      ? eachPerson(checked.people, scoreOne)
      : everyoneFirst(checked.people, scoreOne, (results) =>
          applyQuotas(results, rules.ruleSet, (result) =>
            positionGroup(rules, result.position, result.context ?? undefined),
          ),
        );
  return {
    period: scored.text,
    cycle,
    people,
    rejected,
    counts: {
      rows: dataRows.length + readRejections.length,
      used: checked.used,
      rejected: rejected.length,
    },
  };
}

/** The period to score, checked against the framework's cycle and rules. */
function scoredPeriod(rules: LoadedRuleSet, options: ScoreOptions): CalendarPeriod {
  const scored = parsePeriod(options.period.trim());
  if (scored === undefined) {
    throw new ScoreError(`The period to score must be written ${PERIOD_FORMS}.`);
  }
  const cycle = rules.cycle ?? scored.kind;
  if (scored.kind !== cycle) {
    throw new ScoreError(
      `The framework rates every ${KIND_NOUN[cycle]}, so the period to score must be a ` +
        `${KIND_NOUN[cycle]} (such as ${EXAMPLE[cycle]}), not ${scored.text}.`,
    );
  }
  const effective = rules.ruleSet.framework.effective;
  const end = periodEnd(scored);
  if (effective !== undefined && end < effective) {
    throw new ScoreError(
      `The framework applies from ${effective}, and ${scored.text} ends before it, on ${end}.`,
    );
  }
  if (rules.cycle === undefined) {
    const issues = frequencyIssues(rules.ruleSet, cycle);
    if (issues.length > 0) {
      throw new ScoreError(
        `The framework declares no cycle, and scoring every ${KIND_NOUN[cycle]} leaves ` +
          `${issues.length} indicator rule${issues.length === 1 ? '' : 's'} missing.`,
        issues,
      );
    }
  }
  return scored;
}

function* eachPerson(
  people: Map<string, PersonRows>,
  scoreOne: (person: PersonRows) => PersonResult,
): IterableIterator<PersonResult> {
  for (const [id, person] of people) {
    people.delete(id);
    yield scoreOne(person);
  }
}

/**
 * Every result made before the first is given, for quotas, which need the whole population;
 * each is let go once given.
 */
function* everyoneFirst(
  people: Map<string, PersonRows>,
  scoreOne: (person: PersonRows) => PersonResult,
  acrossPeople: (results: readonly PersonResult[]) => void,
): IterableIterator<PersonResult> {
  const results: (PersonResult | undefined)[] = [...eachPerson(people, scoreOne)];
  acrossPeople(results as PersonResult[]);
  for (const [index, result] of results.entries()) {
    results[index] = undefined;
    if (result !== undefined) yield result;
  }
}

const EXAMPLE = {
  week: '2024-W05',
  month: '2024-03',
  quarter: '2024-Q1',
  'half-year': '2024-H1',
  year: '2024',
} as const;
