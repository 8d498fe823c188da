/**
 * Concrete syntax tree to AST: the last step of parsing, between `parser.ts` and the checker.
 * Every AST node gets its range from the offsets of its tokens. After error recovery any child
 * may be missing: the matching AST field is left undefined and nothing throws. A field written
 * twice in one block is kept in `repeated` and reported as KPI006 at the repeat.
 */
import type { CstNode, IToken } from 'chevrotain';
import { makeDiagnostic } from '../diagnostics/diagnostic.js';
import type {
  Assignment,
  ContextDecl,
  Declaration,
  FrameworkDecl,
  GoalDecl,
  GroupDecl,
  IndicatorOverride,
  KpiDecl,
  LevelsDecl,
  ListClause,
  Measurement,
  PartDecl,
  PositionDecl,
  PositionOverride,
  QuotaDecl,
  QuotaLimit,
  RatingDecl,
  RoundingClause,
  ScaleDecl,
  SourceFile,
  UnitClause,
  WhenDecl,
  WordClause,
} from './ast.js';
import {
  nameOf,
  nodeAt,
  nodesAt,
  onlyChild,
  spanOfNode,
  spanOfToken,
  textOf,
  toRange,
  tokenAt,
  tokensAt,
  type AstContext,
} from './cst-access.js';
import { toBands, toCondition, toFormula, toLabel, toNumber, toTarget } from './cst-values.js';

/** Converts the CST of a whole file. Problems found on the way go to `context.diagnostics`. */
export function toSourceFile(
  context: AstContext,
  cst: CstNode | undefined,
  textLength: number,
): SourceFile {
  const declarations: Declaration[] = [];
  for (const node of nodesAt(cst, 'declaration')) {
    const declaration = toDeclaration(context, onlyChild(node));
    if (declaration) declarations.push(declaration);
  }
  const range = context.lineMap.rangeOf(0, textLength);
  return { kind: 'SourceFile', uri: context.uri, declarations, range };
}

function toDeclaration(context: AstContext, node: CstNode | undefined): Declaration | undefined {
  const span = spanOfNode(node);
  if (!node || !span) return undefined;
  const range = toRange(context, span);
  const id = nameOf(context, tokenAt(node, 'Identifier'));
  const label = toLabel(context, nodeAt(node, 'label'));

  switch (node.name) {
    case 'framework':
      return toFramework(context, node, {
        kind: 'FrameworkDecl',
        id,
        label,
        rounding: [],
        repeated: [],
        range,
      });
    case 'levels':
      return toLevels(context, node, range);
    case 'rating':
      return toRating(context, node, range);
    case 'goal': {
      const perspective = nameOf(context, tokenAt(node, 'perspective'));
      const goal: GoalDecl = { kind: 'GoalDecl', id, label, perspective, range };
      return goal;
    }
    case 'scale':
      return toScale(context, node, { kind: 'ScaleDecl', id, label, points: [], range });
    case 'kpi':
      return toKpi(context, node, { kind: 'KpiDecl', id, label, repeated: [], range });
    case 'group':
      return toGroup(context, node, range);
    case 'position':
      return toPosition(context, node, range);
    case 'context':
      return toContext(context, node, { kind: 'ContextDecl', id, label, overrides: [], range });
    case 'part': {
      const points = toNumber(context, nodeAt(node, 'number'));
      const part: PartDecl = { kind: 'PartDecl', id: idOf(context, node), label, points, range };
      return part;
    }
    case 'when':
      return toWhen(context, node, range);
    case 'quota':
      return toQuota(context, node, {
        kind: 'QuotaDecl',
        id: idOf(context, node),
        label,
        repeated: [],
        range,
      });
    default:
      return undefined;
  }
}

function toFramework(context: AstContext, node: CstNode, decl: FrameworkDecl): FrameworkDecl {
  const fields = new FieldSetter(context, decl);
  for (const wrapper of nodesAt(node, 'frameworkField')) {
    const field = onlyChild(wrapper);
    switch (field?.name) {
      case 'versionField':
        fields.set(field, 'version', 'version', textOf(context, tokenAt(field, 'StringLiteral')));
        break;
      case 'agencyField':
        fields.set(field, 'agency', 'agency', toLabel(context, nodeAt(field, 'label')));
        break;
      case 'effectiveField': {
        const date = tokenAt(field, 'DateLiteral');
        const effective = date && {
          kind: 'Date' as const,
          text: date.image,
          range: rangeOfToken(context, date),
        };
        fields.set(field, 'effective', 'effective', effective);
        break;
      }
      case 'cycleField':
        fields.set(field, 'cycle', 'cycle', wordClause(context, field, 'cycle'));
        break;
      case 'missingDataField':
        fields.set(
          field,
          'missingData',
          'missing data',
          wordClause(context, field, 'missing data'),
        );
        break;
      case 'roundingField': {
        const rounding = toRounding(context, field);
        // A repeat is `round values` written twice; `round` alone when recovery lost the word.
        const keyword = rounding?.target ? `round ${rounding.target.text}` : 'round';
        if (rounding && fields.claim(field, keyword)) decl.rounding.push(rounding);
        break;
      }
    }
  }
  return decl;
}

function toRounding(context: AstContext, field: CstNode): RoundingClause | undefined {
  const span = spanOfNode(field);
  if (!span) return undefined;
  return {
    kind: 'RoundingClause',
    target: nameOf(context, tokenAt(field, 'target')),
    places: toNumber(context, nodeAt(field, 'places')),
    unit: nameOf(context, tokenAt(field, 'unit')),
    range: toRange(context, span),
  };
}

function toKpi(context: AstContext, node: CstNode, decl: KpiDecl): KpiDecl {
  const fields = new FieldSetter(context, decl);
  for (const wrapper of nodesAt(node, 'kpiField')) {
    const field = onlyChild(wrapper);
    if (!field) continue;
    switch (field.name) {
      case 'wordField': {
        const keyword = tokenAt(field, 'keyword')?.image;
        const key = keyword ? WORD_FIELDS[keyword] : undefined;
        if (keyword && key) fields.set(field, key, keyword, wordClause(context, field, keyword));
        break;
      }
      case 'measureField':
        fields.set(field, 'measurement', 'measure', toMeasurement(context, field));
        break;
      case 'unitField':
        fields.set(field, 'unit', 'unit', toUnit(context, field));
        break;
      case 'targetField':
        fields.set(field, 'target', 'target', toTarget(context, field));
        break;
      case 'bandsField':
        fields.set(field, 'bands', 'bands', toBands(context, field));
        break;
      case 'betweenField':
        fields.set(
          field,
          'between',
          'between measurements',
          wordClause(context, field, 'between measurements'),
        );
        break;
      case 'sourceField': {
        const source = {
          kind: 'TextClause' as const,
          keyword: 'source',
          label: toLabel(context, nodeAt(field, 'label')),
        };
        fields.set(field, 'source', 'source', { ...source, range: rangeOfNode(context, field) });
        break;
      }
      case 'goalField':
        fields.set(field, 'goal', 'goal', nameOf(context, tokenAt(field, 'Identifier')));
        break;
      case 'missingDataField':
        fields.set(
          field,
          'missingData',
          'missing data',
          wordClause(context, field, 'missing data'),
        );
        break;
      case 'pointsField':
        fields.set(field, 'points', 'points', wordClause(context, field, 'points'));
        break;
      case 'partField':
        fields.set(field, 'part', 'part', nameOf(context, tokenAt(field, 'Identifier')));
        break;
    }
  }
  return decl;
}

/** Which `KpiDecl` field each word-valued keyword fills. */
const WORD_FIELDS: Record<string, 'indicatorKind' | 'better' | 'every' | 'aggregate'> = {
  kind: 'indicatorKind',
  better: 'better',
  every: 'every',
  aggregate: 'aggregate',
};

/**
 * Fills the fields of one block in text order. The first occurrence of a keyword wins, even if
 * its value is broken; a later one goes to `repeated` with a KPI006 diagnostic.
 */
class FieldSetter<Decl extends { repeated: { keyword: string; range: KpiDecl['range'] }[] }> {
  private readonly seen = new Set<string>();

  constructor(
    private readonly context: AstContext,
    private readonly decl: Decl,
  ) {}

  set<K extends keyof Decl>(
    field: CstNode,
    key: K,
    keyword: string,
    value: Decl[K] | undefined,
  ): void {
    if (this.claim(field, keyword) && value !== undefined) this.decl[key] = value;
  }

  /**
   * True when `field` is the first one written with `keyword`; false for a repeat, which is
   * recorded and reported (KPI006), and for a field without any token.
   */
  claim(field: CstNode, keyword: string): boolean {
    const span = spanOfNode(field);
    if (!span) return false;
    if (this.seen.has(keyword)) {
      const range = toRange(this.context, span);
      this.decl.repeated.push({ keyword, range });
      this.context.diagnostics.push(makeDiagnostic('KPI006', this.context.uri, range, [keyword]));
      return false;
    }
    this.seen.add(keyword);
    return true;
  }
}

function wordClause(context: AstContext, field: CstNode, keyword: string): WordClause | undefined {
  const span = spanOfNode(field);
  if (!span) return undefined;
  const value = nameOf(context, tokenAt(field, 'value'));
  return { kind: 'WordClause', keyword, value, range: toRange(context, span) };
}

function toMeasurement(context: AstContext, field: CstNode): Measurement | undefined {
  const survey = nodeAt(field, 'survey');
  if (survey) {
    const measure = nameOf(context, tokenAt(survey, 'Identifier'));
    const minimumResponses = toNumber(context, nodeAt(survey, 'number'));
    return {
      kind: 'SurveyMeasurement',
      measure,
      minimumResponses,
      range: rangeOfNode(context, survey ?? field),
    };
  }

  const expression = nodeAt(field, 'expression');
  const formula = toFormula(context, expression);
  const span = spanOfNode(expression) ?? spanOfNode(field);
  return span && { kind: 'FormulaMeasurement', formula, range: toRange(context, span) };
}

function toUnit(context: AstContext, field: CstNode): UnitClause | undefined {
  const span = spanOfNode(field);
  if (!span) return undefined;
  const name = nameOf(context, tokenAt(field, 'name'));
  const per = nameOf(context, tokenAt(field, 'per'));
  const quoted = textOf(context, tokenAt(field, 'StringLiteral'));
  return { kind: 'UnitClause', name, quoted, per, range: toRange(context, span) };
}

function toLevels(context: AstContext, node: CstNode, range: LevelsDecl['range']): LevelsDecl {
  const levels: LevelsDecl['levels'] = [];
  for (const level of nodesAt(node, 'level')) {
    const span = spanOfNode(level);
    if (!span) continue;
    levels.push({
      kind: 'LevelDecl',
      id: nameOf(context, tokenAt(level, 'Identifier')),
      label: toLabel(context, nodeAt(level, 'label')),
      points: toNumber(context, nodeAt(level, 'number')),
      range: toRange(context, span),
    });
  }
  return { kind: 'LevelsDecl', levels, range };
}

function toRating(context: AstContext, node: CstNode, range: RatingDecl['range']): RatingDecl {
  const lines: RatingDecl['lines'] = [];
  for (const line of nodesAt(node, 'ratingLine')) {
    const span = spanOfNode(line);
    if (!span) continue;
    lines.push({
      kind: 'RatingLine',
      id: nameOf(context, tokenAt(line, 'Identifier')),
      label: toLabel(context, nodeAt(line, 'label')),
      condition: toCondition(context, nodeAt(line, 'condition')),
      range: toRange(context, span),
    });
  }
  return { kind: 'RatingDecl', lines, range };
}

function toScale(context: AstContext, node: CstNode, decl: ScaleDecl): ScaleDecl {
  decl.low = toNumber(context, nodeAt(node, 'low'));
  decl.high = toNumber(context, nodeAt(node, 'high'));
  for (const point of nodesAt(node, 'scalePoint')) {
    const span = spanOfNode(point);
    if (!span) continue;
    decl.points.push({
      value: toNumber(context, nodeAt(point, 'number')),
      label: toLabel(context, nodeAt(point, 'label')),
      range: toRange(context, span),
    });
  }
  return decl;
}

function toGroup(context: AstContext, node: CstNode, range: GroupDecl['range']): GroupDecl {
  const members = tokensAt(node, 'member').flatMap((token) => nameOf(context, token) ?? []);
  return {
    kind: 'GroupDecl',
    id: nameOf(context, tokenAt(node, 'id')),
    label: toLabel(context, nodeAt(node, 'label')),
    members,
    range,
  };
}

function toPosition(
  context: AstContext,
  node: CstNode,
  range: PositionDecl['range'],
): PositionDecl {
  return {
    kind: 'PositionDecl',
    id: nameOf(context, tokenAt(node, 'id')),
    label: toLabel(context, nodeAt(node, 'label')),
    group: nameOf(context, tokenAt(node, 'group')),
    hasIn: tokenAt(node, 'Kw_in') !== undefined,
    assignments: toAssignments(context, node),
    range,
  };
}

function toAssignments(context: AstContext, node: CstNode): Assignment[] {
  const assignments: Assignment[] = [];
  for (const line of nodesAt(node, 'assignment')) {
    const indicator = nameOf(context, tokenAt(line, 'Identifier'));
    const span = spanOfNode(line);
    if (!indicator || !span) continue;
    assignments.push({
      kind: 'Assignment',
      indicator,
      weight: toNumber(context, nodeAt(line, 'number')),
      target: toTarget(context, nodeAt(line, 'targetField')),
      bands: toBands(context, nodeAt(line, 'bandsField')),
      range: toRange(context, span),
    });
  }
  return assignments;
}

function toContext(context: AstContext, node: CstNode, decl: ContextDecl): ContextDecl {
  for (const override of nodesAt(node, 'positionOverride')) {
    const span = spanOfNode(override);
    if (!span) continue;
    const position: PositionOverride = {
      kind: 'PositionOverride',
      position: nameOf(context, tokenAt(override, 'Identifier')),
      assignments: toAssignments(context, override),
      range: toRange(context, span),
    };
    decl.overrides.push(position);
  }

  for (const override of nodesAt(node, 'indicatorOverride')) {
    const indicator = nameOf(context, tokenAt(override, 'Identifier'));
    const span = spanOfNode(override);
    if (!indicator || !span) continue;
    const change: IndicatorOverride = {
      kind: 'IndicatorOverride',
      indicator,
      target: toTarget(context, nodeAt(override, 'targetField')),
      bands: toBands(context, nodeAt(override, 'bandsField')),
      range: toRange(context, span),
    };
    decl.overrides.push(change);
  }

  // Both kinds were collected separately; give them back in the order they were written.
  decl.overrides.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return decl;
}

/** The id of a declaration whose grammar rule labels it `id`. */
function idOf(context: AstContext, node: CstNode): WhenDecl['id'] {
  return nameOf(context, tokenAt(node, 'id'));
}

function toWhen(context: AstContext, node: CstNode, range: WhenDecl['range']): WhenDecl {
  return {
    kind: 'WhenDecl',
    id: idOf(context, node),
    label: toLabel(context, nodeAt(node, 'label')),
    group: nameOf(context, tokenAt(node, 'group')),
    hasIn: tokenAt(node, 'Kw_in') !== undefined,
    rating: nameOf(context, tokenAt(node, 'rating')),
    range,
  };
}

/** The fields of a quota block; a field written twice is KPI006, as in an indicator. */
function toQuota(context: AstContext, node: CstNode, decl: QuotaDecl): QuotaDecl {
  const fields = new FieldSetter(context, decl);
  for (const wrapper of nodesAt(node, 'quotaField')) {
    const field = onlyChild(wrapper);
    switch (field?.name) {
      case 'quotaLimit':
        fields.set(field, 'limit', 'at most', toQuotaLimit(context, field));
        break;
      case 'withinField':
        fields.set(field, 'within', 'within', withinClause(context, field));
        break;
      case 'rankField':
        fields.set(field, 'rankBy', 'rank by', listClause(context, field, 'rank by'));
        break;
    }
  }
  return decl;
}

function toQuotaLimit(context: AstContext, field: CstNode): QuotaLimit | undefined {
  const span = spanOfNode(field);
  if (!span) return undefined;
  return {
    kind: 'QuotaLimit',
    limited: nameOf(context, tokenAt(field, 'limited')),
    share: toNumber(context, nodeAt(field, 'number')),
    base: nameOf(context, tokenAt(field, 'base')),
    range: toRange(context, span),
  };
}

/** `within` and its words; each word is a `withinWord` node of its own. */
function withinClause(context: AstContext, field: CstNode): ListClause | undefined {
  const words = nodesAt(field, 'withinWord').flatMap((word) => tokenAt(word, 'value') ?? []);
  return listClause(context, field, 'within', words);
}

/**
 * A list after its keyword: `within unit, group`, `rank by total, quality`. The grammar reads
 * an item that follows another without a comma; it is reported here, with a fix adding it.
 */
function listClause(
  context: AstContext,
  field: CstNode,
  keyword: string,
  tokens = tokensAt(field, 'key'),
): ListClause | undefined {
  const span = spanOfNode(field);
  if (!span) return undefined;
  const commas = tokensAt(field, 'Comma').map((comma) => comma.startOffset);
  for (const [index, token] of tokens.entries()) {
    const previous = tokens[index - 1];
    if (!previous) continue;
    const between = commas.some((at) => at > previous.startOffset && at < token.startOffset);
    if (!between) reportMissingComma(context, previous, token);
  }
  const items = tokens.flatMap((token) => nameOf(context, token) ?? []);
  return { kind: 'ListClause', keyword, items, range: toRange(context, span) };
}

/** KPI001 for two items of a list with no comma between them, with a fix that adds it. */
function reportMissingComma(context: AstContext, previous: IToken, next: IToken): void {
  const end = toRange(context, spanOfToken(previous)).end;
  const detail = `Missing ',' between '${previous.image}' and '${next.image}'.`;
  const edits = [{ uri: context.uri, range: { start: end, end }, newText: ',' }];
  const fixes = [{ title: "Add ','", edits }];
  const range = toRange(context, {
    start: previous.startOffset,
    end: next.startOffset + next.image.length,
  });
  context.diagnostics.push(makeDiagnostic('KPI001', context.uri, range, [detail], { fixes }));
}

function rangeOfNode(context: AstContext, node: CstNode): KpiDecl['range'] {
  return toRange(context, spanOfNode(node) ?? { start: 0, end: 0 });
}

function rangeOfToken(
  context: AstContext,
  token: { startOffset: number; image: string },
): KpiDecl['range'] {
  return toRange(context, {
    start: token.startOffset,
    end: token.startOffset + token.image.length,
  });
}
