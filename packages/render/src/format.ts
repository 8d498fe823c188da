/**
 * The text of every value a document shows: numbers, weights, intervals, units, targets,
 * bands, measurements and dates. The HTML helpers and the PDF engine both call these, so the
 * two kinds of document can never word a rule differently.
 *
 * Numbers arrive as the rule set's exact decimal text and are only re-punctuated, never
 * parsed into floating point: "33.3" prints as "33,3" in Vietnamese and "33.3" in English.
 */
import type {
  Bilingual,
  Band,
  Indicator,
  Interval,
  Measurement,
  Period,
  RuleSet,
  Unit,
} from '@kpilang/rule-set';
import {
  FREQUENCIES,
  PERIOD_NOUNS,
  PERSPECTIVES,
  UNIT_NAMES,
  inline,
  pick,
  type Lang,
} from './lang.js';

/**
 * What a cell shows for a value the framework does not state (no target, no data source, no
 * version), so that a printed form never has a blank the evaluator might think is theirs to
 * fill in. The columns left for the evaluator stay blank.
 */
export const ABSENT = '—';

/** Text the framework gives as written, or ABSENT. */
export function formatText(text: string | undefined): string {
  return text ? text : ABSENT;
}

/**
 * A goal's perspective: the balanced-scorecard perspectives in the document's language,
 * any other word as the framework wrote it.
 */
export function formatPerspective(perspective: string | undefined, lang: Lang): string {
  const named = perspectiveLabel(perspective);
  return named ? inline(named, lang) : ABSENT;
}

/** A goal's perspective in both languages (a word not known is the same in both), if any. */
export function perspectiveLabel(perspective: string | undefined): Bilingual | undefined {
  if (!perspective) return undefined;
  return Object.hasOwn(PERSPECTIVES, perspective)
    ? PERSPECTIVES[perspective as keyof typeof PERSPECTIVES]
    : { vi: perspective, en: perspective };
}

/** A decimal in the document's convention: a decimal comma in Vietnamese documents. */
export function formatNumber(decimal: string, lang: Lang): string {
  return lang === 'en' ? decimal : decimal.replace('.', ',');
}

/** A weight (0..100) as a percentage: "30%". */
export function formatPercent(decimal: string, lang: Lang): string {
  return `${formatNumber(decimal, lang)}%`;
}

/**
 * What follows a number in `unit`: "%" for percent, "/5" on a 1..5 scale, " giờ" for hours,
 * "/tháng" for a rate per month, nothing for counts and plain numbers.
 */
export function unitSuffix(unit: Unit | undefined, ruleSet: RuleSet, lang: Lang): string {
  if (!unit) return '';
  const one = lang === 'both' ? 'vi' : lang;
  let suffix = '';
  if (unit.name === 'percent') suffix = '%';
  else if (unit.name === 'hours') suffix = one === 'vi' ? ' giờ' : ' h';
  else if (unit.name === 'days') suffix = one === 'vi' ? ' ngày' : ' days';
  else if (unit.name === 'likert5') suffix = '/5';
  else {
    const scale = ruleSet.scales.find((candidate) => candidate.id === (unit.scale ?? unit.name));
    if (scale) suffix = `/${formatNumber(scale.high, lang)}`;
  }
  if (unit.per) suffix += `/${PERIOD_NOUNS[unit.per][one]}`;
  return suffix;
}

/** A value with its unit: "95%", "24 giờ", "4/5". */
export function formatValue(decimal: string, suffix: string, lang: Lang): string {
  return `${formatNumber(decimal, lang)}${suffix}`;
}

/**
 * An interval as a policy writer writes a threshold, in symbols every reader knows:
 * "> 95%", "≤ 1", "80% – 95%" (both ends included), "4 ≤ x < 4,5" (one end included),
 * "= 1" for a single value and "mọi giá trị" / "any value" when unbounded on both sides.
 */
export function formatInterval(interval: Interval, suffix: string, lang: Lang): string {
  const value = (decimal: string) => formatValue(decimal, suffix, lang);
  const { low, high, lowInclusive, highInclusive } = interval;
  if (low === undefined && high === undefined) return lang === 'en' ? 'any value' : 'mọi giá trị';
  if (high === undefined) return `${lowInclusive ? '≥' : '>'} ${value(low!)}`;
  if (low === undefined) return `${highInclusive ? '≤' : '<'} ${value(high)}`;
  if (low === high && lowInclusive && highInclusive) return `= ${value(low)}`;
  if (lowInclusive && highInclusive) return `${value(low)} – ${value(high)}`;
  return `${value(low)} ${lowInclusive ? '≤' : '<'} x ${highInclusive ? '≤' : '<'} ${value(high)}`;
}

/** One band as a line of text: "Xuất sắc: > 95%". */
export function formatBand(band: Band, suffix: string, ruleSet: RuleSet, lang: Lang): string {
  return `${levelLabel(band.level, ruleSet, lang)}: ${formatInterval(band.interval, suffix, lang)}`;
}

/** The label of a rating level, or its id when the rule set does not list it. */
export function levelLabel(levelId: string, ruleSet: RuleSet, lang: Lang): string {
  const level = ruleSet.levels.find((candidate) => candidate.id === levelId);
  return level ? inline(level.label, lang) : levelId;
}

/** The points a level earns, or "" when the rule set does not list it. */
export function levelPoints(levelId: string, ruleSet: RuleSet, lang: Lang): string {
  const level = ruleSet.levels.find((candidate) => candidate.id === levelId);
  return level ? formatNumber(level.points, lang) : ABSENT;
}

/** How often an indicator is measured: "Hằng quý" / "Quarterly". */
export function formatFrequency(period: Period | undefined, lang: Lang): string {
  return period ? inline(FREQUENCIES[period], lang) : ABSENT;
}

/** The unit of one measured value, for the catalogue: "%", "Mức độ hài lòng (1–5)", "giờ". */
export function formatUnit(unit: Unit | undefined, ruleSet: RuleSet, lang: Lang): string {
  if (!unit) return ABSENT;
  const scale = ruleSet.scales.find((candidate) => candidate.id === (unit.scale ?? unit.name));
  const name: Bilingual = scale?.label ?? UNIT_NAMES[unit.name] ?? { vi: unit.name, en: unit.name };
  const text = inline(name, lang);
  if (!unit.per) return text;
  return lang === 'both'
    ? `${text} / ${PERIOD_NOUNS[unit.per].vi} (${PERIOD_NOUNS[unit.per].en})`
    : `${text} / ${pick(PERIOD_NOUNS[unit.per], lang)}`;
}

/**
 * How the value is computed: the formula as the source wrote it, or for a survey the rating
 * it averages and the fewest answers that count.
 */
export function formatMeasurement(measurement: Measurement | undefined, lang: Lang): string {
  if (!measurement) return ABSENT;
  if (measurement.kind === 'formula') return measurement.text;
  const rating = measurement.measures.join(', ');
  const minimum = measurement.minimumResponses;
  const vi = `Khảo sát: trung bình ${rating}${minimum ? ` (tối thiểu ${minimum} phiếu)` : ''}`;
  const en = `Survey: mean of ${rating}${minimum ? ` (at least ${minimum} answers)` : ''}`;
  return inline({ vi, en }, lang);
}

/** The objective of an indicator as a position rates it: its target interval, with the unit. */
export function formatTarget(
  target: Interval | undefined,
  indicator: Indicator | undefined,
  ruleSet: RuleSet,
  lang: Lang,
): string {
  if (!target) return ABSENT;
  return formatInterval(target, unitSuffix(indicator?.unit, ruleSet, lang), lang);
}

/** A YYYY-MM-DD date in both languages, for documents that set the English apart; if any. */
export function dateLabel(date: string | undefined): Bilingual | undefined {
  return date ? { vi: formatDate(date, 'vi'), en: formatDate(date, 'en') } : undefined;
}

/** A date written YYYY-MM-DD as the language writes it: "01/07/2024" or "1 July 2024". */
export function formatDate(date: string | undefined, lang: Lang): string {
  if (!date) return ABSENT;
  const [year, month, day] = date.split('-');
  if (lang !== 'en') return `${day}/${month}/${year}`;
  const months = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${Number(day)} ${months[Number(month) - 1] ?? month} ${year}`;
}
