/**
 * The part of the parser that recovers from errors, shared by all grammar rules: the parser's
 * configuration, the `stray` rule that skips tokens fitting nowhere, the `blockLines` helper
 * every block uses, and Chevrotain's hooks for inventing or dropping a token.
 *
 * Nothing here catches Chevrotain's exceptions: its own re-sync ends a broken line at the
 * point of error, and the block goes on with its next line. Chevrotain's in-repetition
 * recovery is never needed, which matters: it scans to the end of the file and recurses once
 * per error, so thousands of broken lines would be slow and overflow the stack.
 */
import {
  createTokenInstance,
  CstParser,
  EOF,
  tokenMatcher,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { endsBlock, TOP_LEVEL, type BlockShape, type StrayRun } from './block-shapes.js';
import { messageProvider } from './parse-errors.js';
import * as t from './tokens.js';
import type { UnclosedBlock } from './unclosed-blocks.js';

export abstract class RecoveringParser extends CstParser {
  /**
   * The errors of the last parse that recovery repaired by inventing the missing token, by the
   * token that stood in its place, with a "missing ..." message to report instead.
   */
  missing = new Map<IToken, string>();

  /** The stray runs of the last parse, in text order, each with the block it was found in. */
  strayRuns: StrayRun[] = [];

  /** The blocks of the last parse whose `}` was missing, in the order their errors were saved. */
  unclosed: UnclosedBlock[] = [];

  /**
   * The name of the indicator being read (of a kpi, a position's line or a context's override),
   * so that an unclosed `bands` block can say whose bands it is.
   */
  protected indicator: IToken | undefined;

  /** Forgets the last parse's indicator, so the parser holds no token of a finished file. */
  resetIndicator(): void {
    this.indicator = undefined;
  }

  /**
   * `validate` runs Chevrotain's grammar validations (ambiguities, left recursion ...) during
   * self-analysis. They cost a third of kpic's start-up and can only fail on a grammar change,
   * so the shipped parser skips them and a test builds one with them on.
   */
  constructor(options: { validate: boolean }) {
    super(t.PARSER_TOKENS, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: messageProvider,
      maxLookahead: 2,
      skipValidations: !options.validate,
    });
  }

  /**
   * Tokens that fit nowhere, skipped as one run up to the next thing the block can read. A
   * grammar rule rather than Chevrotain's in-repetition recovery, which scans to the end of the
   * file and recurses once per error: thousands of broken lines would be slow and overflow.
   */
  stray = this.RULE('stray', (shape: BlockShape = TOP_LEVEL) => {
    const tokens = [this.CONSUME(t.AnyToken)];
    this.MANY({
      GATE: () =>
        !endsBlock(this.LA(1).tokenType, shape) && !shape.starts.includes(this.LA(1).tokenType),
      DEF: () => tokens.push(this.CONSUME2(t.AnyToken)),
    });
    this.ACTION(() => this.strayRuns.push({ block: shape.block, tokens }));
  });

  /**
   * The lines of a block, up to its `}`, the end of the file, or a keyword that opens another
   * declaration. A run of tokens that starts no line becomes one `stray` node, reported once.
   */
  protected blockLines(shape: BlockShape, line: () => void): void {
    this.MANY({
      GATE: () => !endsBlock(this.LA(1).tokenType, shape),
      DEF: () => {
        // One token decides: a line that starts right but breaks later is a broken line,
        // reported where it breaks, not a stray run.
        this.OR({
          IGNORE_AMBIGUITIES: true,
          MAX_LOOKAHEAD: 1,
          DEF: [{ ALT: line }, { ALT: () => this.SUBRULE(this.stray, { ARGS: [shape] }) }],
        });
      },
    });
  }

  /**
   * Consumes the `}` that closes a block, first noting a block left open: when the end of the
   * file or the next declaration stands where the `}` belongs, the `CONSUME` below saves its
   * error at the index noted, and `parse-errors.ts` reports the block instead of that error.
   */
  protected closeBlock(block: string, open: IToken, name?: IToken): void {
    this.ACTION(() => {
      const next = this.LA(1).tokenType;
      const ends = next === EOF || t.DECLARATION_KEYWORDS.includes(next);
      if (!ends || open.isInsertedInRecovery === true || !Number.isFinite(open.startOffset)) return;
      // Reading `errors` copies the list; it happens once per unclosed block, not per block.
      this.unclosed.push({ block, name, open, errorIndex: this.errors.length });
    });
    this.CONSUME(t.RBrace);
  }

  /**
   * Chevrotain hook: may a missing token be invented? Not when dropping the token in front
   * would do: in `target >= = 90%` the stray `=` goes and `90%` stays the target.
   */
  protected override canTokenTypeBeInsertedInRecovery(expected: TokenType): boolean {
    return !(tokenMatcher(this.LA(2), expected) && this.canTokenTypeBeDeletedInRecovery(expected));
  }

  /**
   * Chevrotain hook: may the token in front be dropped to recover? Never a brace or a
   * declaration keyword: dropping `{` in `position p "P" in { a weight 30% }` would make `a`
   * the group and lose the assignment, where inserting the missing name keeps the block.
   */
  protected override canTokenTypeBeDeletedInRecovery(expected: TokenType): boolean {
    void expected;
    const next = this.LA(1).tokenType;
    return next !== t.LBrace && next !== t.RBrace && !t.DECLARATION_KEYWORDS.includes(next);
  }

  /**
   * Chevrotain hook: the token invented for a missing one. The error just saved for the token
   * in front gets a "missing ..." message, reported where the invented token belongs.
   */
  protected override getTokenToInsert(tokenType: TokenType): IToken {
    this.missing.set(this.LA(1), messageProvider.buildMissingTokenMessage(tokenType, this.LA(0)));
    const token = createTokenInstance(tokenType, '', NaN, NaN, NaN, NaN, NaN, NaN);
    token.isInsertedInRecovery = true;
    return token;
  }
}
