/**
 * Alignment and SMART checks, all warnings or information: an indicator missing parts that
 * make it measurable (KPI601, one warning listing them all), an indicator without bands that
 * no position weights (KPI602; a weighted one is KPI307 instead), a goal no indicator
 * supports (KPI603), a position with only process indicators (KPI604), an indicator that
 * names no goal when the framework has goals (KPI605), and an indicator nothing uses (KPI104).
 */
import type * as ast from '../syntax/ast.js';
import type { Indicator } from './model.js';
import type { PositionPlan } from './positions.js';
import type { CheckState } from './state.js';

/**
 * The parts of a SMART indicator, how to find them, and what each says, in the words of the
 * one KPI601 message that lists them all ("does not say: how it is measured ...").
 */
const REQUIRED: { field: string; present: (decl: ast.KpiDecl) => boolean; says: string }[] = [
  {
    field: 'measure',
    present: (decl) => !!decl.measurement,
    says: "how it is measured ('measure ...')",
  },
  {
    field: 'target',
    present: (decl) => !!decl.target,
    says: "which value is the target ('target ...')",
  },
  {
    field: 'frequency',
    present: (decl) => !!decl.every,
    says: "how often it is measured ('every quarter')",
  },
  {
    field: 'source',
    present: (decl) => !!decl.source,
    says: 'where the data comes from (\'source "..."\')',
  },
  {
    field: 'unit',
    present: (decl) => !!decl.unit,
    says: "what unit its values are in ('unit percent')",
  },
  {
    field: 'direction',
    present: (decl) => !!decl.better,
    says: "whether higher or lower values are better ('better higher' or 'better lower')",
  },
];

/** Runs every alignment check. */
export function checkAlignmentRules(state: CheckState, plans: PositionPlan[]): void {
  const weighted = new Set(plans.flatMap((plan) => plan.lines.map((line) => line.indicator.id)));
  const used = new Set([...weighted, ...plans.flatMap((plan) => [...plan.has])]);
  for (const group of state.model.groups) for (const member of group.indicators) used.add(member);
  // A misspelt reference that suggests an indicator is KPI101 already; the indicator it meant
  // is not also unused, since the writer did mean to use it.
  for (const meant of state.meantIndicators) used.add(meant);
  const hasGoals = state.symbols.goals.size > 0;

  for (const indicator of state.model.indicators) {
    const place = placeOf(indicator);
    state.reporter.guard('alignment', place, () => {
      checkIndicator(state, indicator, {
        weighted: weighted.has(indicator.id),
        used: used.has(indicator.id),
        hasGoals,
      });
    });
  }
  checkGoals(state);
  for (const plan of plans) checkProcessOnly(state, plan);
}

function checkIndicator(
  state: CheckState,
  indicator: Indicator,
  facts: { weighted: boolean; used: boolean; hasGoals: boolean },
): void {
  const place = placeOf(indicator);
  const decl = indicator.node;
  // One warning for all missing parts: they are one concern (the indicator is not yet
  // measurable), and six lines at the same id would bury the other diagnostics.
  // For an indicator scored in proportion, a missing unit or direction is an error of its
  // own (KPI806), which says what to write; the warning leaves them to it.
  const ownError = (field: string) =>
    indicator.scoring === 'proportional' && (field === 'unit' || field === 'direction');
  const missing = REQUIRED.filter(
    (required) => !required.present(decl) && !ownError(required.field),
  );
  if (missing.length > 0) {
    const says = missing.map((required) => required.says);
    state.reporter.report('KPI601', place, [indicator.id, says], {
      data: { missing: missing.map((required) => required.field) },
    });
  }
  const banded = (decl.bands?.bands.length ?? 0) > 0 || indicator.scoring === 'proportional';
  if (!facts.weighted && !banded) {
    state.reporter.report('KPI602', place, [indicator.id]);
  }
  if (facts.hasGoals && !decl.goal) state.reporter.report('KPI605', place, [indicator.id]);
  if (!facts.used) state.reporter.report('KPI104', place, [indicator.id]);
}

/** KPI603 for each goal that no indicator names. */
function checkGoals(state: CheckState): void {
  const supported = new Set(state.model.indicators.map((indicator) => indicator.node.goal?.text));
  for (const { decl, uri } of state.symbols.goals.values()) {
    if (!decl.id || supported.has(decl.id.text)) continue;
    state.reporter.report('KPI603', { uri, range: decl.id.range }, [decl.id.text]);
  }
}

/** KPI604 when every weighted indicator of a position is known to be a process indicator. */
function checkProcessOnly(state: CheckState, plan: PositionPlan): void {
  const kinds = plan.lines.map((line) => line.indicator.kind);
  if (kinds.length === 0 || !kinds.every((kind) => kind === 'process')) return;
  const { decl, uri } = plan.declared;
  state.reporter.report('KPI604', { uri, range: decl.id?.range ?? decl.range }, [plan.position.id]);
}

function placeOf(indicator: Indicator): { uri: string; range: ast.Name['range'] } {
  return { uri: indicator.uri ?? '', range: indicator.node.id?.range ?? indicator.node.range };
}
