/**
 * Small rule sets written inline by the tests: the boilerplate of a rule set (format,
 * compiler, levels, rating lines) and short builders for intervals, bands, formulas,
 * indicators and positions, plus `csv` for data rows under the standard header. Each test
 * states the parts it scores, so its expectations can be computed by hand from what it shows.
 */
import type { Band, Expression, Indicator, Interval, Position, RuleSet } from '@kpilang/rule-set';
import {
  COLUMNS,
  loadRuleSet,
  readRowsCsv,
  type IndicatorResult,
  type LoadedRuleSet,
  type PersonResult,
  type RowsRead,
  type ScoreResult,
} from '@kpilang/runtime';

/** Levels: excellent 100, good 80, acceptable 60, poor 20, met 100, not_met 0. */
export const LEVELS: RuleSet['levels'] = [
  level('excellent', '100'),
  level('good', '80'),
  level('acceptable', '60'),
  level('poor', '20'),
  level('met', '100'),
  level('not_met', '0'),
];

/** Rating lines: outstanding from 90, well 70 to under 90, done 50 to under 70, not_done under 50. */
export const RATING: RuleSet['rating'] = [
  { id: 'outstanding', label: label('Outstanding'), interval: from('90') },
  { id: 'well', label: label('Completed well'), interval: fromUnder('70', '90') },
  { id: 'done', label: label('Completed'), interval: fromUnder('50', '70') },
  { id: 'not_done', label: label('Not completed'), interval: under('50') },
];

export function from(low: string): Interval {
  return { low, lowInclusive: true, highInclusive: false };
}
export function above(low: string): Interval {
  return { low, lowInclusive: false, highInclusive: false };
}
export function under(high: string): Interval {
  return { lowInclusive: false, high, highInclusive: false };
}
export function atMost(high: string): Interval {
  return { lowInclusive: false, high, highInclusive: true };
}
export function fromUnder(low: string, high: string): Interval {
  return { low, lowInclusive: true, high, highInclusive: false };
}
export function closed(low: string, high: string): Interval {
  return { low, lowInclusive: true, high, highInclusive: true };
}
export function exactly(value: string): Interval {
  return closed(value, value);
}

export function band(level: string, interval: Interval): Band {
  return { level, interval };
}

export function measure(name: string): Expression {
  return { measure: name };
}
export function num(text: string): Expression {
  return { number: text };
}
export function op(
  left: Expression,
  operator: '+' | '-' | '*' | '/',
  right: Expression,
): Expression {
  return { op: operator, left, right };
}

/** Bands of a percent share: excellent from 95, good 80 to under 95, poor under 80. */
export const SHARE_BANDS: Band[] = [
  band('excellent', from('95')),
  band('good', fromUnder('80', '95')),
  band('poor', under('80')),
];

export const PERCENT = { name: 'percent', low: '0', high: '100', integer: false };
export const COUNT = { name: 'count', low: '0', integer: true };
export const HOURS = { name: 'hours', low: '0', integer: false };
export const LIKERT5 = { name: 'likert5', low: '1', high: '5', integer: true };

/** A formula indicator; `measures` is derived from the tree. */
export function formulaIndicator(
  id: string,
  expression: Expression,
  fields: Partial<Indicator> = {},
): Indicator {
  const measures: string[] = [];
  const visit = (node: Expression): void => {
    if ('measure' in node) {
      if (!measures.includes(node.measure)) measures.push(node.measure);
    } else if ('negate' in node) visit(node.negate);
    else if ('call' in node) node.args.forEach(visit);
    else if ('op' in node) {
      visit(node.left);
      visit(node.right);
    }
  };
  visit(expression);
  return {
    id,
    label: label(id),
    measurement: { kind: 'formula', text: id, measures, expression },
    unit: PERCENT,
    direction: 'higher',
    bands: SHARE_BANDS,
    scoring: 'bands',
    frequency: 'quarter',
    missingData: 'exclude',
    ...fields,
  };
}

/** A survey indicator on likert5 with excellent from 4.5, good 4 to under 4.5, acceptable 3 to under 4, poor under 3. */
export function surveyIndicator(
  id: string,
  measureName: string,
  minimum: string,
  fields: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    label: label(id),
    measurement: {
      kind: 'survey',
      text: `survey ${measureName}`,
      measures: [measureName],
      minimumResponses: minimum,
    },
    unit: LIKERT5,
    direction: 'higher',
    bands: [
      band('excellent', from('4.5')),
      band('good', fromUnder('4', '4.5')),
      band('acceptable', fromUnder('3', '4')),
      band('poor', under('3')),
    ],
    scoring: 'bands',
    frequency: 'quarter',
    missingData: 'exclude',
    ...fields,
  };
}

/**
 * A position weighting `weights` (indicator id → weight), with each indicator's own bands,
 * in `group` when one is given.
 */
export function position(
  id: string,
  indicators: readonly Indicator[],
  weights: Record<string, string>,
  group?: string,
): Position {
  const entries = Object.entries(weights);
  const total = entries.reduce((sum, [, weight]) => sum + Number(weight), 0);
  return {
    id,
    label: label(id),
    ...(group === undefined ? {} : { group }),
    indicators: entries.map(([indicator, weight]) => ({
      indicator,
      weight,
      bands: indicators.find((item) => item.id === indicator)?.bands ?? [],
    })),
    total: String(total),
  };
}

export interface RuleSetParts {
  indicators: Indicator[];
  positions: Position[];
  contexts?: RuleSet['contexts'];
  cycle?: RuleSet['framework']['cycle'] | null;
  missingData?: RuleSet['framework']['missingData'];
  rating?: RuleSet['rating'];
  effective?: string;
  parts?: RuleSet['parts'];
  conditions?: RuleSet['conditions'];
  quotas?: RuleSet['quotas'];
  /** Group ids; each group lists no indicators. */
  groups?: string[];
}

/** A complete rule set value (format 3) around the given parts; quarterly unless told. */
export function ruleSetValue(parts: RuleSetParts): RuleSet {
  const cycle = parts.cycle === null ? undefined : (parts.cycle ?? 'quarter');
  return {
    format: 'kpilang.rules/3',
    compiler: { name: 'kpic', version: '0.1.0' },
    sourceHash: `sha256:${'0'.repeat(64)}`,
    conventions: { numbers: 'exact-decimal-text', percent: '0-100' },
    framework: {
      id: 'test',
      label: label('Test framework'),
      ...(parts.effective === undefined ? {} : { effective: parts.effective }),
      ...(cycle === undefined ? {} : { cycle }),
      missingData: parts.missingData ?? 'exclude',
    },
    levels: LEVELS,
    rating: parts.rating ?? RATING,
    parts: parts.parts ?? [],
    conditions: parts.conditions ?? [],
    quotas: parts.quotas ?? [],
    goals: [],
    scales: [],
    indicators: parts.indicators,
    groups: (parts.groups ?? []).map((id) => ({ id, label: label(id), indicators: [] })),
    positions: parts.positions,
    contexts: parts.contexts ?? [],
  } as RuleSet;
}

/** The result of one person's indicator, or a test failure when it is not there. */
export function indicatorOf(
  result: ScoreResult,
  person: string,
  indicator: string,
): IndicatorResult {
  const found = personOf(result, person).indicators.find((item) => item.indicator === indicator);
  if (found === undefined) throw new Error(`No indicator ${indicator} for ${person}.`);
  return found;
}

/** One person's result, or a test failure when it is not there. */
export function personOf(result: ScoreResult, person: string): PersonResult {
  const found = result.people.find((item) => item.person === person);
  if (found === undefined) throw new Error(`No result for ${person}.`);
  return found;
}

/** `loadRuleSet(ruleSetValue(parts))`. */
export function rules(parts: RuleSetParts): LoadedRuleSet {
  return loadRuleSet(ruleSetValue(parts));
}

/** Data rows from CSV lines written without the header; leading spaces of each line are dropped. */
export function csv(lines: string): RowsRead {
  const body = lines
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  return readRowsCsv(`${COLUMNS.join(',')}\n${body}\n`);
}

function level(id: string, points: string): RuleSet['levels'][number] {
  return { id, label: label(id), points };
}

export function label(text: string): { vi: string; en: string } {
  return { vi: text, en: text };
}
