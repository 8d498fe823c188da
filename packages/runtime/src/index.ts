/**
 * @kpilang/runtime: scores measured data against a compiled kpilang rule set. It reads rule
 * sets through @kpilang/rule-set alone, never the parser, and computes in exact rational
 * arithmetic: indicator values, bands, points, weighted totals and overall ratings, with the
 * inputs each came from and an explicit reason wherever data is missing.
 */
export {
  loadRuleSet,
  RuleSetError,
  type LoadedRuleSet,
  type RuleSetIssue,
} from './load-rule-set.js';
export { readRowsCsv } from './read-rows-csv.js';
export { readRowsJson } from './read-rows-json.js';
export {
  COLUMNS,
  DataFileError,
  type Column,
  type DataRow,
  type Rejection,
  type RejectionCode,
  type RowsRead,
} from './data-row.js';
export { score, scorePeople, ScoreError, type ScoreOptions, type ScoreStream } from './score.js';
export type {
  Adjustment,
  BandMatch,
  ConditionAdjustment,
  FactResult,
  FormulaInput,
  IndicatorResult,
  IndicatorStatus,
  NotRated,
  NotRatedReason,
  PartResult,
  PeriodResult,
  PersonResult,
  PersonStatus,
  QuotaAdjustment,
  QuotaSet,
  RankKeyValue,
  RatingMatch,
  ScoreResult,
  SurveyInput,
} from './results.js';
export { DISPLAY_PLACES, type ExactNumber } from './exact-number.js';
export { Rational } from './rational.js';
export {
  PERIOD_FORMS,
  parsePeriod,
  periodWithin,
  periodsWithin,
  type CalendarPeriod,
  type PeriodKind,
} from './period.js';
export {
  evaluateExpression,
  writeExpression,
  type Evaluation,
  type Expression,
} from './expression.js';
