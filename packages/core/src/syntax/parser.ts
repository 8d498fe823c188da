/**
 * The grammar of kpilang as a Chevrotain parser: tokens in, concrete syntax tree out. The
 * rules follow grammar/kpilang.ebnf one for one: the declarations here, the values they share
 * in `value-rules.ts`, error recovery in `recovering-parser.ts`. `cst-to-ast.ts` turns the
 * tree into the AST.
 */
import {
  tokenMatcher,
  type CstNode,
  type IRecognitionException,
  type IToken,
  type TokenType,
} from 'chevrotain';
import {
  CONTEXT_BLOCK,
  FRAMEWORK_BLOCK,
  KPI_BLOCK,
  LEVELS_BLOCK,
  OVERRIDE_BLOCK,
  POSITION_BLOCK,
  QUOTA_BLOCK,
  RATING_BLOCK,
  SCALE_BLOCK,
  TOP_LEVEL,
  type StrayRun,
} from './block-shapes.js';
import { messageProvider } from './parse-errors.js';
import * as t from './tokens.js';
import type { UnclosedBlock } from './unclosed-blocks.js';
import { ValueRules } from './value-rules.js';

export class KpiParser extends ValueRules {
  constructor(options: { validate: boolean }) {
    super(options);
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
      { ALT: () => this.SUBRULE(this.part) },
      { ALT: () => this.SUBRULE(this.when) },
      { ALT: () => this.SUBRULE(this.quota) },
    ]);
  });

  // framework cema "Ủy ban Dân tộc" / "Committee for Ethnic Minority Affairs" { ... }
  framework = this.RULE('framework', () => {
    this.CONSUME(t.Framework);
    const name = this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(FRAMEWORK_BLOCK, () => this.SUBRULE(this.frameworkField));
    this.closeBlock('framework', open, name);
  });

  frameworkField = this.RULE('frameworkField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.versionField) },
      { ALT: () => this.SUBRULE(this.agencyField) },
      { ALT: () => this.SUBRULE(this.effectiveField) },
      { ALT: () => this.SUBRULE(this.cycleField) },
      { ALT: () => this.SUBRULE(this.missingDataField) },
      { ALT: () => this.SUBRULE(this.roundingField) },
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

  // round values to 1 decimal | round total to 2 decimals
  // The count is any number here, so that `to 1.5 decimals` or `to -1 decimals` reaches the
  // checker (KPI013) rather than a bare syntax error. The two words are names, not words:
  // none of their choices is a keyword, and in `round to 2 decimals` a word would take `to`.
  roundingField = this.RULE('roundingField', () => {
    this.CONSUME(t.Round);
    this.CONSUME(t.Identifier, { LABEL: 'target' });
    this.CONSUME(t.To);
    this.SUBRULE(this.number, { LABEL: 'places' });
    // An alternative rather than a plain CONSUME, which recovers by dropping the token in
    // front: in `round total to 2` followed by `cycle quarterly`, it would drop `cycle` and
    // take `quarterly`, losing the next line to a forgotten `decimals`.
    this.OR({
      DEF: [{ ALT: () => this.CONSUME2(t.Identifier, { LABEL: 'unit' }) }],
      ERR_MSG: "'decimals' (or 'decimal')",
    });
  });

  levels = this.RULE('levels', () => {
    this.CONSUME(t.Levels);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(LEVELS_BLOCK, () => this.SUBRULE(this.level));
    this.closeBlock('levels', open);
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
    const open = this.CONSUME(t.LBrace);
    this.blockLines(RATING_BLOCK, () => this.SUBRULE(this.ratingLine));
    this.closeBlock('rating', open);
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
    const name = this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    this.CONSUME(t.From);
    this.SUBRULE(this.number, { LABEL: 'low' });
    this.CONSUME(t.To);
    this.SUBRULE2(this.number, { LABEL: 'high' });
    this.OPTION(() => {
      const open = this.CONSUME(t.LBrace);
      this.blockLines(SCALE_BLOCK, () => this.SUBRULE(this.scalePoint));
      this.closeBlock('scale', open, name);
    });
  });

  scalePoint = this.RULE('scalePoint', () => {
    this.SUBRULE(this.number);
    this.SUBRULE(this.label);
  });

  kpi = this.RULE('kpi', () => {
    this.CONSUME(t.Kpi);
    const name = this.CONSUME(t.Identifier);
    this.ACTION(() => (this.indicator = name));
    this.SUBRULE(this.label);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(KPI_BLOCK, () => this.SUBRULE(this.kpiField));
    this.closeBlock('kpi', open, name);
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
      { ALT: () => this.SUBRULE(this.pointsField) },
      { ALT: () => this.SUBRULE(this.partField) },
    ]);
  });

  // points proportional
  pointsField = this.RULE('pointsField', () => {
    this.CONSUME(t.Points);
    this.CONSUME(t.Word, { LABEL: 'value' });
  });

  // part task_results
  partField = this.RULE('partField', () => {
    this.CONSUME(t.Part);
    this.CONSUME(t.Identifier);
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

  // group management "Quản lý" / "Management" { task_completion, staff_satisfaction }
  group = this.RULE('group', () => {
    this.CONSUME(t.Group);
    const name = this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    const open = this.CONSUME(t.LBrace);
    this.OPTION(() => {
      this.CONSUME2(t.Identifier, { LABEL: 'member' });
      this.MANY(() => {
        this.OPTION2(() => this.CONSUME(t.Comma));
        this.CONSUME3(t.Identifier, { LABEL: 'member' });
      });
    });
    this.closeBlock('group', open, name);
  });

  position = this.RULE('position', () => {
    this.CONSUME(t.Position);
    const name = this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(t.In);
      this.CONSUME2(t.Identifier, { LABEL: 'group' });
    });
    const open = this.CONSUME(t.LBrace);
    this.blockLines(POSITION_BLOCK, () => this.SUBRULE(this.assignment));
    this.closeBlock('position', open, name);
  });

  // task_completion weight 30% target >= 95% bands { ... }
  assignment = this.RULE('assignment', () => {
    const indicator = this.CONSUME(t.Identifier);
    this.ACTION(() => (this.indicator = indicator));
    this.OPTION(() => {
      this.CONSUME(t.Weight);
      this.SUBRULE(this.number);
    });
    this.OPTION2(() => this.SUBRULE(this.targetField));
    this.OPTION3(() => this.SUBRULE(this.bandsField));
  });

  context = this.RULE('context', () => {
    this.CONSUME(t.Context);
    const name = this.CONSUME(t.Identifier);
    this.SUBRULE(this.label);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(CONTEXT_BLOCK, () => {
      this.OR2([
        { ALT: () => this.SUBRULE(this.positionOverride) },
        { ALT: () => this.SUBRULE(this.indicatorOverride) },
      ]);
    });
    this.closeBlock('context', open, name);
  });

  // part task_results "Kết quả thực hiện nhiệm vụ" / "Task results" points 70
  part = this.RULE('part', () => {
    this.CONSUME(t.Part);
    this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    this.CONSUME(t.Points);
    this.SUBRULE(this.number);
  });

  // when disciplined "Bị xử lý kỷ luật" / "Disciplined" [in leaders] rate not_completed
  when = this.RULE('when', () => {
    this.CONSUME(t.When);
    this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    this.OPTION(() => {
      this.CONSUME(t.In);
      this.CONSUME2(t.Identifier, { LABEL: 'group' });
    });
    this.CONSUME(t.Rate);
    this.CONSUME3(t.Identifier, { LABEL: 'rating' });
  });

  // quota excellent_share "..." { outstanding at most 20% of completed_well  within unit, group
  //   rank by total, task_results }
  quota = this.RULE('quota', () => {
    this.CONSUME(t.Quota);
    const name = this.CONSUME(t.Identifier, { LABEL: 'id' });
    this.SUBRULE(this.label);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(QUOTA_BLOCK, () => this.SUBRULE(this.quotaField));
    this.closeBlock('quota', open, name);
  });

  quotaField = this.RULE('quotaField', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.quotaLimit) },
      { ALT: () => this.SUBRULE(this.withinField) },
      { ALT: () => this.SUBRULE(this.rankField) },
    ]);
  });

  // outstanding at most 20% of completed_well
  quotaLimit = this.RULE('quotaLimit', () => {
    this.CONSUME(t.Identifier, { LABEL: 'limited' });
    this.CONSUME(t.At);
    this.CONSUME(t.Most);
    this.SUBRULE(this.number);
    this.CONSUME(t.Of);
    this.CONSUME2(t.Identifier, { LABEL: 'base' });
  });

  // within unit, group
  // `unit` and `group` are keywords, so the words are read as names or these two keywords
  // (a misspelt one reaches the checker as a name).
  withinField = this.RULE('withinField', () => {
    this.CONSUME(t.Within);
    this.SUBRULE(this.withinWord);
    this.MANY({
      GATE: () => this.continuesList([t.Identifier, t.Unit, t.Group]),
      DEF: () => {
        this.OPTION(() => this.CONSUME(t.Comma));
        this.SUBRULE2(this.withinWord);
      },
    });
  });

  withinWord = this.RULE('withinWord', () => {
    this.OR({
      DEF: [
        { ALT: () => this.CONSUME(t.Identifier, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(t.Unit, { LABEL: 'value' }) },
        { ALT: () => this.CONSUME(t.Group, { LABEL: 'value' }) },
      ],
      ERR_MSG: "a set of people ('unit' or 'group')",
    });
  });

  // rank by total, task_results, quality
  rankField = this.RULE('rankField', () => {
    this.CONSUME(t.Rank);
    this.CONSUME(t.By);
    this.CONSUME(t.Identifier, { LABEL: 'key' });
    this.MANY({
      GATE: () => this.continuesList([t.Identifier]),
      DEF: () => {
        this.OPTION(() => this.CONSUME(t.Comma));
        this.CONSUME2(t.Identifier, { LABEL: 'key' });
      },
    });
  });

  /**
   * True when a list of `within` words or `rank by` keys goes on: at a comma, or at one of
   * `items` that cannot start what may follow the list, a quota's limit line (`outstanding at
   * most ...`) or a group declaration after a quota whose `}` is missing (`group g "G"`). So
   * `within unit group` reads both words, and `cst-to-ast.ts` reports the missing comma with
   * a fix, rather than the block breaking at `group`.
   */
  private continuesList(items: TokenType[]): boolean {
    const next = this.LA(1).tokenType;
    if (next === t.Comma) return true;
    if (!items.includes(next)) return false;
    if (next === t.Identifier) return this.LA(2).tokenType !== t.At;
    if (next === t.Group) {
      return !(tokenMatcher(this.LA(2), t.Identifier) && tokenMatcher(this.LA(3), t.StringLiteral));
    }
    return true;
  }

  positionOverride = this.RULE('positionOverride', () => {
    this.CONSUME(t.Position);
    const name = this.CONSUME(t.Identifier);
    const open = this.CONSUME(t.LBrace);
    this.blockLines(OVERRIDE_BLOCK, () => this.SUBRULE(this.assignment));
    this.closeBlock('position', open, name);
  });

  // economic_access target >= 85%
  indicatorOverride = this.RULE('indicatorOverride', () => {
    const indicator = this.CONSUME(t.Identifier);
    this.ACTION(() => (this.indicator = indicator));
    this.OPTION(() => this.SUBRULE(this.targetField));
    this.OPTION2(() => this.SUBRULE(this.bandsField));
  });
}

/**
 * The one parser, built on first use (so `kpic --version` never pays for it) and kept: the
 * grammar analysis in the constructor is the costly part.
 */
let sharedParser: KpiParser | undefined;

/** What one parse produced: the tree and what recovery had to do to build it. */
export interface ParsedTokens {
  cst: CstNode;
  errors: IRecognitionException[];
  /** "Missing ..." messages for errors repaired by inventing a token, by the token in front. */
  missing: Map<IToken, string>;
  strayRuns: StrayRun[];
  /** Blocks whose `}` was missing, each tied to the index of its error in `errors`. */
  unclosed: UnclosedBlock[];
}

/**
 * Parses a token list into the CST of a whole file. Synchronous, so the one parser serves
 * every call; it keeps nothing of the file once it returns.
 */
export function parseTokens(tokens: IToken[]): ParsedTokens {
  const kpiParser = (sharedParser ??= new KpiParser({ validate: false }));
  kpiParser.strayRuns = [];
  kpiParser.missing = new Map();
  kpiParser.unclosed = [];
  messageProvider.tokens = tokens;
  kpiParser.input = tokens;
  try {
    const cst = kpiParser.file();
    return {
      cst,
      errors: kpiParser.errors,
      missing: kpiParser.missing,
      strayRuns: kpiParser.strayRuns,
      unclosed: kpiParser.unclosed,
    };
  } finally {
    kpiParser.input = [];
    kpiParser.strayRuns = [];
    kpiParser.missing = new Map();
    kpiParser.unclosed = [];
    kpiParser.resetIndicator();
    messageProvider.tokens = [];
  }
}
