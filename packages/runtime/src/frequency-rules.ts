/**
 * The rules an indicator needs to be scored in a cycle of a given length: one measured more
 * often than the cycle needs an aggregation, one measured less often a rule for the cycles
 * between its measurements. kpic reports both as errors when the framework declares its
 * cycle; the runtime checks them again when loading, and at scoring time when the cycle comes
 * from the scored period alone.
 */
import type { RuleSet } from '@kpilang/rule-set';
import { KIND_NOUN, kindRank, type PeriodKind } from './period.js';
import type { RuleSetIssue } from './load-rule-set.js';

/** The problems that keep the weighted indicators of `ruleSet` from being scored per `cycle`. */
export function frequencyIssues(ruleSet: RuleSet, cycle: PeriodKind): RuleSetIssue[] {
  const weighted = new Set<string>();
  for (const position of ruleSet.positions) {
    for (const item of position.indicators) weighted.add(item.indicator);
  }
  for (const context of ruleSet.contexts) {
    for (const position of context.positions) {
      for (const item of position.indicators) weighted.add(item.indicator);
    }
  }

  const issues: RuleSetIssue[] = [];
  for (const [index, indicator] of ruleSet.indicators.entries()) {
    if (!weighted.has(indicator.id) || indicator.frequency === undefined) continue;
    const frequency = indicator.frequency;
    const path = `indicators[${index}]`;
    if (kindRank(frequency) < kindRank(cycle) && indicator.aggregation === undefined) {
      issues.push({
        path: `${path}.aggregation`,
        message:
          `Indicator "${indicator.id}" is measured every ${KIND_NOUN[frequency]}, more often ` +
          `than the ${KIND_NOUN[cycle]} it is rated for, and says no aggregation.`,
      });
    }
    if (kindRank(frequency) > kindRank(cycle) && indicator.between === undefined) {
      issues.push({
        path: `${path}.between`,
        message:
          `Indicator "${indicator.id}" is measured every ${KIND_NOUN[frequency]}, less often ` +
          `than the ${KIND_NOUN[cycle]} it is rated for, and says nothing for the cycles ` +
          'between its measurements.',
      });
    }
  }
  return issues;
}
