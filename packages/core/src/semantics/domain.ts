/**
 * The domain of the rated value: the set of values the bands of an indicator must cover,
 * after the measurement and the aggregation over the cycle. A single count or Likert answer
 * is a whole number, and so is a count per month measured monthly; a survey mean, a ratio, a
 * mean over periods or a rate over a longer period is not; a sum over the weeks of a cycle
 * can reach several times the unit's top.
 */
import type * as ast from '../syntax/ast.js';
import { decimalFromInt, mul } from '../util/decimal.js';
import { unwrapParens, walkExpr } from './convert.js';
import type { Aggregation, Domain, Period, UnitInfo } from './model.js';
import { comparePeriods, periodsWithin } from './periods.js';
import { coveredPeriod, isWholeRate } from './rates.js';

/** What the domain depends on besides the unit. */
export interface DomainInputs {
  measurement?: ast.Measurement;
  frequency?: Period;
  cycle?: Period;
  aggregation?: Aggregation;
}

/**
 * The rated value's domain. The aggregation counts only when the indicator is measured more
 * often than the cycle, since otherwise there is nothing to combine. A rate is whole only
 * when it counts whole things over exactly its own period (see `rates.ts`).
 */
export function ratedDomain(unit: UnitInfo, inputs: DomainInputs): Domain {
  const { frequency, cycle, aggregation } = inputs;
  const whole = unit.per
    ? isWholeRate(unit, coveredPeriod(frequency, cycle, aggregation))
    : unit.integer;
  const single: Domain = {
    low: unit.low,
    high: unit.high,
    integer: whole && !isFractional(inputs.measurement),
  };
  if (!frequency || !cycle || !aggregation || comparePeriods(frequency, cycle) >= 0) return single;

  if (aggregation === 'mean') return { ...single, integer: false };
  if (aggregation !== 'sum') return single;

  // A sum over the periods of one cycle: up to `periods` values, at least one of them.
  const periods = decimalFromInt(periodsWithin(frequency, cycle));
  return {
    low: single.low,
    high: single.high && mul(single.high, periods),
    integer: single.integer,
  };
}

/**
 * True when a measurement can give a value between whole numbers even on a whole-number
 * unit: a survey mean, a division, or a mean of several measures.
 */
function isFractional(measurement: ast.Measurement | undefined): boolean {
  if (!measurement) return false;
  if (measurement.kind === 'SurveyMeasurement') return true;

  let fractional = false;
  walkExpr(unwrapParens(measurement.formula), (node) => {
    if (node.kind === 'Binary' && node.op === '/') fractional = true;
    if (node.kind === 'Call' && node.callee.text === 'mean') fractional = true;
    if (node.kind === 'NumberExpr' && node.value.value.scale > 0) fractional = true;
  });
  return fractional;
}
