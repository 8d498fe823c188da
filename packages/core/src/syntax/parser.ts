/**
 * The grammar of kpilang as a Chevrotain parser: tokens in, concrete syntax tree out. The
 * rules follow grammar/kpilang.ebnf one for one; `cst-to-ast.ts` turns the tree into the AST.
 *
 * Error recovery is Chevrotain's own (single-token insertion and deletion, re-sync to what may
 * follow a rule); nothing here catches its exceptions. Rules are kept small so that a broken
 * field ends at the point of error and the block goes on: tokens that start no line of the
 * block are read as one `stray` run, up to the next field, the block's `}`, or the next
 * declaration keyword.
 */
import {
  createTokenInstance,
  CstParser,
  EOF,
  tokenMatcher,
  type CstNode,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { messageProvider } from './parse-errors.js';
import * as t from './tokens.js';

class KpiParser extends CstParser {
  /** Errors whose missing token the parser invented; reported where the token belonged. */
  readonly insertedErrors = new WeakSet<object>();

  /** The stray runs of the last parse, in text order, each with the block it was found in. */
  strayRuns: StrayRun[] = [];

  constructor() {
    super(t.PARSER_TOKENS, {
      recoveryEnabled: true,
      nodeLocationTracking: 'onlyOffset',
      errorMessageProvider: messageProvider,
      maxLookahead: 2,
    });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          { ALT: () => this.SUBRULE(this.declaration) },
          { ALT: () => this.SUBRULE(this.stray, { ARGS: [TOP_LEVEL] }) },
        ],
      });
    });
  });

  declaration = this.RULE('declaration', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.framework) },
      { ALT: () => this.SUBRULE(this.levels) },
      { ALT: () => this.SUBRULE(this.rating) },
      { ALT: () => this.SUBRULE(this.goal) },
      { ALT: () => this.SUBRULE(this.scale) },
      { ALT: () => this.SUBRULE(this.kpi) },
      { ALT: () => this.SUBRULE(this.group) },
      { ALT: () => this.SUBRULE(this.position) },
      { ALT: () => this.SUBRULE(this.context) },
    ]);
  });

  // framework cema "Ủy ban Dân tộc" / "Committee for Ethnic Minority Affairs" { ... }
  framework = this.RULE('framework', () => {
    this.CONSUME(t.Framework);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.LBrace);
    this.blockLines(FRAMEWORK_BLOCK, () => this.SUBRULE(this.frameworkField));
    this.CONSUME(t.RBrace);
  });

  frameworkField = this.RULE('frameworkField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.versionField) },
      { ALT: () => this.SUBRULE(this.agencyField) },
      { ALT: () => this.SUBRULE(this.effectiveField) },
      { ALT: () => this.SUBRULE(this.cycleField) },
      { ALT: () => this.SUBRULE(this.missingDataField) },
    ]);
  });

  versionField = this.RULE('versionField', () => {
    this.CONSUME(t.Version);
    this.CONSUME(t.StringLiteral);
  });

  agencyField = this.RULE('agencyField', () => {
    this.CONSUME(t.Agency);
    this.SUBRULE(this.label);
  });

  effectiveField = this.RULE('effectiveField', () => {
    this.CONSUME(t.Effective);
    this.CONSUME(t.DateLiteral);
  });

  cycleField = this.RULE('cycleField', () => {
    this.CONSUME(t.Cycle);
    this.CONSUME(t.Word, { LABEL: 'value' });
  });

  /** `kind process`, `better higher`, `every month`, `aggregate mean`. */
  wordField = this.RULE('wordField', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Kind, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(t.Better, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(t.Every, { LABEL: 'keyword' }) },
      { ALT: () => this.CONSUME(t.Aggregate, { LABEL: 'keyword' }) },
    ]);
    this.CONSUME(t.Word, { LABEL: 'value' });
  });

  missingDataField = this.RULE('missingDataField', () => {
    this.CONSUME(t.Missing);
    this.CONSUME(t.Data);
    this.CONSUME(t.Word, { LABEL: 'value' });
  });

  levels = this.RULE('levels', () => {
    this.CONSUME(t.Levels);
    this.CONSUME(t.LBrace);
    this.blockLines(LEVELS_BLOCK, () => this.SUBRULE(this.level));
    this.CONSUME(t.RBrace);
  });

  // excellent "Xuất sắc" / "Excellent" points 100
  level = this.RULE('level', () => {
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.Points);
    this.SUBRULE(this.number);
  });

  rating = this.RULE('rating', () => {
    this.CONSUME(t.Rating);
    this.CONSUME(t.LBrace);
    this.blockLines(RATING_BLOCK, () => this.SUBRULE(this.ratingLine));
    this.CONSUME(t.RBrace);
  });

  ratingLine = this.RULE('ratingLine', () => {
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.SUBRULE(this.condition);
  });

  goal = this.RULE('goal', () => {
    this.CONSUME(t.Goal);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(t.Perspective);
      this.CONSUME(t.Word, { LABEL: 'perspective' });
    });
  });

  // scale likert5 "Mức độ hài lòng" from 1 to 5 { 1 "Rất không hài lòng" ... }
  scale = this.RULE('scale', () => {
    this.CONSUME(t.Scale);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.From);
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.CONSUME(t.To);
    this.SUBRULE2(this.number, { LABEL: 'high' });
    this.OPTION(() => {
      this.CONSUME(t.LBrace);
      this.blockLines(SCALE_BLOCK, () => this.SUBRULE(this.scalePoint));
      this.CONSUME(t.RBrace);
    });
  });

  scalePoint = this.RULE('scalePoint', () => {
    this.SUBRULE(this.number);
    this.SUBRULE(this.label);
  });

  kpi = this.RULE('kpi', () => {
    this.CONSUME(t.Kpi);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.LBrace);
    this.blockLines(KPI_BLOCK, () => this.SUBRULE(this.kpiField));
    this.CONSUME(t.RBrace);
  });

  kpiField = this.RULE('kpiField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.wordField) },
      { ALT: () => this.SUBRULE(this.measureField) },
      { ALT: () => this.SUBRULE(this.unitField) },
      { ALT: () => this.SUBRULE(this.targetField) },
      { ALT: () => this.SUBRULE(this.bandsField) },
      { ALT: () => this.SUBRULE(this.betweenField) },
      { ALT: () => this.SUBRULE(this.sourceField) },
      { ALT: () => this.SUBRULE(this.goalField) },
      { ALT: () => this.SUBRULE(this.missingDataField) },
    ]);
  });

  measureField = this.RULE('measureField', () => {
    this.CONSUME(t.Measure);
    this.OR([
      { ALT: () => this.SUBRULE(this.survey) },
      { ALT: () => this.SUBRULE(this.expression) },
    ]);
  });

  // measure survey satisfaction_score minimum 30 responses
  survey = this.RULE('survey', () => {
    this.CONSUME(t.Survey);
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Minimum);
      this.SUBRULE(this.number);
      this.CONSUME(t.Responses);
    });
  });

  // unit percent | unit count per month | unit "Hours/Days"
  unitField = this.RULE('unitField', () => {
    this.CONSUME(t.Unit);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(t.Word, { LABEL: 'name' });
          this.OPTION(() => {
            this.CONSUME(t.Per);
            this.CONSUME2(t.Word, { LABEL: 'per' });
          });
        },
      },
      { ALT: () => this.CONSUME(t.StringLiteral) },
    ]);
  });

  targetField = this.RULE('targetField', () => {
    this.CONSUME(t.Target);
    this.SUBRULE(this.condition);
  });

  bandsField = this.RULE('bandsField', () => {
    this.CONSUME(t.Bands);
    this.SUBRULE(this.bandsBlock);
  });

  // between measurements carry
  betweenField = this.RULE('betweenField', () => {
    this.CONSUME(t.Between);
    this.CONSUME(t.Measurements);
    this.CONSUME(t.Word, { LABEL: 'value' });
  });

  sourceField = this.RULE('sourceField', () => {
    this.CONSUME(t.Source);
    this.SUBRULE(this.label);
  });

  goalField = this.RULE('goalField', () => {
    this.CONSUME(t.Goal);
    this.CONSUME(t.Identifier);
  });

  bandsBlock = this.RULE('bandsBlock', () => {
    this.CONSUME(t.LBrace);
    this.blockLines(BANDS_BLOCK, () => this.SUBRULE(this.band));
    this.CONSUME(t.RBrace);
  });

  // excellent > 95%
  band = this.RULE('band', () => {
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.condition);
  });

  condition = this.RULE('condition', () => {
    this.OR({
      DEF: [
        { ALT: () => this.SUBRULE(this.comparison) },
        { ALT: () => this.SUBRULE(this.dotsRange) },
        { ALT: () => this.SUBRULE(this.fromRange) },
        { ALT: () => this.SUBRULE(this.underBound) },
      ],
      ERR_MSG: 'a condition (such as >= 95%, 80% .. 95%, from 70 to under 90, or under 50)',
    });
  });

  comparison = this.RULE('comparison', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.GreaterEqual, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Greater, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.LessEqual, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Less, { LABEL: 'op' }) },
      { ALT: () => this.CONSUME(t.Equal, { LABEL: 'op' }) },
    ]);
    this.SUBRULE(this.number);
  });

  // 80% .. 95%
  dotsRange = this.RULE('dotsRange', () => {
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.CONSUME(t.DotDot);
    this.SUBRULE2(this.number, { LABEL: 'high' });
  });

  // from 70 to under 90, or just from 90
  fromRange = this.RULE('fromRange', () => {
    this.CONSUME(t.From);
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.OPTION(() => {
      this.CONSUME(t.To);
      this.CONSUME(t.Under);
      this.SUBRULE2(this.number, { LABEL: 'high' });
    });
  });

  underBound = this.RULE('underBound', () => {
    this.CONSUME(t.Under);
    this.SUBRULE(this.number);
  });

  /** A number outside formulas, where a leading `-` is its sign: `-2`, `95%`, `48h`. */
  number = this.RULE('number', () => {
    this.OPTION(() => this.CONSUME(t.Minus));
    this.CONSUME(t.NumberLiteral);
  });

  // group management "Quản lý" / "Management" { task_completion, staff_satisfaction }
  group = this.RULE('group', () => {
    this.CONSUME(t.Group);
    this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    this.CONSUME(t.LBrace);
    this.OPTION(() => {
      this.CONSUME2(t.Identifier, { LABEL: 'member' });
      this.MANY(() => {
        this.OPTION2(() => this.CONSUME(t.Comma));
        this.CONSUME3(t.Identifier, { LABEL: 'member' });
      });
    });
    this.CONSUME(t.RBrace);
  });

  position = this.RULE('position', () => {
    this.CONSUME(t.Position);
    this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(t.In);
      this.CONSUME2(t.Identifier, { LABEL: 'group' });
    });
    this.CONSUME(t.LBrace);
    this.blockLines(POSITION_BLOCK, () => this.SUBRULE(this.assignment));
    this.CONSUME(t.RBrace);
  });

  // task_completion weight 30% target >= 95% bands { ... }
  assignment = this.RULE('assignment', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.Weight);
      this.SUBRULE(this.number);
    });
    this.OPTION2(() => this.SUBRULE(this.targetField));
    this.OPTION3(() => this.SUBRULE(this.bandsField));
  });

  context = this.RULE('context', () => {
    this.CONSUME(t.Context);
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.LBrace);
    this.blockLines(CONTEXT_BLOCK, () => {
      this.OR2([
        { ALT: () => this.SUBRULE(this.positionOverride) },
        { ALT: () => this.SUBRULE(this.indicatorOverride) },
      ]);
    });
    this.CONSUME(t.RBrace);
  });

  positionOverride = this.RULE('positionOverride', () => {
    this.CONSUME(t.Position);
    this.CONSUME(t.Identifier);
    this.CONSUME(t.LBrace);
    this.blockLines(OVERRIDE_BLOCK, () => this.SUBRULE(this.assignment));
    this.CONSUME(t.RBrace);
  });

  // economic_access target >= 85%
  indicatorOverride = this.RULE('indicatorOverride', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => this.SUBRULE(this.targetField));
    this.OPTION2(() => this.SUBRULE(this.bandsField));
  });

  // "Tỷ lệ hoàn thành" / "Task completion rate"
  label = this.RULE('label', () => {
    this.CONSUME(t.StringLiteral, { LABEL: 'vi' });
    this.OPTION(() => {
      this.CONSUME(t.Slash);
      this.CONSUME2(t.StringLiteral, { LABEL: 'en' });
    });
  });

  // tasks_on_time / tasks_total
  expression = this.RULE('expression', () => {
    this.SUBRULE(this.term, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Plus, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Minus, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.term, { LABEL: 'operand' });
    });
  });

  term = this.RULE('term', () => {
    this.SUBRULE(this.factor, { LABEL: 'operand' });
    this.MANY(() => {
      this.OR([
        { ALT: () => this.CONSUME(t.Star, { LABEL: 'operator' }) },
        { ALT: () => this.CONSUME(t.Slash, { LABEL: 'operator' }) },
      ]);
      this.SUBRULE2(this.factor, { LABEL: 'operand' });
    });
  });

  factor = this.RULE('factor', () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(t.NumberLiteral) },
        { ALT: () => this.SUBRULE(this.reference) },
        { ALT: () => this.SUBRULE(this.parenthesized) },
        { ALT: () => this.SUBRULE(this.negation) },
        { ALT: () => this.CONSUME(t.TooDeep) },
      ],
      ERR_MSG: 'a measure name, a number or "("',
    });
  });

  // min(a, b), or a plain measure name
  reference = this.RULE('reference', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(() => {
      this.CONSUME(t.LParen);
      this.OPTION2(() => {
        this.SUBRULE(this.expression, { LABEL: 'argument' });
        this.MANY(() => {
          this.CONSUME(t.Comma);
          this.SUBRULE2(this.expression, { LABEL: 'argument' });
        });
      });
      this.CONSUME(t.RParen);
    });
  });

  parenthesized = this.RULE('parenthesized', () => {
    this.CONSUME(t.LParen);
    this.SUBRULE(this.expression);
    this.CONSUME(t.RParen);
  });

  negation = this.RULE('negation', () => {
    this.CONSUME(t.Minus);
    this.SUBRULE(this.factor);
  });

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
  private blockLines(shape: BlockShape, line: () => void): void {
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

  /** Chevrotain hook: the token invented for a missing one. Marks its error as "missing". */
  protected override getTokenToInsert(tokenType: TokenType): IToken {
    const lastError = this.errors[this.errors.length - 1];
    if (lastError) this.insertedErrors.add(lastError);
    const token = createTokenInstance(tokenType, '', NaN, NaN, NaN, NaN, NaN, NaN);
    token.isInsertedInRecovery = true;
    return token;
  }
}

/** Tokens that start no line of their block, skipped as one run. */
export interface StrayRun {
  /** The rule of the block: `file`, `kpi`, `bandsBlock` ... */
  block: string;
  tokens: IToken[];
}

/** Which tokens start a line of a block, and whether `}` closes it. */
interface BlockShape {
  block: string;
  starts: readonly TokenType[];
  closedByBrace: boolean;
}

function braced(block: string, starts: readonly TokenType[]): BlockShape {
  return { block, starts, closedByBrace: true };
}

const TOP_LEVEL: BlockShape = {
  block: 'file',
  starts: t.DECLARATION_KEYWORDS,
  closedByBrace: false,
};
const LEVELS_BLOCK = braced('levels', [t.Identifier]);
const RATING_BLOCK = braced('rating', [t.Identifier]);
const BANDS_BLOCK = braced('bandsBlock', [t.Identifier]);
const POSITION_BLOCK = braced('position', [t.Identifier]);
const OVERRIDE_BLOCK = braced('positionOverride', [t.Identifier]);
const SCALE_BLOCK = braced('scale', [t.NumberLiteral, t.Minus]);
const CONTEXT_BLOCK = braced('context', [t.Identifier, t.Position]);
const FRAMEWORK_BLOCK = braced('framework', [t.Version, t.Agency, t.Effective, t.Cycle, t.Missing]);
const KPI_BLOCK = braced('kpi', [
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
]);

/** True for what ends a block: its `}`, the end of the file, or another declaration. */
function endsBlock(type: TokenType, shape: BlockShape): boolean {
  if (type === EOF) return true;
  if (type === t.RBrace) return shape.closedByBrace;
  return t.DECLARATION_KEYWORDS.includes(type) && !shape.starts.includes(type);
}

/** The one parser, built once: the grammar analysis in the constructor is the costly part. */
export const kpiParser = new KpiParser();

/** Parses a token list into the CST of a whole file; errors are left in `kpiParser.errors`. */
export function parseTokens(tokens: IToken[]): CstNode {
  kpiParser.strayRuns = [];
  kpiParser.input = tokens;
  return kpiParser.file();
}
