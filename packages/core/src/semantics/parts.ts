/**
 * Parts of the total and points in proportion. A framework may split its 100 points into
 * parts (`part general "..." points 30`), each worth points above 0 and at most 100 (KPI809),
 * that add up to 100 (KPI801); in every position and every context's effective position the
 * weights of a part's indicators add up to its points (KPI802), and once there are parts
 * every weighted indicator belongs to one (KPI803).
 * An indicator with `points proportional` earns its percentage as points, which fits only a
 * percentage that is better higher and has no bands anywhere (KPI806, also when the unit or
 * the direction is not written).
 */
import type * as ast from '../syntax/ast.js';
import { add, compare, eq, HUNDRED, toText, ZERO, type Decimal } from '../util/decimal.js';
import { toBilingual } from './convert.js';
import type { Context, Indicator, Part, Position } from './model.js';
import type { PositionPlan } from './positions.js';
import { related, type Place } from './report.js';
import { Layer, type CheckState } from './state.js';

/** The declared parts with their points, in source order; KPI801 when they miss 100. */
export function buildParts(state: CheckState): Part[] {
  const parts: Part[] = [];
  for (const { decl, uri } of state.symbols.parts.values()) {
    if (!decl.id || !decl.points) continue;
    const problem = pointsProblem(decl.points);
    if (problem) {
      const place = { uri, range: decl.points.range };
      state.reporter.report('KPI809', place, [decl.id.text, decl.points.text, problem]);
      continue;
    }
    parts.push({
      id: decl.id.text,
      label: toBilingual(decl.label, decl.id.text),
      points: decl.points.value,
      node: decl,
      uri,
    });
  }
  // A part whose points are missing (the parser's error) or unfit (KPI809) is left out of
  // the model, and the sums wait for it: no sum would be the one to report.
  const first = parts[0];
  if (!first || parts.length !== state.symbols.parts.size) return parts;

  const sum = parts.reduce((total, part) => add(total, part.points), ZERO);
  if (!eq(sum, HUNDRED)) {
    const named = parts.map((part) => `'${part.id}' ${toText(part.points)}`);
    const others = parts
      .slice(1)
      .map((part) =>
        related(partPlace(part), `Part '${part.id}' is worth ${toText(part.points)} points.`),
      );
    state.reporter.report('KPI801', partPlace(first), [toText(sum), named], { related: others });
  }
  return parts;
}

/** Why `points` cannot be a part's points, or undefined when they can. */
function pointsProblem(points: ast.NumberLit): string | undefined {
  if (points.suffix === 'h' || points.suffix === 'd') {
    return 'which is a time, not points';
  }
  const sign = compare(points.value, ZERO);
  if (sign < 0) return 'below zero, which would take points away from the total';
  if (sign === 0) return 'so it would count for nothing';
  if (compare(points.value, HUNDRED) > 0) return 'more than the whole total of 100 points';
  return undefined;
}

/** KPI802 and KPI803 over the base positions and every context's effective positions. */
export function checkPartWeights(state: CheckState, plans: PositionPlan[], contexts: Context[]) {
  const parts = state.model.parts;
  if (parts.length === 0) return;
  const indicators = state.indicators;

  const partless = new Set<string>();
  const base = new Map<string, Map<string, Decimal>>();
  for (const plan of plans) {
    const position = plan.position;
    for (const weighted of position.indicators) {
      const indicator = indicators.get(weighted.indicator);
      if (indicator && indicator.part === undefined && !indicator.node.part) {
        partless.add(indicator.id);
      }
    }
    if (plan.unsummed) continue;
    const sums = partSums(state, position);
    if (!sums) continue;
    base.set(position.id, sums);
    if (!eq(position.total, HUNDRED)) continue;
    const place = {
      uri: plan.declared.uri,
      range: plan.declared.decl.id?.range ?? plan.declared.decl.range,
    };
    reportMismatches(state, { position: position.id, sums, place });
  }

  for (const context of contexts) {
    for (const position of context.positions) {
      const block = position.overrideNode;
      const before = base.get(position.id);
      if (!block || !before || !eq(position.total, HUNDRED) || repeatsALine(block)) continue;
      const sums = partSums(state, position);
      if (!sums) continue;
      // Only what the context changed: an unchanged part is the base position's to report.
      const changed = new Map([...sums].filter(([id, sum]) => !eq(sum, before.get(id) ?? ZERO)));
      const place = { uri: context.uri ?? '', range: block.position?.range ?? block.range };
      const where = `in context '${context.id}'`;
      reportMismatches(state, { position: position.id, sums: changed, place, where });
    }
  }

  for (const id of partless) {
    const indicator = indicators.get(id);
    if (!indicator) continue;
    const place = {
      uri: indicator.uri ?? '',
      range: indicator.node.id?.range ?? indicator.node.range,
    };
    state.reporter.report('KPI803', place, [id, parts.map((part) => part.id)]);
  }
}

/**
 * The weight of each part's indicators in `position`, every part listed; undefined when an
 * indicator has no part (KPI803, or a part that did not resolve: KPI101), since no sum would
 * then be the one to report.
 */
function partSums(state: CheckState, position: Position): Map<string, Decimal> | undefined {
  const sums = new Map(state.model.parts.map((part) => [part.id, ZERO]));
  for (const weighted of position.indicators) {
    const part = state.indicators.get(weighted.indicator)?.part;
    const sum = part === undefined ? undefined : sums.get(part);
    if (part === undefined || sum === undefined) return undefined;
    sums.set(part, add(sum, weighted.weight));
  }
  return sums;
}

/**
 * True when a context's block lists an indicator twice: as in a position, the repeat (KPI205)
 * is the one error until it is removed, since no sum would be the right one.
 */
function repeatsALine(block: ast.PositionOverride): boolean {
  const ids = block.assignments.map((line) => line.indicator.text);
  return new Set(ids).size !== ids.length;
}

function reportMismatches(
  state: CheckState,
  options: { position: string; sums: Map<string, Decimal>; place: Place; where?: string },
): void {
  const { position, sums, place, where } = options;
  for (const part of state.model.parts) {
    const sum = sums.get(part.id);
    if (sum === undefined || eq(sum, part.points)) continue;
    const args = [position, part.id, toText(sum), toText(part.points), where] as const;
    state.reporter.report('KPI802', place, [...args], {
      related: [related(partPlace(part), `Part '${part.id}' is declared here.`)],
    });
  }
}

/** KPI806 for each indicator scored in proportion that cannot be, with the reason. */
export function checkProportional(state: CheckState): void {
  for (const indicator of state.model.indicators) {
    if (indicator.scoring !== 'proportional') continue;
    const clause = indicator.node.points;
    const place = { uri: indicator.uri ?? '', range: clause?.range ?? indicator.node.range };
    const unit = indicator.unit;
    // A unit or a direction that is written but misspelt is KPI102's to report; one that is
    // not written at all leaves the points unknown, which the rule set cannot carry.
    if (!indicator.node.unit) {
      const problem =
        'but it does not say its unit, so nothing says its values are percentages from 0 ' +
        "to 100. Add 'unit percent'";
      state.reporter.report('KPI806', place, [indicator.id, problem]);
    }
    if (!indicator.node.better) {
      const problem =
        'but it does not say whether higher values are better, and only then may a value ' +
        "be its points. Add 'better higher'";
      state.reporter.report('KPI806', place, [indicator.id, problem]);
    }
    if (unit && unit.name !== 'percent') {
      const problem =
        `but its unit is '${unit.name}', not percent: a value of 120 would earn 120 points. ` +
        "Score it with bands, or make it a percentage ('unit percent')";
      state.reporter.report('KPI806', place, [indicator.id, problem]);
    }
    if (indicator.direction === 'lower') {
      const problem =
        "but lower values are better ('better lower'), so worse work would earn more points. " +
        'Score it with bands, or measure the share done well instead';
      state.reporter.report('KPI806', place, [indicator.id, problem]);
    }
  }

  // Bands, wherever they are written: the indicator's own, a position's or a context's.
  const seen = new Set<unknown>();
  for (const subject of state.subjects) {
    const bands = subject.bands;
    const indicator: Indicator = subject.indicator;
    if (!bands || indicator.scoring !== 'proportional' || seen.has(bands.node)) continue;
    seen.add(bands.node);
    const whose = bands.layer === Layer.Indicator ? 'its own' : `the ones ${subject.where ?? ''}`;
    const problem =
      `and also has bands (${whose.trim()}), which would give it other points. ` +
      "Remove the bands, or remove 'points proportional'";
    state.reporter.report('KPI806', { uri: bands.uri, range: bands.node.range }, [
      indicator.id,
      problem,
    ]);
  }
}

function partPlace(part: Part): Place {
  return { uri: part.uri ?? '', range: part.node.id?.range ?? part.node.range };
}
