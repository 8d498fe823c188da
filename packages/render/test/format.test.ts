/**
 * The shared wording of values: numbers, intervals, bands, units, targets, dates. Both PDF
 * engines and the HTML templates print these strings, so a mistake here reaches every form.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuleSet, type Interval, type RuleSet } from '@kpilang/rule-set';
import {
  ABSENT,
  findIndicator,
  formatBand,
  formatDate,
  formatFrequency,
  formatInterval,
  formatMeasurement,
  formatNumber,
  formatPercent,
  formatPerspective,
  formatTarget,
  formatText,
  formatUnit,
  inline,
  unitSuffix,
} from '@kpilang/render';

const golden = new URL('../../../test/golden/cema.rules.json', import.meta.url);
const ruleSet: RuleSet = parseRuleSet(JSON.parse(readFileSync(golden, 'utf8')));

const interval = (
  low: string | undefined,
  lowInclusive: boolean,
  high: string | undefined,
  highInclusive: boolean,
): Interval => ({
  ...(low === undefined ? {} : { low }),
  lowInclusive,
  ...(high === undefined ? {} : { high }),
  highInclusive,
});

describe('numbers', () => {
  it('uses a decimal comma in Vietnamese and in bilingual documents, a point in English', () => {
    expect(formatNumber('33.3', 'vi')).toBe('33,3');
    expect(formatNumber('33.3', 'both')).toBe('33,3');
    expect(formatNumber('33.3', 'en')).toBe('33.3');
    expect(formatNumber('-2.5', 'vi')).toBe('-2,5');
    expect(formatPercent('30', 'en')).toBe('30%');
  });
});

describe('intervals', () => {
  it('writes one-sided bounds with the comparison the source meant', () => {
    expect(formatInterval(interval('95', false, undefined, false), '%', 'en')).toBe('> 95%');
    expect(formatInterval(interval('95', true, undefined, false), '%', 'en')).toBe('≥ 95%');
    expect(formatInterval(interval(undefined, false, '80', false), '%', 'en')).toBe('< 80%');
    expect(formatInterval(interval(undefined, false, '1', true), '', 'en')).toBe('≤ 1');
  });

  it('writes closed ranges with a dash and half-open ones with x between the bounds', () => {
    expect(formatInterval(interval('80', true, '95', true), '%', 'en')).toBe('80% – 95%');
    expect(formatInterval(interval('4', true, '4.5', false), '/5', 'vi')).toBe('4/5 ≤ x < 4,5/5');
    expect(formatInterval(interval('4', false, '4.5', true), '', 'en')).toBe('4 < x ≤ 4.5');
    expect(formatInterval(interval('1', true, '1', true), '', 'en')).toBe('= 1');
  });

  it('says so when an interval has no bound at all', () => {
    expect(formatInterval(interval(undefined, false, undefined, false), '', 'en')).toBe(
      'any value',
    );
    expect(formatInterval(interval(undefined, false, undefined, false), '', 'vi')).toBe(
      'mọi giá trị',
    );
  });
});

describe('units', () => {
  it('follows numbers with the unit a reader expects', () => {
    const suffix = (id: string, lang: 'vi' | 'en') =>
      unitSuffix(findIndicator(ruleSet, id)!.unit, ruleSet, lang);
    expect(suffix('task_completion', 'en')).toBe('%');
    expect(suffix('response_time', 'vi')).toBe(' giờ');
    expect(suffix('response_time', 'en')).toBe(' h');
    expect(suffix('partner_satisfaction', 'en')).toBe('/5');
    expect(suffix('audit_compliance', 'en')).toBe('');
  });

  it('names a scale unit by the scale label and a rate by its period', () => {
    const satisfaction = findIndicator(ruleSet, 'partner_satisfaction')!;
    const scale = ruleSet.scales.find((s) => s.id === satisfaction.unit!.scale)!;
    expect(formatUnit(satisfaction.unit, ruleSet, 'en')).toBe(scale.label.en);
    expect(formatUnit(satisfaction.unit, ruleSet, 'both')).toBe(inline(scale.label, 'both'));
    const rate = { name: 'count', per: 'month' as const, integer: true };
    expect(formatUnit(rate, ruleSet, 'en')).toBe('count / month');
    expect(formatUnit(rate, ruleSet, 'vi')).toBe('số lần / tháng');
    expect(unitSuffix(rate, ruleSet, 'en')).toBe('/month');
  });
});

describe('targets, bands and measurements', () => {
  it('prints the target of an indicator with its unit', () => {
    const task = findIndicator(ruleSet, 'task_completion')!;
    expect(formatTarget(task.target, task, ruleSet, 'en')).toMatch(/^≥ \d+%$/);
    expect(formatTarget(undefined, task, ruleSet, 'en')).toBe(ABSENT);
  });

  it('labels a band with its level in the chosen language', () => {
    const task = findIndicator(ruleSet, 'task_completion')!;
    const band = task.bands[0]!;
    const level = ruleSet.levels.find((l) => l.id === band.level)!;
    expect(formatBand(band, '%', ruleSet, 'en').startsWith(`${level.label.en}: `)).toBe(true);
    expect(formatBand(band, '%', ruleSet, 'vi').startsWith(`${level.label.vi}: `)).toBe(true);
    expect(formatBand({ ...band, level: 'unknown' }, '%', ruleSet, 'en')).toMatch(/^unknown: /);
  });

  it('words a survey by what it averages and the fewest answers', () => {
    const survey = findIndicator(ruleSet, 'partner_satisfaction')!.measurement!;
    expect(formatMeasurement(survey, 'en')).toBe(
      `Survey: mean of ${survey.measures[0]} (at least ${survey.minimumResponses} answers)`,
    );
    expect(formatMeasurement(survey, 'vi')).toContain('tối thiểu');
    const formula = findIndicator(ruleSet, 'task_completion')!.measurement!;
    expect(formatMeasurement(formula, 'en')).toBe(formula.text);
  });

  it('names frequencies in both languages', () => {
    expect(formatFrequency('quarter', 'vi')).toBe('Hằng quý');
    expect(formatFrequency('quarter', 'en')).toBe('Quarterly');
    expect(formatFrequency('year', 'both')).toBe('Hằng năm / Annual');
    expect(formatFrequency(undefined, 'en')).toBe(ABSENT);
  });
});

describe('dates', () => {
  it('writes day/month/year in Vietnamese and the month name in English', () => {
    expect(formatDate('2024-07-01', 'vi')).toBe('01/07/2024');
    expect(formatDate('2024-07-01', 'en')).toBe('1 July 2024');
    expect(formatDate(undefined, 'en')).toBe(ABSENT);
  });
});

describe('what the framework does not state', () => {
  it('prints a dash, never an empty string', () => {
    expect(ABSENT).toBe('—');
    expect(formatText(undefined)).toBe(ABSENT);
    expect(formatText('')).toBe(ABSENT);
    expect(formatText('2024.1')).toBe('2024.1');
    expect(formatUnit(undefined, ruleSet, 'vi')).toBe(ABSENT);
    expect(formatMeasurement(undefined, 'en')).toBe(ABSENT);
  });
});

describe('perspectives', () => {
  it('names the balanced-scorecard perspectives in the document language', () => {
    expect(formatPerspective('customer', 'vi')).toBe('Khách hàng');
    expect(formatPerspective('customer', 'en')).toBe('Customer');
    expect(formatPerspective('learning', 'both')).toBe(
      'Học hỏi và phát triển / Learning and growth',
    );
  });

  it('prints any other word as written, and a dash when there is none', () => {
    expect(formatPerspective('innovation', 'vi')).toBe('innovation');
    expect(formatPerspective('constructor', 'en')).toBe('constructor');
    expect(formatPerspective(undefined, 'en')).toBe(ABSENT);
  });
});
