/**
 * One indicator of one person: the value of each measured period from its rows (a formula
 * over the sums of its measures, or the mean of a survey's answers), the periods combined
 * into the rated value by the indicator's aggregation, and the band that value falls in (none
 * for an indicator that earns its points in proportion to its value). What the missing-data
 * rule then does is up to `score-person`.
 */
import type { Aggregation, Band } from '@kpilang/rule-set';
import { decimal, findBand, pointsOf, toBandMatch } from './band.js';
import type { AcceptedRow } from './check-rows.js';
import { toExactNumber } from './exact-number.js';
import { evaluateExpression, isRatio, writeExpression } from './expression.js';
import { KIND_NOUN, kindRank, periodWithin, periodsWithin, type CalendarPeriod } from './period.js';
import type { IndicatorSetup } from './position-setup.js';
import type { ScoringContext } from './scoring-context.js';
import { Rational, maxRational, minRational, sumRationals } from './rational.js';
import type { FormulaInput, NotRated, PeriodResult, SurveyInput } from './results.js';

/** The value of an indicator before its missing-data rule and weight are applied. */
export interface MeasuredIndicator {
  periods: PeriodResult[];
  /** How the periods were combined; null when one period gives the value. */
  aggregation: Aggregation | null;
  /** The rated value, rounded when the framework rounds values. */
  value: Rational | undefined;
  /** The value before rounding, when the framework rounds values; else undefined. */
  unrounded: Rational | undefined;
  band: Band | undefined;
  notRated: NotRated | undefined;
  rows: number[];
  /** How the value was reached, for the explanation: `19 / 20 × 100 = 95 in 2024-Q1`. */
  summary: string;
}

export function measureIndicator(
  item: IndicatorSetup,
  rowsByMeasure: ReadonlyMap<string, AcceptedRow[]>,
  context: ScoringContext,
): MeasuredIndicator {
  const { indicator, plan } = item;
  const aggregation =
    kindRank(plan.frequency) < kindRank(context.cycle) ? (indicator.aggregation ?? null) : null;
  const none = { value: undefined, unrounded: undefined, band: undefined };
  const empty = { periods: [], aggregation, ...none, rows: [] };
  if (indicator.measurement === undefined) {
    const notRated: NotRated = {
      reason: 'no-measurement',
      message: `Indicator "${indicator.id}" has no measurement in the rule set.`,
    };
    return { ...empty, notRated, summary: notRated.message };
  }
  if (plan.kind === 'between') {
    const notRated: NotRated = {
      reason: 'between-measurements',
      message:
        `Measured every ${KIND_NOUN[plan.frequency]} and rated in ${plan.ratedIn.text}; ` +
        `${context.scored} lies between its measurements, for which it says "missing".`,
    };
    return { ...empty, notRated, summary: notRated.message };
  }

  const periods = plan.periods.map((period) =>
    measurePeriod(item, period, plan.carried, rowsByMeasure),
  );
  const rows = periods.flatMap((period) => period.rows).sort((a, b) => a - b);
  const results = periods.map((period) => period.result);
  const missing = periods.filter((period) => period.value === undefined);
  if (missing.length > 0) {
    const notRated = combineMissing(missing);
    return { periods: results, aggregation, ...none, rows, notRated, summary: '' };
  }

  const values = periods.map((period) => period.value as Rational);
  const proportional = indicator.scoring === 'proportional';
  if (aggregation === 'every') {
    return proportional
      ? rateEveryInProportion(item, periods, aggregation, rows, context)
      : rateEvery(item, periods, aggregation, rows, context);
  }

  const exact = aggregate(aggregation, values);
  const places = context.rounding.values;
  const value = places === undefined ? exact : exact.round(places);
  const unrounded = places === undefined ? undefined : exact;
  const band = proportional ? undefined : findBand(item.weighted.bands, value);
  let summary = summarise(aggregation, periods, exact);
  if (places !== undefined) summary += `, rounded to ${decimals(places)}: ${valueText(value)}`;
  const base = { periods: results, aggregation, value, unrounded, band, rows, summary };
  if (proportional) return { ...base, notRated: pointsRangeProblem(item, value) };
  if (band === undefined) {
    const notRated: NotRated = {
      reason: 'no-band',
      message: `No band of "${indicator.id}" holds the value ${valueText(value)}.`,
    };
    return { ...base, notRated };
  }
  return { ...base, notRated: undefined };
}

/** "1 decimal", "2 decimals". */
export function decimals(places: number): string {
  return `${places} ${places === 1 ? 'decimal' : 'decimals'}`;
}

interface MeasuredPeriod {
  result: PeriodResult;
  value: Rational | undefined;
  rows: number[];
}

function measurePeriod(
  item: IndicatorSetup,
  period: CalendarPeriod,
  carried: boolean,
  rowsByMeasure: ReadonlyMap<string, AcceptedRow[]>,
): MeasuredPeriod {
  const rowsOf = (measure: string): AcceptedRow[] => {
    const found: AcceptedRow[] = [];
    for (const row of rowsByMeasure.get(measure) ?? []) {
      if (periodWithin(row.period, period)) found.push(row);
    }
    return found;
  };
  const measured =
    item.indicator.measurement?.kind === 'survey'
      ? measureSurvey(item, period, rowsOf)
      : measureFormula(item, period, rowsOf);

  const result: PeriodResult = {
    period: period.text,
    carried,
    inputs: measured.inputs,
    survey: measured.survey,
    computation: null,
    value: null,
    notRated: measured.notRated ?? null,
    roundedValue: null,
    band: null,
  };
  if (measured.value === undefined) return { result, value: undefined, rows: measured.rows };

  // A rate measured over a longer period than its own is that period's figure shared out:
  // 6 in a quarter is 2 per month.
  let value = measured.value;
  let computation = measured.computation;
  const per = item.indicator.unit?.per;
  if (per !== undefined && kindRank(item.plan.frequency) > kindRank(per)) {
    const count = periodsWithin(period, per).length;
    value = value.divide(Rational.integer(count));
    computation = `${computation} ÷ ${count} ${KIND_NOUN[per]}s`;
  }
  result.computation = `${computation} = ${valueText(value)}`;

  const range = rangeProblem(item, period, value);
  if (range !== undefined) {
    result.notRated = range;
    return { result, value: undefined, rows: measured.rows };
  }
  result.value = toExactNumber(value);
  return { result, value, rows: measured.rows };
}

interface PeriodMeasurement {
  inputs: FormulaInput[];
  survey: SurveyInput | null;
  value: Rational | undefined;
  computation: string;
  notRated: NotRated | undefined;
  rows: number[];
}

function measureFormula(
  item: IndicatorSetup,
  period: CalendarPeriod,
  rowsOf: (measure: string) => AcceptedRow[],
): PeriodMeasurement {
  const sums = new Map<string, Rational>();
  const inputs: FormulaInput[] = [];
  const rows: number[] = [];
  const noData: string[] = [];
  const blank: string[] = [];
  for (const measure of item.measures) {
    const found = rowsOf(measure);
    const measureRows: number[] = [];
    const blankRows: number[] = [];
    let sum = Rational.ZERO;
    for (const row of found) {
      measureRows.push(row.row);
      if (row.value === null) blankRows.push(row.row);
      else sum = sum.add(row.value);
    }
    const known = found.length > 0 && blankRows.length === 0;
    if (known) sums.set(measure, sum);
    if (found.length === 0) noData.push(measure);
    if (blankRows.length > 0) blank.push(`${measure} (${rowList(blankRows)})`);
    rows.push(...measureRows);
    inputs.push({
      measure,
      value: known ? toExactNumber(sum) : null,
      rows: measureRows,
      blankRows,
    });
  }

  const base = { inputs, survey: null, computation: '', rows };
  if (blank.length > 0) {
    return {
      ...base,
      value: undefined,
      notRated: {
        reason: 'blank-cell',
        message: `${period.text}: blank value for ${blank.join(', ')}.`,
      },
    };
  }
  if (noData.length > 0) {
    const names = noData.map((measure) => `"${measure}"`).join(', ');
    return {
      ...base,
      value: undefined,
      notRated: { reason: 'no-data', message: `${period.text}: no row gives ${names}.` },
    };
  }

  const expression = item.expression;
  if (expression === undefined) throw new Error('A formula without its expression.');
  const evaluation = evaluateExpression(
    expression,
    (measure) => sums.get(measure) ?? Rational.ZERO,
  );
  if (!evaluation.ok) {
    const denominator = writeExpression(evaluation.zeroDenominator);
    return {
      ...base,
      value: undefined,
      notRated: {
        reason: 'zero-denominator',
        message:
          `${period.text}: the denominator ${denominator} is zero, so the formula has ` +
          `no value.`,
      },
    };
  }

  let computation = writeExpression(expression, (measure) =>
    (sums.get(measure) ?? Rational.ZERO).toExactText(),
  );
  let value = evaluation.value;
  // On a percent indicator a ratio is a share, reported as a percentage: 19 of 20 is 95.
  if (item.indicator.unit?.name === 'percent' && isRatio(expression)) {
    value = value.multiply(Rational.HUNDRED);
    computation = `${computation} × 100`;
  }
  return { ...base, value, computation, notRated: undefined };
}

function measureSurvey(
  item: IndicatorSetup,
  period: CalendarPeriod,
  rowsOf: (measure: string) => AcceptedRow[],
): PeriodMeasurement {
  const measure = item.measures[0] ?? '';
  const found = rowsOf(measure);
  const blankRows = found.filter((row) => row.value === null).map((row) => row.row);
  const answers = found.flatMap((row) => (row.value === null ? [] : [row.value]));
  const minimumText =
    item.indicator.measurement?.kind === 'survey'
      ? item.indicator.measurement.minimumResponses
      : undefined;
  const minimum = minimumText === undefined ? Rational.ONE : decimal(minimumText);
  const enough = answers.length > 0 && Rational.integer(answers.length).compare(minimum) >= 0;
  const sum = sumRationals(answers);
  const mean = enough ? sum.divide(Rational.integer(answers.length)) : undefined;

  const survey: SurveyInput = {
    measure,
    responses: answers.length,
    minimum: toExactNumber(minimum),
    mean: mean === undefined ? null : toExactNumber(mean),
    rows: found.map((row) => row.row),
    blankRows,
  };
  const base = { inputs: [], survey, rows: survey.rows };
  if (mean !== undefined) {
    return {
      ...base,
      value: mean,
      computation: `${sum.toExactText()} / ${answers.length}`,
      notRated: undefined,
    };
  }

  const blanks = blankRows.length > 0 ? ` (${blankRows.length} blank: ${rowList(blankRows)})` : '';
  const notRated: NotRated =
    answers.length === 0 && blankRows.length > 0
      ? {
          reason: 'blank-cell',
          message: `${period.text}: every answer to "${measure}" is blank${blanks}.`,
        }
      : answers.length === 0
        ? { reason: 'no-data', message: `${period.text}: no answer to "${measure}".` }
        : {
            reason: 'too-few-responses',
            message:
              `${period.text}: ${answers.length} ` +
              `${answers.length === 1 ? 'answer' : 'answers'} to ` +
              `"${measure}"${blanks}; the survey needs at least ${minimum.toExactText()}.`,
          };
  return { ...base, value: undefined, computation: '', notRated };
}

/** A period value outside the range of one measured value of the unit (a share above 100). */
function rangeProblem(
  item: IndicatorSetup,
  period: CalendarPeriod,
  value: Rational,
): NotRated | undefined {
  const unit = item.indicator.unit;
  if (unit === undefined) return undefined;
  const below = unit.low !== undefined && value.compare(decimal(unit.low)) < 0;
  const above = unit.high !== undefined && value.compare(decimal(unit.high)) > 0;
  if (!below && !above) return undefined;
  const range =
    unit.high === undefined ? `from ${unit.low ?? ''}` : `${unit.low ?? '…'} to ${unit.high}`;
  return {
    reason: 'out-of-range',
    message:
      `${period.text}: the value ${valueText(value)} lies outside the range of ` +
      `${unit.name}, ${range}.`,
  };
}

function aggregate(aggregation: Aggregation | null, values: readonly Rational[]): Rational {
  const [first, ...rest] = values;
  if (first === undefined) throw new Error('No period to aggregate.');
  switch (aggregation) {
    case null:
    case 'every':
      return first;
    case 'mean':
      return sumRationals(values).divide(Rational.integer(values.length));
    case 'sum':
      return sumRationals(values);
    case 'min':
      return rest.reduce(minRational, first);
    case 'max':
      return rest.reduce(maxRational, first);
    case 'last':
      return values[values.length - 1] ?? first;
  }
}

/**
 * `aggregate every`: each period is rated on its own, and the worst one decides. When the
 * framework rounds values, each period's value is rounded before its band is found, since
 * each is a rated value here.
 */
function rateEvery(
  item: IndicatorSetup,
  periods: readonly MeasuredPeriod[],
  aggregation: Aggregation,
  rows: number[],
  context: ScoringContext,
): MeasuredIndicator {
  const { levelOf } = context;
  const places = context.rounding.values;
  let worst: { rated: RatedPeriod; band: Band } | undefined;
  const unbanded: string[] = [];
  for (const rated of roundPeriods(periods, places)) {
    const band = findBand(item.weighted.bands, rated.value);
    if (band === undefined) {
      unbanded.push(rated.period.result.period);
      continue;
    }
    rated.period.result.band = toBandMatch(band, levelOf(band.level));
    const points = pointsOf(levelOf(band.level));
    if (worst === undefined || points.compare(pointsOf(levelOf(worst.band.level))) < 0) {
      worst = { rated, band };
    }
  }

  if (unbanded.length > 0 || worst === undefined) {
    const notRated: NotRated = {
      reason: 'no-band',
      message: `No band of "${item.indicator.id}" holds the value of ${unbanded.join(', ')}.`,
    };
    const none = { value: undefined, unrounded: undefined, band: undefined };
    const results = periods.map((period) => period.result);
    return { periods: results, aggregation, ...none, rows, notRated, summary: '' };
  }

  const every = { periods, aggregation, rows, places };
  return decidedBy(every, worst.rated, { word: 'worst', band: worst.band, notRated: undefined });
}

/**
 * `aggregate every` in proportion: each period's value (rounded, when the framework rounds
 * values) earns its own points, so the lowest value earns the fewest and decides (the earliest
 * such period on a tie).
 */
function rateEveryInProportion(
  item: IndicatorSetup,
  periods: readonly MeasuredPeriod[],
  aggregation: Aggregation,
  rows: number[],
  context: ScoringContext,
): MeasuredIndicator {
  const places = context.rounding.values;
  let lowest: RatedPeriod | undefined;
  for (const rated of roundPeriods(periods, places)) {
    if (lowest === undefined || rated.value.compare(lowest.value) < 0) lowest = rated;
  }
  if (lowest === undefined) throw new Error('No period to rate.');

  const every = { periods, aggregation, rows, places };
  const notRated = pointsRangeProblem(item, lowest.value);
  return decidedBy(every, lowest, { word: 'lowest', band: undefined, notRated });
}

/** A period of `aggregate every` with the value it is rated on. */
interface RatedPeriod {
  period: MeasuredPeriod;
  /** The period's value, rounded when the framework rounds values. */
  value: Rational;
}

/** The periods of `aggregate every`, and what the result of their rating carries. */
interface EveryPeriods {
  periods: readonly MeasuredPeriod[];
  aggregation: Aggregation;
  rows: number[];
  /** The decimals values are rounded to; undefined when the framework does not round them. */
  places: number | undefined;
}

/**
 * Each period with the value it is rated on: its value, rounded when the framework rounds
 * values, in which case the rounded value is also written into the period's result.
 */
function roundPeriods(
  periods: readonly MeasuredPeriod[],
  places: number | undefined,
): RatedPeriod[] {
  return periods.map((period) => {
    const exact = period.value as Rational;
    const value = places === undefined ? exact : exact.round(places);
    if (places !== undefined) period.result.roundedValue = toExactNumber(value);
    return { period, value };
  });
}

/**
 * The result of `aggregate every` once one period decides it: that period's value (and its
 * value before rounding), with a summary that lists every period's value and names the one
 * that decides as the `word` one.
 */
function decidedBy(
  every: EveryPeriods,
  decider: RatedPeriod,
  outcome: { word: string; band: Band | undefined; notRated: NotRated | undefined },
): MeasuredIndicator {
  const { periods, aggregation, rows, places } = every;
  return {
    periods: periods.map((period) => period.result),
    aggregation,
    value: decider.value,
    unrounded: places === undefined ? undefined : (decider.period.value as Rational),
    band: outcome.band,
    rows,
    notRated: outcome.notRated,
    summary: everySummary(every, decider, outcome.word),
  };
}

/** `every period rated on its own (2024-01: 90, 2024-02: 80); the worst is 2024-02, 80`. */
function everySummary(every: EveryPeriods, decider: RatedPeriod, word: string): string {
  const names = every.periods.map(
    (period) =>
      `${period.result.period}: ` +
      `${period.result.roundedValue?.exact ?? period.result.value?.exact ?? '?'}`,
  );
  const rounded = every.places === undefined ? '' : `, rounded to ${decimals(every.places)}`;
  return (
    `every period rated on its own (${names.join(', ')}${rounded}); the ${word} is ` +
    `${decider.period.result.period}, ${valueText(decider.value)}`
  );
}

/**
 * A value in proportion earns itself as points, out of 100, so it must lie in 0..100 (a sum
 * of monthly percentages may not).
 */
function pointsRangeProblem(item: IndicatorSetup, value: Rational): NotRated | undefined {
  if (value.compare(Rational.ZERO) >= 0 && value.compare(Rational.HUNDRED) <= 0) return undefined;
  return {
    reason: 'out-of-range',
    message:
      `The rated value ${valueText(value)} of "${item.indicator.id}" lies outside 0 to 100, ` +
      'the points a value in proportion can earn.',
  };
}

function summarise(
  aggregation: Aggregation | null,
  periods: readonly MeasuredPeriod[],
  value: Rational,
): string {
  const only = periods[0];
  if (periods.length === 1 && only !== undefined) {
    return (
      `${only.result.computation ?? valueText(value)} in ` +
      `${only.result.period}${only.result.carried ? ' (carried)' : ''}`
    );
  }
  const values = periods.map((period) => period.result.value?.exact ?? '?');
  const listed = periods
    .map((period) => `${period.result.period}: ${period.result.value?.exact ?? '?'}`)
    .join(', ');
  switch (aggregation) {
    case 'sum':
      return `sum ${values.join(' + ')} = ${valueText(value)} (${listed})`;
    case 'last':
      return (
        `last period, ${periods[periods.length - 1]?.result.period ?? ''}: ` +
        `${valueText(value)} (${listed})`
      );
    default:
      return `${aggregation ?? 'value'}(${values.join(', ')}) = ${valueText(value)} (${listed})`;
  }
}

/** An indicator without a value for want of some periods: the first reason, every message. */
function combineMissing(missing: readonly MeasuredPeriod[]): NotRated {
  const reasons = missing.flatMap((period) =>
    period.result.notRated === null ? [] : [period.result.notRated],
  );
  const [first] = reasons;
  const shown = reasons.slice(0, 3).map((reason) => reason.message);
  if (reasons.length > 3) shown.push(`${reasons.length - 3} more periods have no value.`);
  return { reason: first?.reason ?? 'no-data', message: shown.join(' ') };
}

/** A value as the explanations write it: exact decimal text, or a fraction with its rounding. */
export function valueText(value: Rational): string {
  const decimalText = value.toDecimalText();
  return decimalText ?? `${value.toFractionText()} (≈ ${value.toDisplayText(4)})`;
}

function rowList(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'row' : 'rows'} ${rows.join(', ')}`;
}
