/** Placeholder: replaced by the emit work (model to rule set). */
import type { RuleSet } from '@kpilang/rule-set';
import type { Model } from '../semantics/model.js';
import type { SourceInput } from '../compile.js';

export interface EmitOptions {
  sources: SourceInput[];
}

export function emitRuleSet(model: Model, options: EmitOptions): RuleSet {
  void model;
  void options;
  return {} as RuleSet;
}
