/**
 * The shape of each block for error recovery: which tokens start one of its lines and what
 * ends it. Used by `recovering-parser.ts` to skip stray tokens up to the next line, the
 * block's `}` or the next declaration, and by `parse-errors.ts` to name what was expected.
 */
import { EOF, type IToken, type TokenType } from 'chevrotain';
import * as t from './tokens.js';

/** Tokens that start no line of their block, skipped as one run. */
export interface StrayRun {
  /** The rule of the block: `file`, `kpi`, `bandsBlock` ... */
  block: string;
  tokens: IToken[];
}

/** Which tokens start a line of a block, and whether `}` closes it. */
export interface BlockShape {
  /** The grammar rule of the block, as in `StrayRun.block`. */
  block: string;
  starts: readonly TokenType[];
  closedByBrace: boolean;
}

function braced(block: string, starts: readonly TokenType[]): BlockShape {
  return { block, starts, closedByBrace: true };
}

/** The file itself: declarations, up to the end of the file. */
export const TOP_LEVEL: BlockShape = {
  block: 'file',
  starts: t.DECLARATION_KEYWORDS,
  closedByBrace: false,
};
export const LEVELS_BLOCK = braced('levels', [t.Identifier]);
export const RATING_BLOCK = braced('rating', [t.Identifier]);
export const BANDS_BLOCK = braced('bandsBlock', [t.Identifier]);
export const POSITION_BLOCK = braced('position', [t.Identifier]);
export const OVERRIDE_BLOCK = braced('positionOverride', [t.Identifier]);
export const SCALE_BLOCK = braced('scale', [t.NumberLiteral, t.Minus]);
export const CONTEXT_BLOCK = braced('context', [t.Identifier, t.Position]);
export const QUOTA_BLOCK = braced('quota', [t.Identifier, t.Within, t.Rank]);
export const FRAMEWORK_BLOCK = braced('framework', [
  t.Version,
  t.Agency,
  t.Effective,
  t.Cycle,
  t.Missing,
  t.Round,
]);
export const KPI_BLOCK = braced('kpi', [
  t.Kind,
  t.Measure,
  t.Unit,
  t.Better,
  t.Target,
  t.Bands,
  t.Every,
  t.Aggregate,
  t.Between,
  t.Source,
  t.Goal,
  t.Missing,
  t.Points,
  t.Part,
]);

/**
 * True for what ends a block: its `}`, the end of the file, or a keyword that opens another
 * declaration (unless the block reads it as a line, as `goal` and `part` in an indicator).
 */
export function endsBlock(type: TokenType, shape: BlockShape): boolean {
  if (type === EOF) return true;
  if (type === t.RBrace) return shape.closedByBrace;
  return t.DECLARATION_KEYWORDS.includes(type) && !shape.starts.includes(type);
}
