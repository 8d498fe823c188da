/**
 * A position prepared for scoring one cycle: each weighted indicator with its rule-set entry,
 * its measurement plan and the measures it reads, and which indicators read each measure.
 * Built once per position and context, and shared by every person who holds it.
 */
import type { Indicator, Measurement, Position, Unit, WeightedIndicator } from '@kpilang/rule-set';
import { measuresOf, type Expression } from './expression.js';
import type { LoadedRuleSet } from './load-rule-set.js';
import { planMeasurement, type MeasurementPlan } from './measurement-plan.js';
import type { CalendarPeriod, PeriodKind } from './period.js';

export interface IndicatorSetup {
  weighted: WeightedIndicator;
  indicator: Indicator;
  plan: MeasurementPlan;
  /** The formula tree; undefined for a survey or an indicator without measurement. */
  expression: Expression | undefined;
  /** The measures it reads, in order of first use. */
  measures: string[];
}

export interface PositionSetup {
  position: Position;
  /** The context id; undefined for the base rules. */
  context: string | undefined;
  /** The position's group (as the context has it, else as the base does); undefined for none. */
  group: string | undefined;
  indicators: IndicatorSetup[];
  /** The indicators that read each measure. */
  byMeasure: Map<string, IndicatorSetup[]>;
  /** The unit of each measure a survey reads: its answers must be points of that scale. */
  surveyUnits: Map<string, Unit | undefined>;
}

/** The group of position `id`: as `context` has it, else as the base does; undefined for none. */
export function positionGroup(
  rules: LoadedRuleSet,
  id: string,
  context: string | undefined,
): string | undefined {
  return rules.position(id, context)?.group ?? rules.position(id)?.group;
}

export function setUpPosition(
  rules: LoadedRuleSet,
  position: Position,
  context: string | undefined,
  scored: CalendarPeriod,
  cycle: PeriodKind,
): PositionSetup {
  const setup: PositionSetup = {
    position,
    context,
    group: positionGroup(rules, position.id, context),
    indicators: [],
    byMeasure: new Map(),
    surveyUnits: new Map(),
  };

  for (const weighted of position.indicators) {
    // loadRuleSet has checked that every weighted indicator exists.
    const indicator = rules.indicator(weighted.indicator);
    if (indicator === undefined) throw new Error(`Unknown indicator "${weighted.indicator}".`);
    const expression = formulaExpression(indicator.measurement);
    const measures =
      expression !== undefined ? measuresOf(expression) : (indicator.measurement?.measures ?? []);
    const item: IndicatorSetup = {
      weighted,
      indicator,
      plan: planMeasurement(indicator, scored, cycle),
      expression,
      measures,
    };
    setup.indicators.push(item);

    for (const measure of measures) {
      const readers = setup.byMeasure.get(measure) ?? [];
      readers.push(item);
      setup.byMeasure.set(measure, readers);
      if (indicator.measurement?.kind === 'survey') setup.surveyUnits.set(measure, indicator.unit);
    }
  }
  return setup;
}

/** The formula tree of a measurement, when it is a formula. */
function formulaExpression(measurement: Measurement | undefined): Expression | undefined {
  return measurement?.kind === 'formula' ? measurement.expression : undefined;
}
