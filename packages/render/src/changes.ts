/**
 * What a context changes against the base framework, found by comparing the rule set's
 * effective positions: the rule set spells out every position in every context in full, so
 * the overview derives the differences instead of asking the compiler for them.
 */
import type { Band, Interval, RuleSet, WeightedIndicator } from '@kpilang/rule-set';

/** One indicator of one position that a context rates differently. */
export interface IndicatorChange {
  position: string;
  indicator: string;
  /** The weighted indicator in the base framework; absent when the context adds it. */
  base?: WeightedIndicator;
  /** The weighted indicator in the context; absent when the context drops it. */
  context?: WeightedIndicator;
  weightChanged: boolean;
  targetChanged: boolean;
  bandsChanged: boolean;
}

/**
 * Every indicator that `contextId` rates differently from the base framework, position by
 * position in the context's order, then indicator by indicator. Empty for an unknown context.
 */
export function contextChanges(ruleSet: RuleSet, contextId: string): IndicatorChange[] {
  const context = ruleSet.contexts.find((candidate) => candidate.id === contextId);
  if (!context) return [];
  const changes: IndicatorChange[] = [];
  for (const position of context.positions) {
    const basePosition = ruleSet.positions.find((candidate) => candidate.id === position.id);
    const baseIndicators = basePosition?.indicators ?? [];
    const ids = [
      ...position.indicators.map((weighted) => weighted.indicator),
      ...baseIndicators
        .map((weighted) => weighted.indicator)
        .filter((id) => !position.indicators.some((weighted) => weighted.indicator === id)),
    ];
    for (const id of ids) {
      const base = baseIndicators.find((weighted) => weighted.indicator === id);
      const here = position.indicators.find((weighted) => weighted.indicator === id);
      const weightChanged = base?.weight !== here?.weight;
      const targetChanged = !sameInterval(base?.target, here?.target);
      const bandsChanged = !sameBands(base?.bands ?? [], here?.bands ?? []);
      if (!weightChanged && !targetChanged && !bandsChanged && base && here) continue;
      changes.push({
        position: position.id,
        indicator: id,
        ...(base ? { base } : {}),
        ...(here ? { context: here } : {}),
        weightChanged,
        targetChanged,
        bandsChanged,
      });
    }
  }
  return changes;
}

function sameInterval(a: Interval | undefined, b: Interval | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.low === b.low &&
    a.high === b.high &&
    a.lowInclusive === b.lowInclusive &&
    a.highInclusive === b.highInclusive
  );
}

function sameBands(a: readonly Band[], b: readonly Band[]): boolean {
  return (
    a.length === b.length &&
    a.every((band, i) => band.level === b[i]!.level && sameInterval(band.interval, b[i]!.interval))
  );
}
