/**
 * Contexts: a region or setting that overrides targets, bands or weights. Builds each
 * context's effective positions (the base position, then the context's indicator overrides,
 * then the context's block for that position) and queues their rules for the threshold
 * checks, so that every context is checked as strictly as the base. Diagnostics caused by an
 * override point at the override, with related information pointing at what it replaces;
 * base defects a context does not touch are not reported again. Reports KPI701 (a line for
 * an indicator the position does not have), KPI702 (an override that changes nothing) and
 * the weight checks of a context's position block.
 */
import type * as ast from '../syntax/ast.js';
import { add, eq, ZERO } from '../util/decimal.js';
import { toBilingual } from './convert.js';
import { sameValues } from './interval.js';
import type {
  Band,
  Context,
  Domain,
  Indicator,
  Interval,
  Position,
  WeightedIndicator,
} from './model.js';
import { toWeighted, type Line, type PositionPlan } from './positions.js';
import { related } from './report.js';
import { resolveName } from './resolve.js';
import { applyOverride, baseRule, toSubject, type Rule } from './rules.js';
import { Layer, type CheckState } from './state.js';
import type { Declared } from './symbols.js';
import { checkWeight, checkWeightSum, type WrittenWeight } from './weights.js';

/** Builds every context's model and queues its effective rules. */
export function buildContexts(state: CheckState, plans: PositionPlan[]): Context[] {
  const contexts: Context[] = [];
  for (const declared of state.symbols.contexts.values()) {
    const place = { uri: declared.uri, range: declared.decl.id?.range ?? declared.decl.range };
    state.reporter.guard('context', place, () =>
      contexts.push(buildContext(state, declared, plans)),
    );
  }
  return contexts;
}

/** One context while it is being built. */
interface ContextScope {
  state: CheckState;
  id: string;
  uri: string;
  /** The context's own indicator overrides, by indicator. */
  changes: Map<string, { node: ast.IndicatorOverride; rule: Rule; effective: Indicator }>;
}

function buildContext(
  state: CheckState,
  declared: Declared<ast.ContextDecl>,
  plans: PositionPlan[],
): Context {
  const { decl, uri } = declared;
  const scope: ContextScope = { state, id: decl.id?.text ?? '', uri, changes: new Map() };
  collectIndicatorChanges(scope, decl);
  const blocks = collectPositionBlocks(scope, decl, plans);

  const positions: Position[] = [];
  for (const plan of plans) {
    const block = blocks.get(plan.position.id);
    const place = { uri, range: block?.range ?? decl.range };
    state.reporter.guard('context position', place, () => {
      positions.push(effectivePosition(scope, plan, block));
    });
  }

  return {
    id: scope.id,
    label: toBilingual(decl.label, scope.id),
    indicators: [...scope.changes.values()].map((change) => change.effective),
    positions,
    node: decl,
    uri,
  };
}

/** The context's indicator overrides, each resolved, checked (KPI702) and queued. */
function collectIndicatorChanges(scope: ContextScope, decl: ast.ContextDecl): void {
  const { state, uri } = scope;
  for (const override of decl.overrides) {
    if (override.kind !== 'IndicatorOverride') continue;
    const indicator = resolveName({
      reporter: state.reporter,
      uri,
      name: override.indicator,
      table: state.indicators,
      what: 'indicator',
      suggested: state.meantIndicators,
    });
    if (!indicator) continue;
    const first = scope.changes.get(indicator.id);
    if (first) {
      reportRepeat(scope, override.indicator, first.node.indicator, 'override of indicator');
      continue;
    }

    const base = baseRule(indicator);
    const change = { override, uri, layer: Layer.ContextIndicator, indicator };
    const rule = applyOverride(state, base, change);
    reportUnchanged(scope, {
      override,
      before: base,
      after: rule,
      indicator,
      what: `'${indicator.id}'`,
    });
    const effective: Indicator = { ...indicator, bands: rule.modelBands, overrideNode: override };
    if (rule.targetInterval) effective.target = rule.targetInterval;
    else delete effective.target;

    scope.changes.set(indicator.id, { node: override, rule, effective });
    state.subjects.push(toSubject(indicator, rule, `in context '${scope.id}'`));
  }
}

/** The context's position blocks by position, with their lines checked (KPI701, KPI205). */
function collectPositionBlocks(
  scope: ContextScope,
  decl: ast.ContextDecl,
  plans: PositionPlan[],
): Map<string, ast.PositionOverride> {
  const { state, uri } = scope;
  const byId = new Map(plans.map((plan) => [plan.position.id, plan]));
  const blocks = new Map<string, ast.PositionOverride>();

  for (const override of decl.overrides) {
    if (override.kind !== 'PositionOverride') continue;
    const reporter = state.reporter;
    const plan = resolveName({
      reporter,
      uri,
      name: override.position,
      table: byId,
      what: 'position',
    });
    if (!plan || !override.position) continue;
    const first = blocks.get(plan.position.id);
    if (first?.position) {
      reportRepeat(scope, override.position, first.position, 'override of position');
      continue;
    }
    blocks.set(plan.position.id, override);
    checkBlockLines(scope, override, plan);
  }
  return blocks;
}

function checkBlockLines(
  scope: ContextScope,
  block: ast.PositionOverride,
  plan: PositionPlan,
): void {
  const { state, uri } = scope;
  const seen = new Map<string, ast.Assignment>();
  for (const line of block.assignments) {
    const name = line.indicator.text;
    const first = seen.get(name);
    if (first) {
      state.reporter.report(
        'KPI205',
        { uri, range: line.indicator.range },
        [name, plan.position.id],
        {
          related: [related({ uri, range: first.indicator.range }, 'It is first listed here.')],
        },
      );
      continue;
    }
    seen.set(name, line);

    const indicator = resolveName({
      reporter: state.reporter,
      uri,
      name: line.indicator,
      table: state.indicators,
      what: 'indicator',
      suggested: state.meantIndicators,
    });
    if (indicator && !plan.has.has(name)) {
      state.reporter.report(
        'KPI701',
        { uri, range: line.indicator.range },
        [name, plan.position.id],
        {
          related: [
            related(positionPlace(plan), `Position '${plan.position.id}' is declared here.`),
          ],
        },
      );
    }
  }
}

/** `plan`'s position as this context has it, with its rules queued and its weights checked. */
function effectivePosition(
  scope: ContextScope,
  plan: PositionPlan,
  block: ast.PositionOverride | undefined,
): Position {
  const blockLines = new Map<string, ast.Assignment>();
  let unsummed = plan.unsummed;
  for (const line of block?.assignments ?? []) {
    if (blockLines.has(line.indicator.text)) unsummed = true;
    else blockLines.set(line.indicator.text, line);
  }

  const lines = plan.lines.map((line) =>
    effectiveLine(scope, plan, line, blockLines.get(line.indicator.id)),
  );
  // As in the base position, a repeat (KPI205, here or in the base) or a base indicator
  // without a weight (KPI206) is the one error: the weights are summed once it is resolved,
  // since until then no sum would be the right one.
  if (block && !unsummed && [...blockLines.values()].some((line) => line.weight)) {
    checkBlockWeights(scope, plan, block, blockLines);
  }

  // Lines the context leaves alone keep the base position's objects: a national framework
  // has many contexts and positions, and most lines are untouched in most of them.
  const untouched = lines.every((line, index) => line === plan.lines[index]);
  const weighted = lines.map((line, index) =>
    line === plan.lines[index]
      ? (plan.position.indicators[index] as WeightedIndicator)
      : toWeighted(line),
  );
  const position: Position = {
    ...plan.position,
    indicators: weighted,
    total: untouched
      ? plan.position.total
      : lines.reduce((sum, line) => add(sum, line.weight.node.value), ZERO),
  };
  if (block) position.overrideNode = block;
  return position;
}

/** One line in the context: the context's indicator override, then the position block's line. */
function effectiveLine(
  scope: ContextScope,
  plan: PositionPlan,
  line: Line,
  blockLine: ast.Assignment | undefined,
): Line {
  const { state, uri } = scope;
  const indicator = line.indicator;
  const change = scope.changes.get(indicator.id);
  // Untouched here: the base position's rule, already queued for checking, stands.
  if (!change && !blockLine) return line;

  let rule: Rule = change
    ? applyOverride(state, line, {
        override: change.node,
        uri,
        layer: Layer.ContextIndicator,
        indicator,
      })
    : line;
  let weight = line.weight;

  if (blockLine) {
    const where = `'${indicator.id}' in '${plan.position.id}'`;
    const before = rule;
    rule = applyOverride(state, rule, {
      override: blockLine,
      uri,
      layer: Layer.ContextPosition,
      indicator,
    });
    reportUnchanged(scope, { override: blockLine, before, after: rule, indicator, what: where });
    if (blockLine.weight) {
      if (eq(blockLine.weight.value, line.weight.node.value)) {
        const place = { uri, range: blockLine.weight.range };
        state.reporter.report('KPI702', place, [`the weight of ${where}`], {
          related: [
            related({ uri: line.weight.uri, range: line.weight.node.range }, 'The base weight.'),
          ],
        });
      }
      weight = { node: blockLine.weight, uri, layer: Layer.ContextPosition };
    }
  }

  const where = `in '${plan.position.id}' in context '${scope.id}'`;
  state.subjects.push(toSubject(indicator, rule, where));
  return { ...line, ...rule, weight };
}

/** The weights of a position whose block in this context changes at least one of them. */
function checkBlockWeights(
  scope: ContextScope,
  plan: PositionPlan,
  block: ast.PositionOverride,
  blockLines: Map<string, ast.Assignment>,
): void {
  const { state, uri } = scope;
  const written: WrittenWeight[] = plan.written.map((weight) => {
    const line = blockLines.get(weight.indicator);
    if (!line?.weight || !plan.has.has(weight.indicator)) return weight;
    const replaced = {
      indicator: weight.indicator,
      weight: line.weight,
      uri,
      replaces: { uri: weight.uri, range: weight.weight.range },
    };
    checkWeight(state.reporter, replaced);
    return replaced;
  });

  checkWeightSum(state.reporter, {
    position: plan.position.id,
    place: { uri, range: block.position?.range ?? block.range },
    weights: written,
    where: `in context '${scope.id}'`,
    // A weight the block does not replace is the base position's, written elsewhere.
    allWrittenHere: written.every((weight) => weight.replaces !== undefined),
    related: [related(positionPlace(plan), `Position '${plan.position.id}' is declared here.`)],
  });
}

/** KPI702 for a target or bands that an override sets to what they already were. */
function reportUnchanged(
  scope: ContextScope,
  options: {
    override: ast.Assignment | ast.IndicatorOverride;
    before: Rule;
    after: Rule;
    indicator: Indicator;
    what: string;
  },
): void {
  const { override, before, after, indicator, what } = options;
  const domain: Domain = indicator.domain ?? { integer: false };
  const { state, uri } = scope;

  if (override.target && sameTarget(before.targetInterval, after.targetInterval, domain)) {
    const extras = before.target
      ? {
          related: [
            related(
              { uri: before.target.uri, range: before.target.node.range },
              'The target it already has.',
            ),
          ],
        }
      : {};
    state.reporter.report(
      'KPI702',
      { uri, range: override.target.range },
      [`the target of ${what}`],
      extras,
    );
  }
  if (override.bands && before.bands && sameBands(before.modelBands, after.modelBands, domain)) {
    const extras = {
      related: [
        related(
          { uri: before.bands.uri, range: before.bands.node.range },
          'The bands it already has.',
        ),
      ],
    };
    state.reporter.report(
      'KPI702',
      { uri, range: override.bands.range },
      [`the bands of ${what}`],
      extras,
    );
  }
}

function sameTarget(
  before: Interval | undefined,
  after: Interval | undefined,
  domain: Domain,
): boolean {
  return !!before && !!after && sameValues(before, after, domain);
}

/** True when both lists rate the same values at the same levels, in any order. */
function sameBands(before: Band[], after: Band[], domain: Domain): boolean {
  if (before.length !== after.length || before.length === 0) return false;
  return before.every((band) =>
    after.some(
      (other) => other.level === band.level && sameValues(band.interval, other.interval, domain),
    ),
  );
}

function reportRepeat(scope: ContextScope, name: ast.Name, first: ast.Name, what: string): void {
  scope.state.reporter.report('KPI103', { uri: scope.uri, range: name.range }, [what, name.text], {
    related: [
      related(
        { uri: scope.uri, range: first.range },
        `The first override of '${name.text}' is here.`,
      ),
    ],
  });
}

function positionPlace(plan: PositionPlan): { uri: string; range: ast.Name['range'] } {
  const { decl, uri } = plan.declared;
  return { uri, range: decl.id?.range ?? decl.range };
}
