/**
 * What every step of scoring one cycle shares: the rule set, the cycle, the scored period, the
 * levels by id and the rounding the framework declares.
 */
import type { Level, RuleSet } from '@kpilang/rule-set';
import type { PeriodKind } from './period.js';

export interface ScoringContext {
  ruleSet: RuleSet;
  cycle: PeriodKind;
  /** The scored period's text. */
  scored: string;
  levelOf: (id: string) => Level;
  /** Decimal places of rated values and of totals; undefined where nothing is rounded. */
  rounding: { values: number | undefined; total: number | undefined };
}

/** The rounding a rule set declares (`framework.rounding`), as counts of decimal places. */
export function roundingOf(ruleSet: RuleSet): ScoringContext['rounding'] {
  const rounding = ruleSet.framework.rounding;
  return {
    values: rounding?.values === undefined ? undefined : Number(rounding.values),
    total: rounding?.total === undefined ? undefined : Number(rounding.total),
  };
}
