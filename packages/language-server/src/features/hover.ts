/**
 * Hovers, in Markdown, from the resolved model: on an indicator its unit, direction, target,
 * band table and its weight in each position (and where a context changes them); on a
 * position its weights and their total; on a level its points; on a part its points and
 * indicators; on a fact who it applies to and the rating it gives; on a quota its limit as a
 * sentence; on the other names their label and what they hold. Values are written as the
 * checker's messages write them.
 */
import {
  decimal,
  describeInterval,
  toBilingual,
  valueWriter,
  type model,
  type Position as CorePosition,
} from '@kpilang/core';
import type * as ast from '@kpilang/core';
import { MarkupKind, type Hover } from 'vscode-languageserver/node';
import type { FrameworkView } from '../server.js';
import { declarationOf, occurrenceAt, occurrencesOf, type Occurrence } from '../symbol-index.js';

export function hover(view: FrameworkView, uri: string, position: CorePosition): Hover | null {
  const occurrence = occurrenceAt(view.index, uri, position);
  if (!occurrence) return null;
  const value = describe(view, occurrence);
  if (!value) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: occurrence.range };
}

function describe(view: FrameworkView, occurrence: Occurrence): string | undefined {
  const found = view.analysis.checked.model;
  const id = occurrence.id;
  switch (occurrence.kind) {
    case 'indicator': {
      const indicator = found.indicators.find((candidate) => candidate.id === id);
      return indicator && describeIndicator(found, indicator);
    }
    case 'position': {
      const position = found.positions.find((candidate) => candidate.id === id);
      return position && describePosition(found, position);
    }
    case 'level': {
      const level = found.levels.find((candidate) => candidate.id === id);
      return (
        level && `${title('level', id, level.label)}\n\n**${decimal.toText(level.points)} points**`
      );
    }
    case 'rating': {
      const line = found.rating.find((candidate) => candidate.id === id);
      return (
        line &&
        `${title('rating', id, line.label)}\n\nWeighted total: ` +
          `${describeInterval(line.interval, valueWriter(undefined))}`
      );
    }
    case 'goal': {
      const goal = found.goals.find((candidate) => candidate.id === id);
      if (!goal) return undefined;
      const supporters = found.indicators
        .filter((indicator) => indicator.goal === id)
        .map((indicator) => `\`${indicator.id}\``);
      const perspective = goal.perspective ? `\n\nPerspective: ${goal.perspective}` : '';
      return (
        `${title('goal', id, goal.label)}${perspective}\n\nSupported by: ` +
        `${supporters.join(', ') || 'no indicator yet'}`
      );
    }
    case 'group': {
      const group = found.groups.find((candidate) => candidate.id === id);
      return (
        group &&
        `${title('group', id, group.label)}\n\nIndicators: ${group.indicators.map((member) => `\`${member}\``).join(', ') || 'none'}`
      );
    }
    case 'context': {
      const context = found.contexts.find((candidate) => candidate.id === id);
      if (!context) return undefined;
      const indicators = context.indicators.map((indicator) => `\`${indicator.id}\``).join(', ');
      const positions = context.node.overrides.flatMap((override) =>
        override.kind === 'PositionOverride' && override.position
          ? [`\`${override.position.text}\``]
          : [],
      );
      return (
        `${title('context', id, context.label)}\n\nChanges indicators: ` +
        `${indicators || 'none'}\n\nChanges positions: ${positions.join(', ') || 'none'}`
      );
    }
    case 'scale': {
      const scale = found.scales.find((candidate) => candidate.id === id);
      if (!scale) return undefined;
      const points = scale.points.map(
        (point) =>
          `| ${decimal.toText(point.value)} | ${cell(point.label.vi)} | ${cell(point.label.en)} |`,
      );
      return [
        title('scale', id, scale.label),
        '',
        `From ${decimal.toText(scale.low)} to ${decimal.toText(scale.high)}`,
        '',
        '| Point | Vietnamese | English |',
        '|---|---|---|',
        ...points,
      ].join('\n');
    }
    case 'framework': {
      const framework = found.framework;
      if (!framework) return undefined;
      const facts = [
        framework.version && `version ${framework.version}`,
        framework.effective && `effective ${framework.effective}`,
        framework.cycle && `rated every ${framework.cycle}`,
        `missing data: ${framework.missingData}`,
      ].filter(Boolean);
      return `${title('framework', id, framework.label)}\n\n${facts.join(' · ')}`;
    }
    case 'part': {
      const part = declarationOf(view.analysis.checked.files, 'PartDecl', id);
      return part && describePart(found, part, id);
    }
    case 'fact': {
      const fact = declarationOf(view.analysis.checked.files, 'WhenDecl', id);
      return fact && describeFact(found, fact, id);
    }
    case 'quota': {
      const quota = declarationOf(view.analysis.checked.files, 'QuotaDecl', id);
      return quota && describeQuota(quota, id);
    }
    case 'measure': {
      const users = occurrencesOf(view.index, 'measure', id).length;
      const indicators = found.indicators
        .filter((indicator) => indicator.measurement?.measures.includes(id))
        .map((indicator) => `\`${indicator.id}\``);
      return `**measure** \`${id}\`\n\nA measured value supplied with the data; named ${users} time(s), by ${indicators.join(', ') || 'no indicator'}.`;
    }
  }
}

function describeIndicator(found: model.Model, indicator: model.Indicator): string {
  const write = valueWriter(indicator.unit);
  const unit = indicator.unit
    ? indicator.unit.per
      ? `${indicator.unit.name} per ${indicator.unit.per}`
      : indicator.unit.name
    : undefined;
  const facts: [string, string | undefined][] = [
    ['Kind', indicator.kind],
    [
      'Measure',
      indicator.measurement &&
        `\`${indicator.measurement.text}\`${indicator.measurement.kind === 'survey' ? ' (survey mean)' : ''}`,
    ],
    ['Unit', unit],
    ['Better', indicator.direction],
    ['Target', indicator.target && describeInterval(indicator.target, write, indicator.domain)],
    [
      'Every',
      indicator.frequency &&
        (indicator.aggregation
          ? `${indicator.frequency}, aggregate ${indicator.aggregation}`
          : indicator.frequency),
    ],
    [
      'Source',
      indicator.source &&
        cell(
          indicator.source.vi === indicator.source.en
            ? indicator.source.vi
            : `${indicator.source.vi} / ${indicator.source.en}`,
        ),
    ],
    ['Goal', indicator.goal && `\`${indicator.goal}\``],
  ];
  const lines = [title('kpi', indicator.id, indicator.label), '', '| | |', '|---|---|'];
  for (const [name, value] of facts) if (value) lines.push(`| ${name} | ${value} |`);
  lines.push('', ...bandTable(found, indicator.bands, write, indicator.domain));

  const weights: string[] = [];
  for (const position of found.positions) {
    const weighted = position.indicators.find((entry) => entry.indicator === indicator.id);
    if (weighted) weights.push(`| \`${position.id}\` | ${percent(weighted.weight)} |`);
  }
  for (const context of found.contexts) {
    for (const position of context.positions) {
      const weighted = position.indicators.find((entry) => entry.indicator === indicator.id);
      const base = found.positions
        .find((candidate) => candidate.id === position.id)
        ?.indicators.find((entry) => entry.indicator === indicator.id);
      if (
        weighted &&
        (!base || decimal.compare(base.weight, weighted.weight) !== 0 || weighted.overrideNode)
      ) {
        const changed = weighted.overrideNode ? ', target or bands changed' : '';
        weights.push(
          `| \`${position.id}\` in \`${context.id}\` | ${percent(weighted.weight)}${changed} |`,
        );
      }
    }
  }
  if (weights.length > 0) lines.push('', '| Position | Weight |', '|---|---|', ...weights);
  else lines.push('', 'No position weights this indicator yet.');
  return lines.join('\n');
}

/**
 * A position's weights as written, and their sum as the weight check adds them, so the hover
 * and KPI201 always give the same total (an indicator the framework does not declare still
 * counts, and is marked).
 */
function describePosition(found: model.Model, position: model.Position): string {
  const lines = [title('position', position.id, position.label)];
  if (position.group) lines.push('', `Group: \`${position.group}\``);
  lines.push('', '| Indicator | Weight |', '|---|---|');
  let total = decimal.decimalFromInt(0);
  for (const assignment of position.node.assignments) {
    const name = assignment.indicator.text;
    const known = found.indicators.some((indicator) => indicator.id === name);
    const weight = assignment.weight ? percent(assignment.weight.value) : 'no weight';
    if (assignment.weight) total = decimal.add(total, assignment.weight.value);
    lines.push(`| \`${name}\`${known ? '' : ' (not declared)'} | ${weight} |`);
  }
  const complete = decimal.compare(total, decimal.decimalFromInt(100)) === 0;
  lines.push(`| **Total** | **${percent(total)}**${complete ? '' : ' (not 100%)'} |`);
  for (const context of found.contexts) {
    const there = context.positions.find((candidate) => candidate.id === position.id);
    if (there && there.overrideNode)
      lines.push('', `In \`${context.id}\`: total ${percent(there.total)}`);
  }
  return lines.join('\n');
}

/** A part's most points and the indicators that count toward it. */
function describePart(found: model.Model, part: ast.PartDecl, id: string): string {
  const points = part.points ? `**${part.points.text} points** of the total` : 'No points yet.';
  const members = found.indicators
    .filter((indicator) => indicator.node.part?.text === id)
    .map((indicator) => `\`${indicator.id}\``);
  return (
    `${title('part', id, toBilingual(part.label))}\n\n${points}\n\nIndicators: ` +
    `${members.join(', ') || 'none yet'}`
  );
}

/** Who a fact applies to, the rating it gives, and how the data gives it. */
function describeFact(found: model.Model, fact: ast.WhenDecl, id: string): string {
  const group = fact.group?.text;
  const applies = group ? `the positions of group \`${group}\`` : 'everyone';
  const line = fact.rating && found.rating.find((candidate) => candidate.id === fact.rating?.text);
  const rating = fact.rating
    ? `\`${fact.rating.text}\`${line ? ` (${escape(bothLanguages(line.label))})` : ''}`
    : 'no rating line yet';
  return [
    title('fact', id, toBilingual(fact.label)),
    '',
    `Applies to: ${applies}`,
    '',
    `When it holds, the rating is ${rating}, whatever the total.`,
    '',
    `Given with the data: a row whose measure is \`${id}\`, value 1 when it holds, 0 when not.`,
  ].join('\n');
}

/** A quota's limit, where it holds and the rank order, as sentences. */
function describeQuota(quota: ast.QuotaDecl, id: string): string {
  const limit = quota.limit;
  const sentence =
    limit?.limited && limit.share && limit.base
      ? `At most ${limit.share.text.replace(/%?$/, '%')} of the number rated ` +
        `\`${limit.base.text}\` may be rated \`${limit.limited.text}\`.`
      : 'The limit is not complete yet.';
  const lines = [title('quota', id, toBilingual(quota.label)), '', sentence];
  const sets = quota.within?.items.map((item) => `each ${item.text}`) ?? [];
  if (sets.length > 0) lines.push('', `Within ${sets.join(', then ')}.`);
  const keys = quota.rankBy?.items.map((key) => `\`${key.text}\``) ?? [];
  if (keys.length > 0) lines.push('', `Ranked by ${keys.join(', then ')}.`);
  return lines.join('\n');
}

function bandTable(
  found: model.Model,
  bands: model.Band[],
  write: (value: decimal.Decimal) => string,
  domain?: model.Domain,
): string[] {
  if (bands.length === 0) return ['No rating bands yet.'];
  const rows = bands.map((band) => {
    const level = found.levels.find((candidate) => candidate.id === band.level);
    const points = level ? decimal.toText(level.points) : '—';
    return `| ${band.level} | ${describeInterval(band.interval, write, domain)} | ${points} |`;
  });
  return ['| Band | Values | Points |', '|---|---|---|', ...rows];
}

function title(keyword: string, id: string, label: model.Bilingual): string {
  const text = bothLanguages(label);
  return `**${keyword}** \`${id}\`${text ? ` — ${escape(text)}` : ''}`;
}

function bothLanguages(label: model.Bilingual): string {
  return label.vi === label.en ? label.vi : `${label.vi} / ${label.en}`;
}

function percent(value: decimal.Decimal): string {
  return `${decimal.toText(value)}%`;
}

/** Text for a table cell: pipes and line breaks would end the cell. */
function cell(text: string): string {
  return escape(text)
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Markdown's special characters written as themselves. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#]/g, (char) => `\\${char}`);
}
