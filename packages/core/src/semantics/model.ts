/**
 * The resolved framework: what the checker builds from the syntax trees of all files, and
 * what the emitter turns into a rule set. Names are resolved, contexts are applied, numbers
 * are exact. Every part keeps the syntax node it came from, so that diagnostics raised on the
 * effective rules of a context can point at the override that caused them.
 *
 * Invariant: the model holds only what resolved. A reference that did not resolve carries a
 * KPI1xx diagnostic and is left out (or undefined), never guessed.
 */
import type * as ast from '../syntax/ast.js';
import type { Decimal } from '../util/decimal.js';

/** Text in both languages. A label written with one string has `en === vi`. */
export interface Bilingual {
  vi: string;
  en: string;
}

/**
 * A set of values on the number line: `low`/`high` undefined means unbounded on that side.
 * Values are in the indicator's unit (percent as 0..100, durations in their unit).
 */
export interface Interval {
  low?: Decimal;
  lowInclusive: boolean;
  high?: Decimal;
  highInclusive: boolean;
}

export type IndicatorKind = 'input' | 'process' | 'output' | 'outcome';
export type Direction = 'higher' | 'lower';
export type Period = 'week' | 'month' | 'quarter' | 'half-year' | 'year';
export type Aggregation = 'mean' | 'sum' | 'min' | 'max' | 'last' | 'every';
export type BetweenRule = 'carry' | 'missing';
export type MissingDataRule = 'exclude' | 'lowest' | 'unrated';
/** How an indicator earns points: the level of its bands, or its percentage as it stands. */
export type Scoring = 'bands' | 'proportional';

/** A unit after resolution: what values an indicator can take before aggregation. */
export interface UnitInfo {
  /** `percent`, `count`, `number`, `hours`, `days`, `likert5`, or a declared scale's id. */
  name: string;
  /** A rate: values per this period (`count per month`). */
  per?: Period;
  /** The smallest and largest value; undefined means unbounded. */
  low?: Decimal;
  high?: Decimal;
  /** True when a single measured value is a whole number (counts, single Likert answers). */
  integer: boolean;
  /** The declared scale, for Likert-type units with labelled points. */
  scale?: string;
}

/** The set of values the rated value can take, after the measurement and aggregation. */
export interface Domain {
  low?: Decimal;
  high?: Decimal;
  integer: boolean;
}

export interface Band {
  level: string;
  interval: Interval;
  node: ast.Band;
}

export interface Measurement {
  kind: 'formula' | 'survey';
  /** The formula as canonical text (`tasks_on_time / tasks_total`). */
  text: string;
  /** Every measure the formula or survey names, in order of first use. */
  measures: string[];
  /** For a ratio formula, its numerator and denominator measures' formulas as text. */
  ratio?: { numerator: string; denominator: string };
  minimumResponses?: Decimal;
  node: ast.Measurement;
}

export interface Indicator {
  id: string;
  label: Bilingual;
  kind?: IndicatorKind;
  measurement?: Measurement;
  unit?: UnitInfo;
  direction?: Direction;
  target?: Interval;
  bands: Band[];
  frequency?: Period;
  aggregation?: Aggregation;
  between?: BetweenRule;
  source?: Bilingual;
  goal?: string;
  missingData?: MissingDataRule;
  /** `points proportional` makes it 'proportional'; 'bands' otherwise. */
  scoring: Scoring;
  /** The part of the total it counts toward (`part <id>`), when that part is declared. */
  part?: string;
  /** The domain of the rated value, when the unit is known. */
  domain?: Domain;
  node: ast.KpiDecl;
  /** The file the declaration is in. */
  uri?: string;
  /** In a context's `indicators`: the override that changed target or bands. */
  overrideNode?: ast.IndicatorOverride;
}

/** An indicator as one position rates it: its weight and the target and bands in effect. */
export interface WeightedIndicator {
  indicator: string;
  weight: Decimal;
  target?: Interval;
  bands: Band[];
  /** Where the weight was written (in the position or in a context override). */
  weightNode?: ast.NumberLit;
  /** The override that changed target or bands for this position, if any. */
  overrideNode?: ast.Assignment | ast.IndicatorOverride;
  /** True when the position takes the indicator from its group (and weights it). */
  fromGroup?: boolean;
}

export interface Position {
  id: string;
  label: Bilingual;
  group?: string;
  indicators: WeightedIndicator[];
  /** Sum of the weights, in percent. */
  total: Decimal;
  node: ast.PositionDecl;
  /** The file the declaration is in. */
  uri?: string;
  /** In a context's `positions`: the context's block for this position, if it has one. */
  overrideNode?: ast.PositionOverride;
}

export interface Level {
  id: string;
  label: Bilingual;
  points: Decimal;
  node: ast.LevelDecl;
  uri?: string;
}

export interface RatingLine {
  id: string;
  label: Bilingual;
  interval: Interval;
  node: ast.RatingLine;
  uri?: string;
}

export interface Goal {
  id: string;
  label: Bilingual;
  perspective?: string;
  node: ast.GoalDecl;
  uri?: string;
}

export interface Scale {
  id: string;
  label: Bilingual;
  low: Decimal;
  high: Decimal;
  points: { value: Decimal; label: Bilingual }[];
  node: ast.ScaleDecl;
  uri?: string;
}

export interface Group {
  id: string;
  label: Bilingual;
  indicators: string[];
  node: ast.GroupDecl;
  uri?: string;
}

export interface Context {
  id: string;
  label: Bilingual;
  /** Indicators whose target or bands this context changes for every position. */
  indicators: Indicator[];
  /** Every position as it stands in this context. */
  positions: Position[];
  node: ast.ContextDecl;
  uri?: string;
}

export interface Framework {
  id: string;
  label: Bilingual;
  version?: string;
  agency?: Bilingual;
  effective?: string;
  cycle?: Period;
  missingData: MissingDataRule;
  /**
   * The decimal places the header's `round` clauses ask for, each a whole number from 0 to 6:
   * `values` for each indicator's rated value, `total` for the weighted total. Absent when
   * neither clause is written (or none is valid): values and totals are then exact.
   */
  rounding?: { values?: number; total?: number };
  node: ast.FrameworkDecl;
  uri: string;
}

/** `part <id> "label" points <n>`: a part of the total with the most points it can add. */
export interface Part {
  id: string;
  label: Bilingual;
  points: Decimal;
  node: ast.PartDecl;
  uri?: string;
}

/** `when <fact> "label" [in <group>] rate <line>`: a fact that decides the rating. */
export interface Condition {
  id: string;
  label: Bilingual;
  /** The group it applies to; undefined when it applies to everyone. */
  group?: string;
  rating: string;
  node: ast.WhenDecl;
  uri?: string;
}

/** One key of a quota's rank order. */
export type RankKey =
  { kind: 'total' } | { kind: 'part'; id: string } | { kind: 'indicator'; id: string };

/** `quota <id> "label" { ... }`: a limit on how many people a rating line may hold. */
export interface Quota {
  id: string;
  label: Bilingual;
  limited: string;
  /** In percent, above 0 and at most 100. */
  share: Decimal;
  of: string;
  /** The rating line directly below `limited`, where the people over the limit go. */
  demoteTo: string;
  within: ('unit' | 'group')[];
  rankBy: RankKey[];
  node: ast.QuotaDecl;
  uri?: string;
}

/** The whole resolved framework. Lists keep source order (files in path order). */
export interface Model {
  framework?: Framework;
  levels: Level[];
  rating: RatingLine[];
  goals: Goal[];
  scales: Scale[];
  indicators: Indicator[];
  groups: Group[];
  positions: Position[];
  contexts: Context[];
  /** Parts of the total, conditions and quotas, in source order; empty when none. */
  parts: Part[];
  conditions: Condition[];
  quotas: Quota[];
}
