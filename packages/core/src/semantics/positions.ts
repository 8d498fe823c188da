/**
 * Groups and positions. A group lists indicators; a position in a group takes all of them,
 * adds its own, and gives every one a weight (KPI206 when one has none, KPI205 when one is
 * listed twice, KPI208 when the position lists nothing at all, KPI307 when a weighted
 * indicator has no bands and is not scored in proportion), with the weights checked in
 * `weights.ts` (their sum only when nothing is repeated or unweighted). A position's line may also set its own target or bands
 * for that indicator; those become effective rules for the threshold checks.
 */
import type * as ast from '../syntax/ast.js';
import { add, ZERO } from '../util/decimal.js';
import { toBilingual } from './convert.js';
import type { Group, Indicator, Position, WeightedIndicator } from './model.js';
import { related } from './report.js';
import { resolveName } from './resolve.js';
import { applyOverride, baseRule, toSubject, type Rule } from './rules.js';
import { Layer, type CheckState, type Piece } from './state.js';
import type { Declared } from './symbols.js';
import { checkWeight, checkWeightSum, remainingWeight, type WrittenWeight } from './weights.js';

/** One weighted indicator of a position, with the pieces that make its rule. */
export interface Line extends Rule {
  indicator: Indicator;
  weight: Piece<ast.NumberLit>;
  fromGroup: boolean;
  /** The position's own line for this indicator. */
  assignment: ast.Assignment;
}

/** A base position as the contexts need it: its model, its lines and every indicator it has. */
export interface PositionPlan {
  declared: Declared<ast.PositionDecl>;
  position: Position;
  lines: Line[];
  /** Every indicator the position takes, weighted or not (group members included). */
  has: Set<string>;
  /** Every weight the position writes, resolved or not, for the sum (a repeat left out). */
  written: WrittenWeight[];
  /**
   * True when an indicator is listed twice (KPI205) or has no weight (KPI206): the weights
   * are then not summed, here or in a context, since no sum would be the right one.
   */
  unsummed: boolean;
  group?: Group;
}

/**
 * KPI105: a group lists an indicator a second time. It counts once; the fix deletes the
 * repeat together with the separator before it, so `{ a, b, a }` becomes `{ a, b }`.
 */
function reportRepeatedMember(
  state: CheckState,
  repeat: { uri: string; member: ast.Name; previous: ast.Name; group: string },
): void {
  const { uri, member, previous, group } = repeat;
  const removed = { start: previous.range.end, end: member.range.end };
  const fix = {
    title: `Remove the second '${member.text}'`,
    edits: [{ uri, range: removed, newText: '' }],
  };
  state.reporter.report('KPI105', { uri, range: member.range }, [member.text, group], {
    fixes: [fix],
  });
}

/** The groups, with their members resolved (KPI101) and each kept once (KPI105). */
export function buildGroups(state: CheckState): Group[] {
  const groups: Group[] = [];
  for (const { decl, uri } of state.symbols.groups.values()) {
    if (!decl.id) continue;
    const members: string[] = [];
    for (const [index, member] of decl.members.entries()) {
      const found = resolveName({
        reporter: state.reporter,
        uri,
        name: member,
        table: state.symbols.indicators,
        what: 'indicator',
        suggested: state.meantIndicators,
      });
      if (!found) continue;
      if (!members.includes(member.text)) members.push(member.text);
      else {
        const previous = decl.members[index - 1] ?? member;
        reportRepeatedMember(state, { uri, member, previous, group: decl.id.text });
      }
    }
    const group = {
      id: decl.id.text,
      label: toBilingual(decl.label, decl.id.text),
      indicators: members,
      node: decl,
      uri,
    };
    groups.push(group);
    state.groups.set(group.id, group);
  }
  return groups;
}

/** Builds and checks every position. */
export function buildPositions(state: CheckState): PositionPlan[] {
  const plans: PositionPlan[] = [];
  for (const declared of state.symbols.positions.values()) {
    const place = { uri: declared.uri, range: declared.decl.id?.range ?? declared.decl.range };
    state.reporter.guard('position', place, () => {
      const plan = buildPosition(state, declared);
      plans.push(plan);
      state.positions.set(plan.position.id, plan.position);
    });
  }
  return plans;
}

function buildPosition(state: CheckState, declared: Declared<ast.PositionDecl>): PositionPlan {
  const { decl, uri } = declared;
  const { reporter } = state;
  const id = decl.id?.text ?? '';
  const groupDeclared = resolveName({
    reporter,
    uri,
    name: decl.group,
    table: state.symbols.groups,
    what: 'group',
  });
  const group = groupDeclared && decl.group ? state.groups.get(decl.group.text) : undefined;
  const fromGroup = new Set(group?.indicators ?? []);

  const lines: Line[] = [];
  const written: WrittenWeight[] = [];
  const seen = new Map<string, ast.Assignment>();
  const unweighted: ast.Assignment[] = [];
  let repeats = false;
  for (const assignment of decl.assignments) {
    const name = assignment.indicator.text;
    const first = seen.get(name);
    if (first) {
      reportDuplicate(state, uri, assignment, first, id);
      repeats = true;
      continue;
    }
    seen.set(name, assignment);

    if (!assignment.weight) {
      unweighted.push(assignment);
    } else {
      const weight: WrittenWeight = { indicator: name, weight: assignment.weight, uri };
      checkWeight(reporter, weight);
      written.push(weight);
    }

    const indicator = resolveName({
      reporter,
      uri,
      name: assignment.indicator,
      table: state.indicators,
      what: 'indicator',
      suggested: state.meantIndicators,
    });
    if (indicator && assignment.weight) {
      lines.push(lineOf(state, { indicator, assignment, uri, fromGroup: fromGroup.has(name) }));
    }
  }

  const missing = reportUnweightedMembers(state, declared, group, seen) + unweighted.length;
  const needed = missing === 1 && !repeats ? remainingWeight(written) : undefined;
  for (const assignment of unweighted) {
    const place = { uri, range: assignment.indicator.range };
    reporter.report('KPI206', place, [assignment.indicator.text, id, needed ? { needed } : {}]);
  }
  const placeOfName = { uri, range: decl.id?.range ?? decl.range };
  if (written.length === 0 && missing === 0) reporter.report('KPI208', placeOfName, [id]);
  // A repeated indicator is one mistake, reported once (KPI205), and so is a missing weight
  // (KPI206). No sum would be right to print: deleting a repeat leaves one total, renaming it
  // another, and a missing weight is not yet known. The sum waits until they are resolved.
  const unsummed = repeats || missing > 0;
  if (!unsummed) {
    const sum = { position: id, place: placeOfName, weights: written, allWrittenHere: true };
    checkWeightSum(reporter, sum);
  }
  for (const line of lines) {
    reportUnrateable(state, line, uri, id);
    state.subjects.push(toSubject(line.indicator, line, `in '${id}'`));
  }

  const position: Position = {
    id,
    label: toBilingual(decl.label, id),
    indicators: lines.map(toWeighted),
    total: lines.reduce((sum, line) => add(sum, line.weight.node.value), ZERO),
    node: decl,
    uri,
  };
  if (group) position.group = group.id;
  const has = new Set([...fromGroup, ...seen.keys()]);
  return { declared, position, lines, has, written, unsummed, ...(group ? { group } : {}) };
}

/** The line of `assignment`: its weight, and its own target or bands where it gives them. */
function lineOf(
  state: CheckState,
  options: { indicator: Indicator; assignment: ast.Assignment; uri: string; fromGroup: boolean },
): Line {
  const { indicator, assignment, uri } = options;
  const change = { override: assignment, uri, layer: Layer.Position, indicator };
  return {
    ...applyOverride(state, baseRule(indicator), change),
    indicator,
    weight: { node: assignment.weight as ast.NumberLit, uri, layer: Layer.Position },
    fromGroup: options.fromGroup,
    assignment,
  };
}

export function toWeighted(line: Line): WeightedIndicator {
  const weighted: WeightedIndicator = {
    indicator: line.indicator.id,
    weight: line.weight.node.value,
    bands: line.modelBands,
    weightNode: line.weight.node,
    fromGroup: line.fromGroup,
  };
  if (line.targetInterval) weighted.target = line.targetInterval;
  if (line.overrideNode) weighted.overrideNode = line.overrideNode;
  return weighted;
}

function reportDuplicate(
  state: CheckState,
  uri: string,
  assignment: ast.Assignment,
  first: ast.Assignment,
  position: string,
): void {
  state.reporter.report(
    'KPI205',
    { uri, range: assignment.indicator.range },
    [assignment.indicator.text, position],
    {
      related: [related({ uri, range: first.indicator.range }, 'It is first listed here.')],
    },
  );
}

/** KPI206 for each group member the position does not list, at the position's name; the count. */
function reportUnweightedMembers(
  state: CheckState,
  { decl, uri }: Declared<ast.PositionDecl>,
  group: Group | undefined,
  listed: Map<string, ast.Assignment>,
): number {
  if (!group) return 0;
  let count = 0;
  for (const member of group.indicators) {
    if (listed.has(member)) continue;
    count++;
    const place = { uri, range: decl.id?.range ?? decl.range };
    state.reporter.report('KPI206', place, [member, decl.id?.text ?? '', { group: group.id }], {
      related: [
        related(
          { uri: group.uri ?? uri, range: group.node.id?.range ?? group.node.range },
          `Group '${group.id}' lists it.`,
        ),
      ],
    });
  }
  return count;
}

/** KPI307: a weighted indicator that has no bands in this position cannot be rated. */
function reportUnrateable(state: CheckState, line: Line, uri: string, position: string): void {
  if ((line.bands?.node.bands.length ?? 0) > 0 || line.indicator.scoring === 'proportional') return;
  const place = { uri, range: line.assignment.indicator.range };
  state.reporter.report('KPI307', place, [line.indicator.id, position]);
}
