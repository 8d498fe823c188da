/**
 * Frequencies against the assessment cycle (week < month < quarter < half-year < year). An
 * indicator measured more often than the cycle needs `aggregate` (KPI401, with fixes that
 * add `aggregate mean`, and `aggregate sum` for a count); one measured less often needs
 * `between measurements` (KPI402); either clause where nothing needs combining
 * is reported as having no effect (KPI403); and adding up percentages or scale points with
 * `aggregate sum` leaves their scale (KPI404); a rate whose rated value covers another period
 * than its own is KPI406 (see `rates.ts`). A header without a cycle leaves nothing to
 * compare with, which is said once, at the framework (KPI405).
 */
import type { Fix } from '../diagnostics/diagnostic.js';
import type * as ast from '../syntax/ast.js';
import type { Range } from '../syntax/source.js';
import type { Indicator, Period } from './model.js';
import { comparePeriods, exactPeriodsWithin, periodAdverb, periodPlural } from './periods.js';
import { checkRatePeriod } from './rates.js';
import type { CheckState } from './state.js';
import { isScaleUnit } from './units.js';

/** Checks every indicator's frequency against the framework's cycle. */
export function checkFrequencies(state: CheckState): void {
  const cycle = state.cycle;
  if (!cycle) {
    reportNoCycle(state);
    return;
  }
  for (const indicator of state.model.indicators) {
    const uri = indicator.uri ?? '';
    const place = { uri, range: indicator.node.every?.range ?? indicator.node.range };
    state.reporter.guard('frequency', place, () => checkFrequency(state, indicator, cycle));
  }
}

function checkFrequency(state: CheckState, indicator: Indicator, cycle: Period): void {
  const { node, frequency } = indicator;
  const uri = indicator.uri ?? '';
  if (!frequency || !node.every) return;
  checkRatePeriod(state, indicator, cycle);
  const order = comparePeriods(frequency, cycle);
  const report = state.reporter;
  const every = periodAdverb(frequency);
  const rated = periodAdverb(cycle);

  if (order < 0) {
    if (!node.aggregate) {
      const fixes = aggregateFixes(indicator, node.every);
      report.report('KPI401', { uri, range: node.every.range }, [indicator.id, every, rated], {
        fixes,
      });
    } else checkSum(state, indicator, node.aggregate);
    if (node.between) reportNoEffect(state, indicator, node.between, 'between measurements');
    return;
  }

  if (order > 0) {
    if (!node.between) {
      const share = missingShare(frequency, cycle);
      report.report(
        'KPI402',
        { uri, range: node.every.range },
        [indicator.id, every, rated, share],
        {
          data: { share },
        },
      );
    }
    if (node.aggregate) reportNoEffect(state, indicator, node.aggregate, 'aggregate');
    return;
  }

  if (node.aggregate) reportNoEffect(state, indicator, node.aggregate, 'aggregate');
  if (node.between) reportNoEffect(state, indicator, node.between, 'between measurements');
}

/**
 * KPI405 when the header writes no `cycle` clause at all. A misspelt cycle word is KPI102
 * already, and a clause cut short is a syntax error: neither is reported twice. With no
 * header at all, KPI010 says so.
 */
function reportNoCycle(state: CheckState): void {
  const declared = state.symbols.framework;
  if (!declared || declared.decl.cycle) return;
  const { decl, uri } = declared;
  state.reporter.report('KPI405', { uri, range: decl.id?.range ?? decl.range }, []);
}

/**
 * KPI404: a sum of percentages or of scale points is no longer on their scale. A sum of a
 * rate is a matter of periods, not of scale: `checkRatePeriod` reports it (KPI406).
 */
function checkSum(state: CheckState, indicator: Indicator, clause: ast.WordClause): void {
  const unit = indicator.unit;
  if (indicator.aggregation !== 'sum' || !unit) return;
  if (unit.per || (unit.name !== 'percent' && !isScaleUnit(unit))) return;
  const place = { uri: indicator.uri ?? '', range: clause.range };
  state.reporter.report('KPI404', place, [indicator.id, 'aggregate sum', unit.name]);
}

function reportNoEffect(
  state: CheckState,
  indicator: Indicator,
  clause: ast.WordClause,
  keyword: string,
): void {
  const written = `${keyword} ${clause.value?.text ?? ''}`.trim();
  const place = { uri: indicator.uri ?? '', range: clause.range };
  state.reporter.report('KPI403', place, [indicator.id, written]);
}

/**
 * The fixes of KPI401: add `aggregate mean`, and `aggregate sum` too for a count (of a rate,
 * a sum would be a figure of another period than its own: KPI406). The clause goes on a new
 * line after the `every` clause, indented as it is, when that clause has its line to itself;
 * else right after it on the same line, as in a one-line declaration.
 */
function aggregateFixes(indicator: Indicator, every: ast.WordClause): Fix[] {
  const uri = indicator.uri ?? '';
  const at = every.range.end;
  const before = ownLine(indicator.node, every)
    ? `\n${' '.repeat(every.range.start.character)}`
    : ' ';
  const ways = ['mean'];
  if (indicator.unit?.name === 'count' && !indicator.unit.per) ways.push('sum');

  return ways.map((how) => ({
    title: `Add 'aggregate ${how}'`,
    edits: [{ uri, range: { start: at, end: at }, newText: `${before}aggregate ${how}` }],
  }));
}

/**
 * True when nothing else of the declaration is on the line of `clause`: neither its header,
 * nor another field, nor its closing brace. The checker has the syntax tree, not the text,
 * so a comment after the clause is not seen (it ends up after the added clause), and the new
 * line is indented with one space per column, a tab included.
 */
function ownLine(node: ast.KpiDecl, clause: ast.WordClause): boolean {
  const line = clause.range.start.line;
  const fields: (Range | undefined)[] = [
    node.id?.range,
    node.label?.range,
    node.indicatorKind?.range,
    node.measurement?.range,
    node.unit?.range,
    node.better?.range,
    node.target?.range,
    node.bands?.range,
    node.between?.range,
    node.source?.range,
    node.goal?.range,
    node.missingData?.range,
    ...node.repeated.map((repeat) => repeat.range),
  ];
  const others = fields.filter((range) => range && range !== clause.range) as Range[];
  if (node.range.start.line === line || node.range.end.line === line) return false;
  return others.every((range) => range.end.line < line || range.start.line > line);
}

/** "3 quarters of 4": the cycles of one measurement period that have no value of their own. */
function missingShare(frequency: Period, cycle: Period): string {
  const count = exactPeriodsWithin(cycle, frequency);
  if (count === undefined) return `most ${periodPlural(cycle)}`;
  const missing = count - 1;
  return `${missing} ${missing === 1 ? cycle : periodPlural(cycle)} of ${count}`;
}
