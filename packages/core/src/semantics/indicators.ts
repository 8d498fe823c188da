/**
 * Resolves each `kpi` declaration into a model indicator: its enumerated words (KPI102), its
 * unit (KPI102, KPI502; KPI503 for a survey not in a scale), its goal and band levels
 * (KPI101), its measurement, and the domain of its rated value. The threshold, frequency and
 * SMART checks run later, on the result.
 */
import type * as ast from '../syntax/ast.js';
import { conditionInterval, exprText, toBilingual, unwrapParens, walkExpr } from './convert.js';
import { ratedDomain } from './domain.js';
import type { Band, Indicator, Measurement, UnitInfo } from './model.js';
import { related } from './report.js';
import { resolveName } from './resolve.js';
import type { CheckState } from './state.js';
import type { Declared } from './symbols.js';
import { isScaleUnit, resolveUnit } from './units.js';
import {
  AGGREGATIONS,
  BETWEEN_RULES,
  DIRECTIONS,
  KINDS,
  MISSING_DATA_RULES,
  PERIOD_NOUNS,
  readWord,
  SCORINGS,
} from './words.js';

/** Every indicator with an id, in source order; the state's table is filled as they come. */
export function buildIndicators(state: CheckState): Indicator[] {
  const indicators: Indicator[] = [];
  for (const declared of state.symbols.indicators.values()) {
    const place = { uri: declared.uri, range: declared.decl.id?.range ?? declared.decl.range };
    state.reporter.guard('indicator', place, () => {
      const indicator = buildIndicator(state, declared);
      indicators.push(indicator);
      state.indicators.set(indicator.id, indicator);
    });
  }
  return indicators;
}

function buildIndicator(state: CheckState, { decl, uri }: Declared<ast.KpiDecl>): Indicator {
  const { reporter } = state;
  const id = decl.id?.text ?? '';
  const indicator: Indicator = {
    id,
    label: toBilingual(decl.label, id),
    bands: bandsOf(state, uri, decl.bands),
    scoring: readWord(reporter, uri, decl.points?.value, SCORINGS) ?? 'bands',
    node: decl,
    uri,
  };

  const kind = readWord(reporter, uri, decl.indicatorKind?.value, KINDS);
  if (kind) indicator.kind = kind;
  const direction = readWord(reporter, uri, decl.better?.value, DIRECTIONS);
  if (direction) indicator.direction = direction;
  const frequency = readWord(reporter, uri, decl.every?.value, PERIOD_NOUNS);
  if (frequency) indicator.frequency = frequency;
  const aggregation = readWord(reporter, uri, decl.aggregate?.value, AGGREGATIONS);
  if (aggregation) indicator.aggregation = aggregation;
  const between = readWord(reporter, uri, decl.between?.value, BETWEEN_RULES);
  if (between) indicator.between = between;
  const missingData = readWord(reporter, uri, decl.missingData?.value, MISSING_DATA_RULES);
  if (missingData) indicator.missingData = missingData;

  const target = conditionInterval(decl.target?.condition);
  if (target) indicator.target = target;
  if (decl.source?.label) indicator.source = toBilingual(decl.source.label);
  if (decl.measurement) indicator.measurement = toMeasurement(decl.measurement);
  const goal = resolveName({
    reporter,
    uri,
    name: decl.goal,
    table: state.symbols.goals,
    what: 'goal',
  });
  if (goal && decl.goal) indicator.goal = decl.goal.text;
  const part = resolveName({
    reporter,
    uri,
    name: decl.part,
    table: state.symbols.parts,
    what: 'part',
  });
  if (part && decl.part) indicator.part = decl.part.text;

  const unit = resolveUnit(reporter, uri, decl.unit, state.scales);
  if (unit) {
    checkSurveyUnit(state, uri, decl, unit);
    indicator.unit = unit;
    indicator.domain = ratedDomain(unit, {
      measurement: decl.measurement,
      frequency,
      cycle: state.cycle,
      aggregation,
    });
  }
  return indicator;
}

/**
 * KPI503 when a survey's indicator is not in a scale: a survey's value is a mean of answers
 * on a scale (see docs/language.md), so a percentage, a count or a rate cannot hold it. The
 * report is at the unit, which is what to change, and points at the survey.
 */
function checkSurveyUnit(state: CheckState, uri: string, decl: ast.KpiDecl, unit: UnitInfo): void {
  const survey = decl.measurement;
  const name = decl.unit?.name;
  if (survey?.kind !== 'SurveyMeasurement' || !name || isScaleUnit(unit)) return;

  const end = (decl.unit?.per ?? name).range.end;
  const written = unit.per ? `${unit.name} per ${decl.unit?.per?.text ?? unit.per}` : unit.name;
  const detail = `A survey is rated on a scale such as likert5; '${written}' is not a scale.`;
  state.reporter.report('KPI503', { uri, range: { start: name.range.start, end } }, [detail], {
    related: [related({ uri, range: survey.range }, 'The survey is here.')],
  });
}

/**
 * The bands of a clause whose level resolves and whose condition is complete. An unknown
 * level gets KPI101; its band is left out of the model (the threshold checks still see its
 * values, so that one misspelt level does not also open a gap). Each clause is resolved once,
 * however many positions and contexts share it, so that a misspelling is reported once.
 */
export function bandsOf(
  state: CheckState,
  uri: string,
  clause: ast.BandsClause | undefined,
): Band[] {
  if (!clause) return [];
  const known = state.bandsByClause.get(clause);
  if (known) return known;

  const bands: Band[] = [];
  state.bandsByClause.set(clause, bands);
  for (const band of clause.bands) {
    const level = resolveName({
      reporter: state.reporter,
      uri,
      name: band.level,
      table: state.symbols.levels,
      what: 'level',
    });
    const interval = conditionInterval(band.condition);
    if (level && interval) bands.push({ level: band.level.text, interval, node: band });
  }
  return bands;
}

function toMeasurement(node: ast.Measurement): Measurement {
  if (node.kind === 'SurveyMeasurement') {
    const measure = node.measure?.text;
    const measurement: Measurement = {
      kind: 'survey',
      text: `survey ${measure ?? '?'}`,
      measures: measure ? [measure] : [],
      node,
    };
    if (node.minimumResponses) measurement.minimumResponses = node.minimumResponses.value;
    return measurement;
  }

  const measures: string[] = [];
  walkExpr(node.formula, (expr) => {
    if (expr.kind === 'MeasureRef' && !measures.includes(expr.name.text))
      measures.push(expr.name.text);
  });
  const measurement: Measurement = {
    kind: 'formula',
    text: exprText(node.formula),
    measures,
    node,
  };
  const top = unwrapParens(node.formula);
  if (top?.kind === 'Binary' && top.op === '/') {
    measurement.ratio = { numerator: exprText(top.left), denominator: exprText(top.right) };
  }
  return measurement;
}
