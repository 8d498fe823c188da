/**
 * The whole pipeline on a set of source texts: parse and check them (`check-sources.ts`), and
 * emit the rule set when there is no error. The CLI and, later, the language server run the
 * same checking half, so they always report the same diagnostics.
 */
import type { RuleSet } from '@kpilang/rule-set';
import { checkSources, type CheckedSources, type SourceInput } from './check-sources.js';
import { emitRuleSet } from './emit/emit.js';

export interface CompileResult extends CheckedSources {
  /** Present only when emitting was asked for and no diagnostic is an error. */
  ruleSet?: RuleSet;
}

/** Parses, checks and (unless `emit` is false, and when error-free) emits. */
export function compileSources(
  sources: readonly SourceInput[],
  options: { emit?: boolean } = {},
): CompileResult {
  const checked = checkSources(sources);
  const hasError = checked.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  if (options.emit === false || hasError) return checked;

  return { ...checked, ruleSet: emitRuleSet(checked.model, { sources: checked.sources }) };
}
