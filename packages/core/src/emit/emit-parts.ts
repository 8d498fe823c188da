/**
 * Conversions from pieces of the resolved model to pieces of the rule set: exact decimals to
 * their text, intervals, bands, indicators and positions. Each function is pure and keeps
 * the order of the lists it is given; `emit.ts` assembles the parts.
 */
import type * as rules from '@kpilang/rule-set';
import type * as model from '../semantics/model.js';
import { toText, type Decimal } from '../util/decimal.js';
import { toExpression } from './emit-expression.js';

/** The exact decimal text of `value`, or undefined when there is no value. */
export function decimalText(value: Decimal): string;
export function decimalText(value: Decimal | undefined): string | undefined;
export function decimalText(value: Decimal | undefined): string | undefined {
  return value === undefined ? undefined : toText(value);
}

/** A copy of `value` without the keys whose value is undefined, so JSON has no holes. */
export function withoutUndefined<T extends object>(value: T): T {
  const entries = Object.entries(value).filter(([, field]) => field !== undefined);
  return Object.fromEntries(entries) as T;
}

export function toBilingual(label: model.Bilingual): rules.Bilingual {
  return { vi: label.vi, en: label.en };
}

export function toInterval(interval: model.Interval): rules.Interval {
  return withoutUndefined({
    low: decimalText(interval.low),
    lowInclusive: interval.low !== undefined && interval.lowInclusive,
    high: decimalText(interval.high),
    highInclusive: interval.high !== undefined && interval.highInclusive,
  });
}

export function toBands(bands: readonly model.Band[]): rules.Band[] {
  return bands.map((band) => ({ level: band.level, interval: toInterval(band.interval) }));
}

/** An indicator as declared; `missingData` is the rule in effect (its own or the framework's). */
export function toIndicator(
  indicator: model.Indicator,
  framework: model.Framework,
): rules.Indicator {
  return withoutUndefined({
    id: indicator.id,
    label: toBilingual(indicator.label),
    kind: indicator.kind,
    measurement: indicator.measurement && toMeasurement(indicator.measurement, indicator.id),
    unit: indicator.unit && toUnit(indicator.unit),
    direction: indicator.direction,
    target: indicator.target && toInterval(indicator.target),
    bands: toBands(indicator.bands),
    scoring: indicator.scoring,
    part: indicator.part,
    frequency: indicator.frequency,
    aggregation: indicator.aggregation,
    between: indicator.between,
    source: indicator.source && toBilingual(indicator.source),
    goal: indicator.goal,
    missingData: indicator.missingData ?? framework.missingData,
    domain: indicator.domain && toDomain(indicator.domain),
  });
}

export function toPosition(position: model.Position): rules.Position {
  return withoutUndefined({
    id: position.id,
    label: toBilingual(position.label),
    group: position.group,
    indicators: position.indicators.map(toWeightedIndicator),
    total: toText(position.total),
  });
}

function toWeightedIndicator(weighted: model.WeightedIndicator): rules.WeightedIndicator {
  return withoutUndefined({
    indicator: weighted.indicator,
    weight: toText(weighted.weight),
    target: weighted.target && toInterval(weighted.target),
    bands: toBands(weighted.bands),
  });
}

/**
 * A formula with its expression tree, or a survey. Throws when a formula's tree is incomplete
 * (a hole left by parse recovery, an unknown function): the checker reports those as errors,
 * and a model with errors is never emitted, so this is a broken assumption, not user input.
 */
function toMeasurement(measurement: model.Measurement, indicatorId: string): rules.Measurement {
  if (measurement.kind === 'survey') {
    return withoutUndefined({
      kind: 'survey',
      text: measurement.text,
      measures: [...measurement.measures],
      minimumResponses: decimalText(measurement.minimumResponses),
    });
  }

  const node = measurement.node;
  const expression = toExpression(node.kind === 'FormulaMeasurement' ? node.formula : undefined);
  if (!expression) {
    throw new Error(
      `kpic cannot emit the formula of '${indicatorId}' (${measurement.text}): part of it is ` +
        'missing, which the checker should have reported (a bug in kpic).',
    );
  }
  return withoutUndefined({
    kind: 'formula',
    text: measurement.text,
    measures: [...measurement.measures],
    ratio: measurement.ratio && { ...measurement.ratio },
    expression,
  });
}

function toUnit(unit: model.UnitInfo): rules.Unit {
  return withoutUndefined({
    name: unit.name,
    per: unit.per,
    low: decimalText(unit.low),
    high: decimalText(unit.high),
    integer: unit.integer,
    scale: unit.scale,
  });
}

function toDomain(domain: model.Domain): rules.Domain {
  return withoutUndefined({
    low: decimalText(domain.low),
    high: decimalText(domain.high),
    integer: domain.integer,
  });
}
