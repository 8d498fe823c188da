/**
 * The last step of the pipeline: the resolved model becomes a JSON rule set. Runs only on a
 * model without errors (`compileSources` sees to that). The result is deterministic (lists in
 * source order, no timestamps, no paths) and is validated against the rule-set schema before
 * it is returned, so nothing invalid ever reaches a file.
 */
import { RULE_SET_FORMAT, RuleSetSchema, type Rounding, type RuleSet } from '@kpilang/rule-set';
import type { SourceInput } from '../check-sources.js';
import type { Framework, Model } from '../semantics/model.js';
import { toText } from '../util/decimal.js';
import { COMPILER_VERSION } from '../version.js';
import {
  toBilingual,
  toIndicator,
  toInterval,
  toPosition,
  withoutUndefined,
} from './emit-parts.js';
import { hashSources } from './source-hash.js';

export interface EmitOptions {
  /** The sources the model was built from, named as the caller named them; only hashed. */
  sources: readonly SourceInput[];
}

/**
 * Turns an error-free model into a rule set. The same model and source texts always give an
 * equal rule set (and `serializeRuleSet` the same bytes). Throws only on a broken assumption,
 * never on user input: when the model has no framework (the checker reports KPI010 first),
 * when a formula has a part missing (the checker reports it first), or when the result fails
 * the schema, which would be a bug in kpic.
 */
export function emitRuleSet(model: Model, options: EmitOptions): RuleSet {
  const framework = model.framework;
  if (!framework) throw new Error('emitRuleSet needs a model with a framework (see KPI010).');

  const candidate: RuleSet = {
    format: RULE_SET_FORMAT,
    compiler: { name: 'kpic', version: COMPILER_VERSION },
    sourceHash: hashSources(options.sources),
    conventions: { numbers: 'exact-decimal-text', percent: '0-100' },
    framework: withoutUndefined({
      id: framework.id,
      label: toBilingual(framework.label),
      version: framework.version,
      agency: framework.agency && toBilingual(framework.agency),
      effective: framework.effective,
      cycle: framework.cycle,
      missingData: framework.missingData,
      rounding: framework.rounding && toRounding(framework.rounding),
    }),
    levels: model.levels.map((level) => ({
      id: level.id,
      label: toBilingual(level.label),
      points: toText(level.points),
    })),
    rating: model.rating.map((line) => ({
      id: line.id,
      label: toBilingual(line.label),
      interval: toInterval(line.interval),
    })),
    parts: model.parts.map((part) => ({
      id: part.id,
      label: toBilingual(part.label),
      points: toText(part.points),
    })),
    conditions: model.conditions.map((condition) => ({
      id: condition.id,
      label: toBilingual(condition.label),
      groups: condition.group === undefined ? [] : [condition.group],
      rating: condition.rating,
    })),
    quotas: model.quotas.map((quota) => ({
      id: quota.id,
      label: toBilingual(quota.label),
      limited: quota.limited,
      share: toText(quota.share),
      of: quota.of,
      demoteTo: quota.demoteTo,
      within: [...quota.within],
      rankBy: quota.rankBy.map((key) => ({ ...key })),
    })),
    goals: model.goals.map((goal) =>
      withoutUndefined({
        id: goal.id,
        label: toBilingual(goal.label),
        perspective: goal.perspective,
      }),
    ),
    scales: model.scales.map((scale) => ({
      id: scale.id,
      label: toBilingual(scale.label),
      low: toText(scale.low),
      high: toText(scale.high),
      points: scale.points.map((point) => ({
        value: toText(point.value),
        label: toBilingual(point.label),
      })),
    })),
    indicators: model.indicators.map((indicator) => toIndicator(indicator, framework)),
    groups: model.groups.map((group) => ({
      id: group.id,
      label: toBilingual(group.label),
      indicators: [...group.indicators],
    })),
    positions: model.positions.map(toPosition),
    contexts: model.contexts.map((context) => ({
      id: context.id,
      label: toBilingual(context.label),
      positions: context.positions.map(toPosition),
    })),
  };

  return validated(candidate);
}

/** The header's rounding as the rule set writes it: half up, places as decimal text. */
function toRounding(rounding: NonNullable<Framework['rounding']>): Rounding {
  return withoutUndefined({
    mode: 'half-up' as const,
    values: rounding.values === undefined ? undefined : String(rounding.values),
    total: rounding.total === undefined ? undefined : String(rounding.total),
  });
}

/** The candidate as the schema reads it back, or a thrown error naming every bad path. */
function validated(candidate: RuleSet): RuleSet {
  const result = RuleSetSchema.safeParse(candidate);
  if (result.success) return result.data;

  const problems = result.error.issues
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new Error(`kpic built a rule set that fails its own schema (a bug in kpic): ${problems}`);
}
