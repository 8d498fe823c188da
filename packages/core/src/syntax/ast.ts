/**
 * The syntax tree of a .kpi file. Built by `cst-to-ast.ts` from Chevrotain's tree; read by
 * the checker, the emitter and the language server.
 *
 * Every node keeps its `range` (LSP coordinates, see `source.ts`). After error recovery any
 * child may be missing: optional fields are `undefined` when the text did not supply them,
 * and the checker skips what is missing instead of throwing. Enumerated words (kind,
 * direction, frequency, unit ...) are kept as written, as `Name` nodes, so that the checker
 * can report a misspelling with a "did you mean".
 */
import type { Decimal } from '../util/decimal.js';
import type { Range } from './source.js';

/** An identifier as written, with its range. */
export interface Name {
  kind: 'Name';
  text: string;
  range: Range;
}

/** A quoted string, unescaped. */
export interface Text {
  kind: 'Text';
  value: string;
  range: Range;
}

/** `"Vietnamese" / "English"`; a single string serves both languages. */
export interface Label {
  kind: 'Label';
  vi: Text;
  en?: Text;
  range: Range;
}

/** The suffix written right after a number: `95%`, `48h`, `3d`. */
export type NumberSuffix = '%' | 'h' | 'd';

/** A number as written: its exact value and its suffix, if any. */
export interface NumberLit {
  kind: 'Number';
  value: Decimal;
  suffix?: NumberSuffix;
  text: string;
  range: Range;
}

/** Comparison operators; `≥` and `≤` are read as `>=` and `<=`. */
export type Comparator = '>' | '>=' | '<' | '<=' | '=';

/**
 * A set of values, as bands, targets and rating lines write them:
 * `> 95%`, `>= 4.0`, `< 80%`, `<= 1`, `= 0` (comparisons), `80% .. 95%` (both ends included),
 * `from 70 to under 90` (half-open: 70 included, 90 not), `from 90` (same as `>= 90`),
 * `under 50` (same as `< 50`).
 */
export type Condition = Comparison | Between;

export interface Comparison {
  kind: 'Comparison';
  op: Comparator;
  opRange: Range;
  value?: NumberLit;
  /** How it was written: `from 90` is `>=`, `under 50` is `<`. */
  form: 'symbol' | 'from' | 'under';
  range: Range;
}

export interface Between {
  kind: 'Between';
  low?: NumberLit;
  high?: NumberLit;
  /** `..` includes both ends; `from a to under b` excludes the high end. */
  highInclusive: boolean;
  form: 'dots' | 'from-to-under';
  range: Range;
}

/** A measurement formula over named measures. */
export type Expr = MeasureRef | NumberExpr | Binary | Call | Paren | Negation;

export interface MeasureRef {
  kind: 'MeasureRef';
  name: Name;
  range: Range;
}

export interface NumberExpr {
  kind: 'NumberExpr';
  value: NumberLit;
  range: Range;
}

export interface Binary {
  kind: 'Binary';
  op: '+' | '-' | '*' | '/';
  left?: Expr;
  right?: Expr;
  range: Range;
}

/** `min(a, b)`, `max(a, b)`, `mean(a, b, ...)`; the function name is checked, not parsed. */
export interface Call {
  kind: 'Call';
  callee: Name;
  args: Expr[];
  range: Range;
}

export interface Paren {
  kind: 'Paren';
  inner?: Expr;
  range: Range;
}

/** `-x` in a formula. A minus written before a plain number is folded into the number. */
export interface Negation {
  kind: 'Negation';
  operand?: Expr;
  range: Range;
}

/**
 * `measure <formula>` or `measure survey <measure> [minimum N responses]`.
 * A survey value is the mean of the responses received in the period.
 */
export type Measurement = FormulaMeasurement | SurveyMeasurement;

export interface FormulaMeasurement {
  kind: 'FormulaMeasurement';
  formula?: Expr;
  range: Range;
}

export interface SurveyMeasurement {
  kind: 'SurveyMeasurement';
  measure?: Name;
  minimumResponses?: NumberLit;
  range: Range;
}

/** `unit percent`, `unit likert5`, `unit count per month`, or a quoted unit as published. */
export interface UnitClause {
  kind: 'UnitClause';
  /** The unit's name; undefined when the unit was written as a quoted string. */
  name?: Name;
  /** A quoted unit, such as the paper's "Hours/Days": kept so the checker can report it. */
  quoted?: Text;
  /** For a rate: the period after `per`. */
  per?: Name;
  range: Range;
}

/** One band: `excellent > 95%`. */
export interface Band {
  kind: 'Band';
  level: Name;
  condition?: Condition;
  range: Range;
}

export interface BandsClause {
  kind: 'BandsClause';
  bands: Band[];
  range: Range;
}

/** A field that holds one enumerated word: `kind process`, `better higher`, `every month` ... */
export interface WordClause {
  kind: 'WordClause';
  keyword: string;
  value?: Name;
  range: Range;
}

export interface TargetClause {
  kind: 'TargetClause';
  condition?: Condition;
  range: Range;
}

export interface TextClause {
  kind: 'TextClause';
  keyword: string;
  label?: Label;
  range: Range;
}

/** `kpi <id> "label" / "label" { ... }`. */
export interface KpiDecl {
  kind: 'KpiDecl';
  id?: Name;
  label?: Label;
  /** `kind input|process|output|outcome`. */
  indicatorKind?: WordClause;
  measurement?: Measurement;
  unit?: UnitClause;
  /** `better higher|lower`. */
  better?: WordClause;
  target?: TargetClause;
  bands?: BandsClause;
  /** `every week|month|quarter|half-year|year` (or weekly, monthly ...). */
  every?: WordClause;
  /** `aggregate mean|sum|min|max|last|every`: how finer periods combine into the cycle. */
  aggregate?: WordClause;
  /** `between measurements carry|missing`: what a coarser indicator gives between values. */
  between?: WordClause;
  source?: TextClause;
  /** `goal <goal-id>`. */
  goal?: Name;
  /** `missing data exclude|lowest|unrated`: overrides the framework's rule. */
  missingData?: WordClause;
  /** `points proportional`: the rated percentage is its own points, instead of bands. */
  points?: WordClause;
  /** `part <part-id>`: the part of the total the indicator counts toward. */
  part?: Name;
  /** Fields written twice, kept so that the checker can point at the repeat. */
  repeated: { keyword: string; range: Range }[];
  range: Range;
}

/** `framework <id> "label" { version ... cycle ... }`. */
export interface FrameworkDecl {
  kind: 'FrameworkDecl';
  id?: Name;
  label?: Label;
  version?: Text;
  agency?: Label;
  effective?: DateLit;
  cycle?: WordClause;
  missingData?: WordClause;
  /**
   * The `round` clauses in text order, the first of each `round <word>` only (a repeat is in
   * `repeated`). The checker reads which is which, so a misspelt word gets a "did you mean".
   */
  rounding: RoundingClause[];
  repeated: { keyword: string; range: Range }[];
  range: Range;
}

/** `round values to 1 decimal`, `round total to 2 decimals`: a header field. */
export interface RoundingClause {
  kind: 'RoundingClause';
  /** What is rounded, as written: `values` or `total` when it is right. */
  target?: Name;
  /** How many decimals, as written; any number, which the checker holds to 0 to 6. */
  places?: NumberLit;
  /** `decimal` or `decimals`, as written. */
  unit?: Name;
  range: Range;
}

/** `2024-01-01`. */
export interface DateLit {
  kind: 'Date';
  text: string;
  range: Range;
}

/** One line of `levels { ... }`: `excellent "Xuất sắc" / "Excellent" points 100`. */
export interface LevelDecl {
  kind: 'LevelDecl';
  id?: Name;
  label?: Label;
  points?: NumberLit;
  range: Range;
}

export interface LevelsDecl {
  kind: 'LevelsDecl';
  levels: LevelDecl[];
  range: Range;
}

/** One line of `rating { ... }`: an overall outcome and the totals that earn it. */
export interface RatingLine {
  kind: 'RatingLine';
  id?: Name;
  label?: Label;
  condition?: Condition;
  range: Range;
}

export interface RatingDecl {
  kind: 'RatingDecl';
  lines: RatingLine[];
  range: Range;
}

/** `goal <id> "label" [perspective <word>]`. */
export interface GoalDecl {
  kind: 'GoalDecl';
  id?: Name;
  label?: Label;
  perspective?: Name;
  range: Range;
}

/** `scale <id> "label" from 1 to 5 { 1 "label" ... }`: a Likert-type scale with labelled points. */
export interface ScaleDecl {
  kind: 'ScaleDecl';
  id?: Name;
  label?: Label;
  low?: NumberLit;
  high?: NumberLit;
  points: { value?: NumberLit; label?: Label; range: Range }[];
  range: Range;
}

/** `group <id> "label" { kpi-id, kpi-id ... }`. */
export interface GroupDecl {
  kind: 'GroupDecl';
  id?: Name;
  label?: Label;
  members: Name[];
  range: Range;
}

/**
 * One line of a position or of a position override in a context:
 * `task_completion weight 30%`, optionally with `target ...` and `bands { ... }`.
 */
export interface Assignment {
  kind: 'Assignment';
  indicator: Name;
  weight?: NumberLit;
  target?: TargetClause;
  bands?: BandsClause;
  range: Range;
}

/** `position <id> "label" [in <group-id>] { assignments }`. */
export interface PositionDecl {
  kind: 'PositionDecl';
  id?: Name;
  label?: Label;
  group?: Name;
  /** True when `in` was written, even if the group name is missing. */
  hasIn: boolean;
  assignments: Assignment[];
  range: Range;
}

/**
 * An override inside a context. `kpi-id target ...` / `kpi-id bands {...}` change an
 * indicator in every position; `position <id> { assignments }` changes one position.
 */
export interface IndicatorOverride {
  kind: 'IndicatorOverride';
  indicator: Name;
  target?: TargetClause;
  bands?: BandsClause;
  range: Range;
}

export interface PositionOverride {
  kind: 'PositionOverride';
  position?: Name;
  assignments: Assignment[];
  range: Range;
}

/** `context <id> "label" { overrides }`: a region or setting with its own rules. */
export interface ContextDecl {
  kind: 'ContextDecl';
  id?: Name;
  label?: Label;
  overrides: (IndicatorOverride | PositionOverride)[];
  range: Range;
}

/** `part <id> "label" points <number>`: a part of the total with its most points. */
export interface PartDecl {
  kind: 'PartDecl';
  id?: Name;
  label?: Label;
  points?: NumberLit;
  range: Range;
}

/**
 * `when <fact-id> "label" [in <group-id>] rate <rating-line-id>`: a fact about a person that
 * decides their rating whatever the total.
 */
export interface WhenDecl {
  kind: 'WhenDecl';
  /** The fact's id, which data rows give in their `measure` column. */
  id?: Name;
  label?: Label;
  /** The position group it applies to; undefined when it applies to everyone. */
  group?: Name;
  /** True when `in` was written, even if the group name is missing. */
  hasIn: boolean;
  /** The rating line a person for whom the fact holds gets. */
  rating?: Name;
  range: Range;
}

/** `outstanding at most 20% of completed_well`: the line limited, the share and its base. */
export interface QuotaLimit {
  kind: 'QuotaLimit';
  limited?: Name;
  share?: NumberLit;
  /** The rating line the share is taken of. */
  base?: Name;
  range: Range;
}

/** A field that lists names or words after its keyword: `within unit, group`, `rank by total`. */
export interface ListClause {
  kind: 'ListClause';
  keyword: string;
  items: Name[];
  range: Range;
}

/** `quota <id> "label" { <limit>  within ...  rank by ... }`: a limit across people. */
export interface QuotaDecl {
  kind: 'QuotaDecl';
  id?: Name;
  label?: Label;
  limit?: QuotaLimit;
  /** `within unit, group`: the words, as written. */
  within?: ListClause;
  /** `rank by total, <part-id>, <kpi-id>`: the keys, as written. */
  rankBy?: ListClause;
  /** Fields written twice, kept so that the checker can point at the repeat. */
  repeated: { keyword: string; range: Range }[];
  range: Range;
}

export type Declaration =
  | FrameworkDecl
  | LevelsDecl
  | RatingDecl
  | GoalDecl
  | ScaleDecl
  | KpiDecl
  | GroupDecl
  | PositionDecl
  | ContextDecl
  | PartDecl
  | WhenDecl
  | QuotaDecl;

/** One parsed file. `uri` is whatever the caller named it by (a path or an LSP URI). */
export interface SourceFile {
  kind: 'SourceFile';
  uri: string;
  declarations: Declaration[];
  range: Range;
}
