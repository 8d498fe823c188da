/**
 * The loading checks of what format 3 added: proportional scoring, the parts of the total,
 * conditions and quotas. Like the other checks of `loadRuleSet`, they refuse what kpic never
 * writes and scoring cannot work around: an id that names nothing, a part whose weights do
 * not make its points, a quota that could not be applied.
 */
import type { Position, RuleSet } from '@kpilang/rule-set';
import { decimal } from './band.js';
import type { RuleSetIssue } from './load-rule-set.js';
import { Rational, sumRationals } from './rational.js';

export function* ratingRuleIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  yield* scoringIssues(ruleSet);
  yield* partIssues(ruleSet);
  yield* groupIssues(ruleSet);
  yield* conditionIssues(ruleSet);
  yield* quotaIssues(ruleSet);
}

/** A proportional indicator is a percentage, better higher, without bands anywhere. */
function* scoringIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const proportional = new Set<string>();
  for (const [index, indicator] of ruleSet.indicators.entries()) {
    if (indicator.scoring !== 'proportional') continue;
    proportional.add(indicator.id);
    const path = `indicators[${index}]`;
    const says = `Indicator "${indicator.id}" earns points in proportion`;
    if (indicator.unit?.name !== 'percent') {
      yield { path: `${path}.unit`, message: `${says}, so its unit must be percent.` };
    }
    if (indicator.direction !== 'higher') {
      yield { path: `${path}.direction`, message: `${says}, so its direction must be "higher".` };
    }
    if (indicator.bands.length > 0) {
      yield { path: `${path}.bands`, message: `${says}, so it cannot have bands.` };
    }
  }

  for (const { path, position } of everyPosition(ruleSet)) {
    for (const [index, weighted] of position.indicators.entries()) {
      if (proportional.has(weighted.indicator) && weighted.bands.length > 0) {
        yield {
          path: `${path}.indicators[${index}].bands`,
          message:
            `Indicator "${weighted.indicator}" earns points in proportion, so position ` +
            `"${position.id}" cannot give it bands.`,
        };
      }
    }
  }
}

/**
 * The parts' points add up to 100, every weighted indicator counts toward one, and in every
 * position the weights of a part's indicators add up to its points, so the parts of a total
 * add up to the total.
 */
function* partIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const parts = new Map(ruleSet.parts.map((part) => [part.id, part]));
  const partOf = new Map<string, string | undefined>();
  for (const [index, indicator] of ruleSet.indicators.entries()) {
    partOf.set(indicator.id, indicator.part);
    if (indicator.part !== undefined && !parts.has(indicator.part)) {
      yield unknown(`indicators[${index}].part`, 'Part', indicator.part, 'parts');
    }
  }
  if (ruleSet.parts.length === 0) return;

  const sum = sumRationals(ruleSet.parts.map((part) => decimal(part.points)));
  if (!sum.equals(Rational.HUNDRED)) {
    yield {
      path: 'parts',
      message: `The points of the parts add up to ${sum.toExactText()}, not 100.`,
    };
  }

  for (const { path, position } of everyPosition(ruleSet)) {
    const weights = new Map<string, Rational>();
    for (const [index, weighted] of position.indicators.entries()) {
      const part = partOf.get(weighted.indicator);
      if (part === undefined) {
        if (partOf.has(weighted.indicator)) {
          yield {
            path: `${path}.indicators[${index}].indicator`,
            message:
              `Indicator "${weighted.indicator}" counts toward no part, but the rule set ` +
              'divides the total into parts.',
          };
        }
        continue;
      }
      const weight = decimal(weighted.weight);
      weights.set(part, (weights.get(part) ?? Rational.ZERO).add(weight));
    }
    for (const part of ruleSet.parts) {
      const weight = weights.get(part.id) ?? Rational.ZERO;
      if (!weight.equals(decimal(part.points))) {
        yield {
          path: `${path}.indicators`,
          message:
            `In position "${position.id}" the weights of part "${part.id}" add up to ` +
            `${weight.toExactText()}%, not its ${part.points} points.`,
        };
      }
    }
  }
}

/** Conditions and quotas find people's groups through their positions. */
function* groupIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const groups = new Set(ruleSet.groups.map((group) => group.id));
  for (const { path, position } of everyPosition(ruleSet)) {
    if (position.group !== undefined && !groups.has(position.group)) {
      yield unknown(`${path}.group`, 'Group', position.group, 'groups');
    }
  }
}

/** Each condition names known groups and a rating line, and its id is no measure. */
function* conditionIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const groups = new Set(ruleSet.groups.map((group) => group.id));
  const lines = new Set(ruleSet.rating.map((line) => line.id));
  const measures = new Set(
    ruleSet.indicators.flatMap((indicator) => indicator.measurement?.measures ?? []),
  );
  for (const [index, condition] of ruleSet.conditions.entries()) {
    const path = `conditions[${index}]`;
    if (measures.has(condition.id)) {
      // The data's measure column could not tell the fact from the measured figure.
      yield {
        path: `${path}.id`,
        message: `Condition "${condition.id}" has the name of a measure an indicator reads.`,
      };
    }
    for (const [groupIndex, group] of condition.groups.entries()) {
      if (!groups.has(group))
        yield unknown(`${path}.groups[${groupIndex}]`, 'Group', group, 'groups');
    }
    if (!lines.has(condition.rating)) {
      yield unknown(`${path}.rating`, 'Rating line', condition.rating, 'rating');
    }
  }
}

/** Each quota names rating lines, a share it can apply and rank keys that exist. */
function* quotaIssues(ruleSet: RuleSet): Generator<RuleSetIssue> {
  const lines = new Set(ruleSet.rating.map((line) => line.id));
  const parts = new Set(ruleSet.parts.map((part) => part.id));
  const indicators = new Map(ruleSet.indicators.map((indicator) => [indicator.id, indicator]));
  for (const [index, quota] of ruleSet.quotas.entries()) {
    const path = `quotas[${index}]`;
    for (const field of ['limited', 'of', 'demoteTo'] as const) {
      if (!lines.has(quota[field])) {
        yield unknown(`${path}.${field}`, 'Rating line', quota[field], 'rating');
      }
    }
    const share = decimal(quota.share);
    if (share.compare(Rational.ZERO) <= 0 || share.compare(Rational.HUNDRED) > 0) {
      yield {
        path: `${path}.share`,
        message:
          `Quota "${quota.id}" allows ${quota.share}%; ` + 'a share is above 0% and at most 100%.',
      };
    }
    if (quota.limited === quota.of) {
      yield {
        path: `${path}.of`,
        message: `Quota "${quota.id}" limits "${quota.limited}" to a share of itself.`,
      };
    }
    if (quota.demoteTo === quota.limited) {
      yield {
        path: `${path}.demoteTo`,
        message: `Quota "${quota.id}" moves the people over its limit to the line they are on.`,
      };
    }

    for (const [keyIndex, key] of quota.rankBy.entries()) {
      const at = `${path}.rankBy[${keyIndex}].id`;
      if (key.kind === 'part' && !parts.has(key.id)) yield unknown(at, 'Part', key.id, 'parts');
      if (key.kind !== 'indicator') continue;
      const indicator = indicators.get(key.id);
      if (indicator === undefined) yield unknown(at, 'Indicator', key.id, 'indicators');
      else if (indicator.direction === undefined) {
        yield {
          path: at,
          message: `Indicator "${key.id}" has no direction, so it cannot rank people.`,
        };
      }
    }
  }
}

function* everyPosition(ruleSet: RuleSet): Generator<{ path: string; position: Position }> {
  for (const [index, position] of ruleSet.positions.entries()) {
    yield { path: `positions[${index}]`, position };
  }
  for (const [index, context] of ruleSet.contexts.entries()) {
    for (const [positionIndex, position] of context.positions.entries()) {
      yield { path: `contexts[${index}].positions[${positionIndex}]`, position };
    }
  }
}

function unknown(path: string, what: string, id: string, list: string): RuleSetIssue {
  return { path, message: `${what} "${id}" is not in "${list}".` };
}
