/**
 * The semantic checker: from the syntax trees of all files of one framework to the resolved
 * model and its diagnostics. Runs after parsing and before emitting. Passes, in order:
 * symbol tables, the framework-wide declarations (parts included), indicators, groups and
 * positions (with their weights), contexts (with their effective positions), the parts'
 * weights and points in proportion, conditions and quotas, then the threshold, rating (and
 * its reach), frequency, formula and alignment checks. Never throws on user input: each
 * check runs in a guard that turns an unexpected exception into KPI901 at the node being checked.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../syntax/ast.js';
import { checkAlignmentRules } from './alignment.js';
import {
  buildFramework,
  buildGoals,
  buildLevels,
  buildRatingLines,
  buildScales,
} from './catalogue.js';
import { buildContexts } from './contexts.js';
import { checkFormulas } from './formulas.js';
import { checkFrequencies } from './frequencies.js';
import { buildIndicators } from './indicators.js';
import type { Model } from './model.js';
import { buildGroups, buildPositions, type PositionPlan } from './positions.js';
import { buildParts, checkPartWeights, checkProportional } from './parts.js';
import { buildConditions, buildQuotas } from './people-rules.js';
import { checkRatingLines, checkRatingReach } from './rating-lines.js';
import { Reporter } from './report.js';
import { baseRule, toSubject } from './rules.js';
import type { CheckState } from './state.js';
import { collectSymbols } from './symbols.js';
import { ThresholdChecker } from './thresholds.js';

export interface CheckResult {
  /** The resolved framework; it holds only what resolved (see `model.ts`). */
  model: Model;
  /** In the order found; callers sort them (see `sortDiagnostics`). */
  diagnostics: Diagnostic[];
}

/**
 * Resolves and checks the files of one framework together. Files are taken in the order
 * given; the first declaration of a name wins. Missing parts of the trees (after parse
 * recovery) are skipped, never guessed.
 */
export function checkFiles(files: SourceFile[]): CheckResult {
  const reporter = new Reporter();
  const model: Model = {
    levels: [],
    rating: [],
    goals: [],
    scales: [],
    indicators: [],
    groups: [],
    positions: [],
    contexts: [],
    parts: [],
    conditions: [],
    quotas: [],
  };

  reporter.guard('checker', undefined, () => runPasses(files, reporter, model));
  return { model, diagnostics: reporter.diagnostics };
}

function runPasses(files: SourceFile[], reporter: Reporter, model: Model): void {
  const state: CheckState = {
    reporter,
    symbols: collectSymbols(files, reporter),
    model,
    levels: new Map(),
    scales: new Map(),
    indicators: new Map(),
    groups: new Map(),
    positions: new Map(),
    subjects: [],
    bandsByClause: new Map(),
    meantIndicators: new Set(),
  };

  buildCatalogue(state);
  model.indicators = buildIndicators(state);
  for (const indicator of model.indicators)
    state.subjects.push(toSubject(indicator, baseRule(indicator)));
  model.groups = buildGroups(state);
  const plans: PositionPlan[] = buildPositions(state);
  model.positions = plans.map((plan) => plan.position);
  model.contexts = buildContexts(state, plans);
  reporter.guard('parts', undefined, () => checkPartWeights(state, plans, model.contexts));
  reporter.guard('proportional', undefined, () => checkProportional(state));
  model.conditions = buildConditions(state);
  model.quotas = buildQuotas(state);

  const thresholds = new ThresholdChecker(reporter, state.levels);
  for (const subject of state.subjects) thresholds.check(subject);
  reporter.guard('rating', undefined, () => checkRatingLines(state));
  reporter.guard('rating reach', undefined, () => checkRatingReach(state));
  checkFrequencies(state);
  checkFormulas(state);
  checkAlignmentRules(state, plans);
}

/** The framework header, levels, rating lines, goals and scales, into the model and the state. */
function buildCatalogue(state: CheckState): void {
  const { model } = state;
  const framework = buildFramework(state);
  if (framework) {
    model.framework = framework;
    if (framework.cycle) state.cycle = framework.cycle;
  }

  model.parts = buildParts(state);
  model.levels = buildLevels(state);
  for (const level of model.levels) state.levels.set(level.id, level);
  model.rating = buildRatingLines(state);
  model.goals = buildGoals(state);
  model.scales = buildScales(state);
  for (const scale of model.scales) state.scales.set(scale.id, scale);
}
