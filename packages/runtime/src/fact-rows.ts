/**
 * Rows that give a declared fact: their measure is a condition id and their value `1` (the
 * fact holds for the person in the cycle) or `0` (it does not). A fact row is used only for a
 * person the condition applies to, and only within the scored cycle; `check-rows` calls these
 * checks where a measured figure gets its own.
 */
import type { Condition } from '@kpilang/rule-set';
import type { Problem } from './check-rows.js';
import { periodWithin, type CalendarPeriod } from './period.js';
import type { PositionSetup } from './position-setup.js';
import { Rational } from './rational.js';

/** The value of a fact row, 1 or 0, or why it is neither. */
export function factValue(
  condition: Condition,
  text: string,
): { problem: Problem } | { value: Rational } {
  const trimmed = text.trim();
  if (trimmed === '1') return { value: Rational.ONE };
  if (trimmed === '0') return { value: Rational.ZERO };
  return {
    problem: {
      code: 'bad-fact-value',
      column: 'value',
      reason:
        `A row for the fact "${condition.id}" gives 1 when it holds and 0 when it does not, ` +
        'and nothing else.',
    },
  };
}

/** True when `condition` applies to holders of a position in `group`: it names none, or theirs. */
export function appliesTo(condition: Condition, group: string | undefined): boolean {
  return condition.groups.length === 0 || condition.groups.includes(group ?? '');
}

/** Why a fact row cannot be used for a person of `setup`, if it cannot. */
export function factProblem(
  condition: Condition,
  setup: PositionSetup,
  period: CalendarPeriod,
  scored: CalendarPeriod,
): Problem | undefined {
  if (!appliesTo(condition, setup.group)) {
    const groups = condition.groups.map((group) => `"${group}"`).join(', ');
    const own = setup.group === undefined ? 'is in no group' : `is in group "${setup.group}"`;
    return {
      code: 'fact-not-applicable',
      column: 'measure',
      reason:
        `The fact "${condition.id}" applies to the positions of ${groups}; position ` +
        `"${setup.position.id}" ${own}.`,
    };
  }
  if (!periodWithin(period, scored)) {
    return {
      code: 'outside-period',
      column: 'period',
      reason:
        `The period ${period.text} does not lie within the scored period ${scored.text}; ` +
        `the fact "${condition.id}" is given for the scored period or a part of it.`,
    };
  }
  return undefined;
}
