/**
 * An effective rule: the target and bands one indicator has in one place, and the syntax
 * pieces they come from. The base rule is the indicator's own; a position's line and a
 * context's overrides replace pieces of it, each replacement remembering what it replaced,
 * so that a diagnostic about the result can point at the override and at the base.
 */
import type * as ast from '../syntax/ast.js';
import { conditionInterval } from './convert.js';
import type { Band, Indicator, Interval } from './model.js';
import type { Place } from './report.js';
import { Layer, type CheckState, type Piece, type RuleSubject } from './state.js';
import { bandsOf } from './indicators.js';

export interface Rule {
  target?: Piece<ast.TargetClause>;
  bands?: Piece<ast.BandsClause>;
  /** The model's view of the same rule. */
  targetInterval?: Interval;
  modelBands: Band[];
  /** The deepest override that changed target or bands, if any. */
  overrideNode?: ast.Assignment | ast.IndicatorOverride;
}

/** The indicator's own target and bands. */
export function baseRule(indicator: Indicator): Rule {
  const uri = indicator.uri ?? '';
  const rule: Rule = { modelBands: indicator.bands };
  if (indicator.node.target)
    rule.target = { node: indicator.node.target, uri, layer: Layer.Indicator };
  if (indicator.node.bands)
    rule.bands = { node: indicator.node.bands, uri, layer: Layer.Indicator };
  if (indicator.target) rule.targetInterval = indicator.target;
  return rule;
}

/** `rule` with the target and bands that `override` gives replacing its own. */
export function applyOverride(
  state: CheckState,
  rule: Rule,
  change: {
    override: ast.Assignment | ast.IndicatorOverride;
    uri: string;
    layer: Layer;
    indicator: Indicator;
  },
): Rule {
  const { override, uri, layer, indicator } = change;
  const next: Rule = { ...rule };

  if (override.target) {
    next.target = { node: override.target, uri, layer, replaces: replaced(rule.target, indicator) };
    const interval = conditionInterval(override.target.condition);
    if (interval) next.targetInterval = interval;
    else delete next.targetInterval;
    next.overrideNode = override;
  }
  if (override.bands) {
    next.bands = { node: override.bands, uri, layer, replaces: replaced(rule.bands, indicator) };
    next.modelBands = bandsOf(state, uri, override.bands);
    next.overrideNode = override;
  }
  return next;
}

/** The rule as something for the threshold checks to examine. */
export function toSubject(indicator: Indicator, rule: Rule, where?: string): RuleSubject {
  const subject: RuleSubject = { indicator };
  if (where) subject.where = where;
  if (rule.target) subject.target = rule.target;
  if (rule.bands) subject.bands = rule.bands;
  return subject;
}

/** What an override replaces: the base piece, or the indicator's declaration when it had none. */
function replaced(
  base: Piece<{ range: ast.Name['range'] }> | undefined,
  indicator: Indicator,
): Place {
  if (base) return { uri: base.uri, range: base.node.range };
  return { uri: indicator.uri ?? '', range: indicator.node.id?.range ?? indicator.node.range };
}
