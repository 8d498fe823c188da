/**
 * What the checker's passes share: the reporter, the symbol tables, the resolved parts of
 * the model so far, and the effective rules (target and bands as one position or context
 * sees them) that the threshold checks will examine. Built once per `checkFiles` call.
 */
import type * as ast from '../syntax/ast.js';
import type { Band, Group, Indicator, Level, Model, Period, Position, Scale } from './model.js';
import type { Place, Reporter } from './report.js';
import type { Symbols } from './symbols.js';

/**
 * How far an override is from the indicator's own declaration. A diagnostic raised by
 * several pieces points at the deepest one, since that is the one the writer changed last.
 */
export enum Layer {
  Indicator = 0,
  Position = 1,
  ContextIndicator = 2,
  ContextPosition = 3,
}

/** A target or bands clause, the file it is in, and what it replaces. */
export interface Piece<T> {
  node: T;
  uri: string;
  layer: Layer;
  /** For an override: the declaration it replaces, for related information. */
  replaces?: Place;
}

/** The target and bands one indicator has in one place: itself, a position or a context. */
export interface RuleSubject {
  indicator: Indicator;
  /** Where this rule applies, for messages: `in 'head'`, `in context 'dak_lak'`. */
  where?: string;
  target?: Piece<ast.TargetClause>;
  bands?: Piece<ast.BandsClause>;
}

export interface CheckState {
  reporter: Reporter;
  symbols: Symbols;
  model: Model;
  cycle?: Period;
  levels: Map<string, Level>;
  scales: Map<string, Scale>;
  indicators: Map<string, Indicator>;
  groups: Map<string, Group>;
  positions: Map<string, Position>;
  /** Every effective rule to check, in the order found; duplicates are skipped by the checks. */
  subjects: RuleSubject[];
  /** The model bands of each bands clause, resolved once. */
  bandsByClause: Map<ast.BandsClause, Band[]>;
  /**
   * The indicators a misspelt reference probably meant (the "did you mean" of its KPI101).
   * The writer meant to use them, so they are not reported as unused.
   */
  meantIndicators: Set<string>;
}
