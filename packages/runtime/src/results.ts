/**
 * The shape of a scoring result: per person, per indicator and per measured period, with the
 * inputs each value came from, so that every number can be checked by hand. Results are plain
 * data: every computed number is an `ExactNumber` (text), every count a whole JavaScript
 * number, every absent value `null`; `JSON.stringify` writes them as they are.
 */
import type {
  Aggregation,
  BetweenRule,
  Bilingual,
  Interval,
  MissingDataRule,
  RankKey,
  Scoring,
} from '@kpilang/rule-set';
import type { Rejection } from './data-row.js';
import type { ExactNumber } from './exact-number.js';
import type { PeriodKind } from './period.js';

/** Why an indicator, or one measured period of it, has no value. */
export type NotRatedReason =
  /** No row gives a measure the formula or survey needs, in a period it needs. */
  | 'no-data'
  /** A row gives the measure, but its value cell is blank. */
  | 'blank-cell'
  /** A survey has fewer answers in the period than its minimum. */
  | 'too-few-responses'
  /** A division in the formula has a zero denominator (0 / 0 included). */
  | 'zero-denominator'
  /**
   * The indicator is measured less often than the cycle, says `between measurements
   * missing`, and the scored cycle is not the one its measurement is rated in.
   */
  | 'between-measurements'
  /** A period's value lies outside the range of the indicator's unit (a share above 100%). */
  | 'out-of-range'
  /** No band of the indicator (as the position has it) contains the value. */
  | 'no-band'
  /** The indicator has no measurement in the rule set. */
  | 'no-measurement';

export interface NotRated {
  reason: NotRatedReason;
  /** One or more sentences for people, naming the measures, periods and rows concerned. */
  message: string;
}

/** A band matched by a value (or given by the `lowest` missing-data rule). */
export interface BandMatch {
  /** The level's id. */
  level: string;
  label: Bilingual;
  points: ExactNumber;
  interval: Interval;
  /** The interval in the words of the language: `from 80 to under 95`. */
  condition: string;
}

/** A measure of a formula in one period: the sum of its rows. */
export interface FormulaInput {
  measure: string;
  /** The sum of the rows' values; null when a row is blank or no row gives the measure. */
  value: ExactNumber | null;
  /** The rows summed (blank ones included). */
  rows: number[];
  /** The rows whose value cell is blank. */
  blankRows: number[];
}

/** A survey in one period: its answers. */
export interface SurveyInput {
  measure: string;
  /** The answers counted: rows with a value. */
  responses: number;
  /** The fewest answers the survey needs in a period. */
  minimum: ExactNumber;
  /** The mean of the answers; null when there are fewer than the minimum. */
  mean: ExactNumber | null;
  /** Every row of the survey in the period, blank ones included. */
  rows: number[];
  /** Rows whose value cell is blank; they are not answers. */
  blankRows: number[];
}

/** One measured period of an indicator: its inputs and its value. */
export interface PeriodResult {
  period: string;
  /**
   * True when the period lies before the scored cycle and its value is carried into it (an
   * indicator measured less often than the cycle, with `between measurements carry`).
   */
  carried: boolean;
  /** For a formula: each measure it names, in order of first use. Empty for a survey. */
  inputs: FormulaInput[];
  /** For a survey: its answers. Null for a formula. */
  survey: SurveyInput | null;
  /** The arithmetic with the inputs written in: `19 / 20 × 100 = 95`. Null without a value. */
  computation: string | null;
  value: ExactNumber | null;
  notRated: NotRated | null;
  /**
   * With `aggregate every` in a framework that rounds values: this period's value rounded,
   * which its band is found for. Null otherwise.
   */
  roundedValue: ExactNumber | null;
  /** With `aggregate every`, the band this period's value earns. Null otherwise. */
  band: BandMatch | null;
}

/**
 * What became of an indicator. `rated`: from data. The other three have no value, and the
 * indicator's missing-data rule decided: `lowest` rates it at the lowest level of its bands,
 * `excluded` leaves it out and spreads its weight over the others, `unrated` leaves the
 * person without a total.
 */
export type IndicatorStatus = 'rated' | 'lowest' | 'excluded' | 'unrated';

export interface IndicatorResult {
  indicator: string;
  label: Bilingual;
  status: IndicatorStatus;
  /**
   * How its value earns points: `bands` (the points of the band's level) or `proportional`
   * (a percentage earns its own value as points, and `band` is null).
   */
  scoring: Scoring;
  /** The part of the total it counts toward; null when the rule set declares no parts. */
  part: string | null;
  /** The weight the position gives it, in percent. */
  weight: ExactNumber;
  /** The missing-data rule in effect for it. */
  missingData: MissingDataRule;
  /** The period its values cover (its `every`, or the cycle when it says none). */
  frequency: PeriodKind;
  /** How its periods were combined; null when one period gives the value. */
  aggregation: Aggregation | null;
  /** Its rule for the cycles between measurements, when it is measured less often. */
  between: BetweenRule | null;
  /**
   * The rated value: the aggregate of its periods (for `every`, the worst period's value),
   * rounded when the framework rounds values (`framework.rounding.values`).
   */
  value: ExactNumber | null;
  /** The rated value before rounding, when the framework rounds values; else null. */
  unroundedValue: ExactNumber | null;
  /** Why there is no value; null when there is one. */
  notRated: NotRated | null;
  /**
   * The band the value falls in, or the lowest band for `lowest`; null otherwise, and always
   * null for proportional scoring.
   */
  band: BandMatch | null;
  /**
   * The points it earns: its band's level's, or with proportional scoring the rated value
   * itself (0 for `lowest`); null when excluded or unrated.
   */
  points: ExactNumber | null;
  /**
   * The weight it counts with: its own when nothing is excluded, else scaled up so the
   * weights that count sum to 100 (weight × 100 / the sum of the weights that count). Null
   * when it does not count.
   */
  effectiveWeight: ExactNumber | null;
  /** points × effectiveWeight / 100; the person's total is the sum of these. */
  contribution: ExactNumber | null;
  /** Every measured period used, in time order. */
  periods: PeriodResult[];
  /** Every data row used, ascending. */
  rows: number[];
  /** How the result was reached, in one paragraph for people. */
  explanation: string;
}

/**
 * `complete`: every indicator rated from data. `incomplete`: a total and a rating, but some
 * indicator was excluded or rated at its lowest level for want of data. `unrated`: no total
 * (an indicator whose rule is `unrated` had no value, or none could be rated).
 */
export type PersonStatus = 'complete' | 'incomplete' | 'unrated';

/** An overall outcome: the rating line the total falls in. */
export interface RatingMatch {
  id: string;
  label: Bilingual;
  interval: Interval;
  condition: string;
}

/** One part of the total (`parts` of the rule set) as a person scored in it. */
export interface PartResult {
  id: string;
  label: Bilingual;
  /**
   * The sum of the contributions of the part's indicators that count; null when the person
   * has no total. With an indicator left out (missing data `exclude`) the weights that count
   * are scaled to 100, so a part may then exceed its `max`.
   */
  points: ExactNumber | null;
  /** The part's declared points: the most it adds to the total. */
  max: ExactNumber;
}

/** A declared fact (`conditions` of the rule set) that applies to the person. */
export interface FactResult {
  /** The condition id, which the data rows give as their measure. */
  condition: string;
  /** True when a row of the scored cycle gives it as 1; without a row it does not hold. */
  holds: boolean;
  /** The rows that give it, ascending. */
  rows: number[];
}

/** A condition that held and decided the person's rating (step 2). */
export interface ConditionAdjustment {
  step: 'condition';
  /** The condition id. */
  rule: string;
  label: Bilingual;
  /** The rating line before (null when there was none); may equal `to`. */
  from: string | null;
  /** The rating line the condition gives. */
  to: string;
  /** The rows that give the fact as holding. */
  rows: number[];
  /** One sentence for people. */
  reason: string;
}

/** The set of people one limit of a quota counted and applied in. */
export interface QuotaSet {
  /**
   * `unit`: everyone rated in one org_unit (`key` the unit as the data writes it). `group`:
   * everyone rated whose position is in one position group (`key` the group id).
   * `position`: for `within group`, the people of a position that is in no group, who form a
   * set of their own (`key` the position id).
   */
  within: 'unit' | 'group' | 'position';
  key: string;
}

/** A rank key with the person's value for it. */
export type RankKeyValue = RankKey & {
  /** The person's total, part points or indicator value; null when they have none. */
  value: ExactNumber | null;
};

/** A quota that moved the person from its limited rating line down (step 3). */
export interface QuotaAdjustment {
  step: 'quota';
  /** The quota id. */
  rule: string;
  label: Bilingual;
  /** The limited rating line. */
  from: string;
  /** The line the people over the limit move to (the quota's `demoteTo`). */
  to: string;
  /** Which `within` step, and which set of people. */
  set: QuotaSet;
  /** The people of the set rated `from` before the step: the candidates (L). */
  candidates: number;
  /** The people of the set rated the quota's `of` line before the step (B). */
  base: number;
  /** The quota's share, in percent. */
  share: ExactNumber;
  /** How many candidates keep `from` (k). */
  places: number;
  /** The person's place among the candidates in rank order, from 1 (always above `places`). */
  rank: number;
  /** The person's value for each rank key, in the quota's order. */
  keys: RankKeyValue[];
  /**
   * Candidates who keep the limited line and are equal to the person on every key: the
   * person ids decided between them. Empty when the keys did.
   */
  tiedWith: string[];
  /** One sentence for people. */
  reason: string;
}

/** A change to the rating after the total was rated: by a condition, or by a quota. */
export type Adjustment = ConditionAdjustment | QuotaAdjustment;

export interface PersonResult {
  person: string;
  orgUnit: string;
  position: string;
  /** The context whose rules applied; null for the base rules. */
  context: string | null;
  /** The scored period. */
  period: string;
  status: PersonStatus;
  /**
   * The weighted total of points, rounded when the framework rounds totals
   * (`framework.rounding.total`); null when unrated.
   */
  total: ExactNumber | null;
  /** The total before rounding, when the framework rounds totals; else null. */
  unroundedTotal: ExactNumber | null;
  /** The rating line the total falls in (step 1); null without a total or a line holding it. */
  scoredRating: RatingMatch | null;
  /**
   * The final rating: `scoredRating`, then set by the first condition that holds (step 2),
   * then moved by the quotas (step 3). `adjustments` records each step that decided it.
   */
  rating: RatingMatch | null;
  /** Each condition that decided the rating and each quota that moved it, in order. */
  adjustments: Adjustment[];
  /** The total split by the rule set's parts, in their order; empty without parts. */
  parts: PartResult[];
  /** The conditions that apply to the person (by group), in order, and whether each holds. */
  facts: FactResult[];
  /** The sum of the declared weights of the indicators that count (100 when complete). */
  weightCounted: ExactNumber;
  /** One entry per weighted indicator of the position, in the position's order. */
  indicators: IndicatorResult[];
  /** Why the result is incomplete or unrated, or lacks a rating; empty when complete. */
  notes: string[];
  /** Every data row used for this person (facts included), ascending. */
  rows: number[];
  /**
   * The total and its rating, then each adjustment (who moved the rating and why), in
   * sentences.
   */
  explanation: string;
}

export interface ScoreResult {
  /** The scored period, such as `2024-Q1`. */
  period: string;
  /** The rating cycle: the framework's, or the scored period's kind when it declares none. */
  cycle: PeriodKind;
  /** One entry per person, in the order they first appear in the data. */
  people: PersonResult[];
  /** The rows kept out of the scores, by row number. */
  rejected: Rejection[];
  /** How many data rows there were, how many were used and how many rejected. */
  counts: { rows: number; used: number; rejected: number };
}
