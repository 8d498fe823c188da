/**
 * The HTML scorecard of the Head of Personnel Division, read back cell by cell: every value
 * must be the rule set's, worded by format.ts, in the paper's column order (Appendix 2).
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  LABELS,
  findIndicator,
  formatBand,
  formatFrequency,
  formatMeasurement,
  formatPercent,
  formatTarget,
  levelPoints,
  renderHtml,
  unitSuffix,
  type Lang,
} from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet: RuleSet = cemaRuleSet();
const position = ruleSet.positions.find((candidate) => candidate.id === 'head_of_personnel')!;

async function scorecard(lang: Lang, name = 'scorecard-head_of_personnel'): Promise<HTMLElement> {
  const files = await renderHtml(ruleSet, { lang });
  const file = files.find((candidate) => candidate.path === `${name}.html`);
  if (!file) throw new Error(`${name}.html was not rendered`);
  return parse(String(file.data));
}

const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

describe('the Head of Personnel scorecard', () => {
  for (const lang of ['vi', 'en'] as const) {
    describe(`in ${lang}`, () => {
      let page: HTMLElement;
      beforeAll(async () => {
        page = await scorecard(lang);
      });

      it('has the columns of Appendix 2, then empty columns for the result', () => {
        const headings = page.querySelectorAll('table.scorecard thead th').map(text);
        const keys = ['number', 'indicator', 'objective', 'measurement', 'bands', 'weight'];
        const more = ['frequency', 'source', 'result', 'band', 'points', 'weightedPoints'];
        expect(headings).toEqual([...keys, ...more].map((key) => LABELS[key as 'number'][lang]));
        for (const heading of page.querySelectorAll('table.scorecard thead th')) {
          expect(heading.getAttribute('scope')).toBe('col');
        }
      });

      it("lists the position's indicators in order, with the rule set's values", () => {
        const rows = page.querySelectorAll('table.scorecard tbody tr.indicator-row');
        expect(rows).toHaveLength(position.indicators.length);
        position.indicators.forEach((weighted, index) => {
          const indicator = findIndicator(ruleSet, weighted.indicator)!;
          const row = rows[index]!;
          const suffix = unitSuffix(indicator.unit, ruleSet, lang);
          expect(text(row.querySelector('.number'))).toBe(String(index + 1));
          expect(row.querySelector('th.indicator')!.getAttribute('scope')).toBe('row');
          expect(text(row.querySelector('.indicator'))).toBe(indicator.label[lang]);
          expect(text(row.querySelector('.objective'))).toBe(
            formatTarget(weighted.target, indicator, ruleSet, lang),
          );
          expect(text(row.querySelector('.measurement'))).toBe(
            formatMeasurement(indicator.measurement, lang),
          );
          expect(row.querySelectorAll('.bands li').map(text)).toEqual(
            weighted.bands.map((band) => formatBand(band, suffix, ruleSet, lang)),
          );
          expect(text(row.querySelector('.weight'))).toBe(formatPercent(weighted.weight, lang));
          expect(text(row.querySelector('.frequency'))).toBe(
            formatFrequency(indicator.frequency, lang),
          );
          expect(text(row.querySelector('.source'))).toBe(indicator.source?.[lang] ?? '');
          const fill = row.querySelectorAll('td.fill');
          expect(fill).toHaveLength(4);
          for (const cell of fill) expect(text(cell)).toBe('');
        });
      });

      it('totals the weights at 100%', () => {
        const sum = position.indicators.reduce(
          (total, weighted) => total + Number(weighted.weight),
          0,
        );
        expect(sum).toBe(100);
        expect(text(page.querySelector('table.scorecard tr.total .weight'))).toBe(
          formatPercent(position.total, lang),
        );
        expect(text(page.querySelector('table.scorecard tr.total .weight'))).toBe('100%');
      });

      it('states the framework, the position and the base framework in its header', () => {
        const header = text(page.querySelector('table.form-header'));
        expect(header).toContain(ruleSet.framework.label[lang]);
        expect(header).toContain(ruleSet.framework.agency![lang]);
        expect(header).toContain(position.label[lang]);
        expect(header).toContain(ruleSet.groups.find((g) => g.id === position.group)!.label[lang]);
        expect(header).toContain(LABELS.base[lang]);
        expect(header).toContain(LABELS.period[lang]);
        expect(header).toContain(LABELS.civilServant[lang]);
      });

      it('gives the levels with their points, the overall rating scale and two signatures', () => {
        const levels = page.querySelectorAll('table.legend td.level').map(text);
        expect(levels).toEqual(ruleSet.levels.map((level) => level.label[lang]));
        const points = page.querySelectorAll('table.legend td.points').map(text);
        expect(points).toEqual(ruleSet.levels.map((level) => levelPoints(level.id, ruleSet, lang)));
        const choices = page.querySelectorAll('.overall .choices li').map(text);
        expect(choices).toHaveLength(ruleSet.rating.length);
        ruleSet.rating.forEach((line, index) => expect(choices[index]).toContain(line.label[lang]));
        const roles = page.querySelectorAll('.signature .role').map(text);
        expect(roles).toEqual([LABELS.evaluator[lang], LABELS.civilServant[lang]]);
      });
    });
  }

  it('names the context in a context scorecard, with the context weights', async () => {
    const context = ruleSet.contexts.find((candidate) => candidate.id === 'dak_lak')!;
    const officer = context.positions.find(
      (candidate) => candidate.id === 'ethnic_policy_officer',
    )!;
    const page = await scorecard('en', 'scorecard-ethnic_policy_officer--dak_lak');
    expect(text(page.querySelector('table.form-header'))).toContain(context.label.en);
    expect(page.querySelectorAll('table.scorecard tr.indicator-row .weight').map(text)).toEqual(
      officer.indicators.map((weighted) => formatPercent(weighted.weight, 'en')),
    );
  });
});
