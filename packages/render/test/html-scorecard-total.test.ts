/**
 * The total row of a filled HTML scorecard, as the PDF has it: the weight that counted,
 * "(Weight counted 70%)", goes under "Total", where it used to sit inside the narrow weight
 * column and wrap one word to a line; the weight cell holds the position's total weight
 * alone. A blank scorecard has no such line.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  formatPercent,
  LABELS,
  renderFilledHtml,
  renderHtml,
  type FilledPerson,
  type Lang,
} from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet: RuleSet = cemaRuleSet();
const position = ruleSet.positions[0]!;
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const n = (display: string) => ({ exact: display, display });
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

/** A person on the first base position, every indicator rated, `counted` the weight counted. */
function person(counted: string): FilledPerson {
  const level = ruleSet.levels[0]!;
  return {
    person: 'p01',
    orgUnit: 'personnel',
    position: position.id,
    context: null,
    period: '2024-Q3',
    status: counted === '100' ? 'complete' : 'incomplete',
    total: n('77.5'),
    rating: ruleSet.rating[1]!.id,
    weightCounted: n(counted),
    indicators: position.indicators.map((weighted) => ({
      indicator: weighted.indicator,
      status: 'rated' as const,
      value: n('90'),
      band: level.id,
      points: n(level.points),
      effectiveWeight: n(weighted.weight),
      contribution: n('10'),
      notRated: null,
    })),
  };
}

async function filledHtml(counted: string, lang: Lang): Promise<string> {
  const files = await renderFilledHtml(
    ruleSet,
    { period: '2024-Q3', people: [person(counted)] },
    { lang },
  );
  return String(files.find((file) => file.path === 'scorecard-p01.html')!.data);
}

describe('the total row of a filled HTML scorecard', () => {
  it('gives the weight counted under "Total", in each language', async () => {
    for (const [lang, words] of [
      ['en', LABELS.weightCounted.en],
      ['vi', LABELS.weightCounted.vi],
      ['both', `${LABELS.weightCounted.vi} / ${LABELS.weightCounted.en}`],
    ] as const) {
      const html = await filledHtml('70', lang);
      const row = parse(html).querySelector('table.scorecard tr.total')!;
      const heading = row.querySelector('th')!;
      const line = `(${words} ${formatPercent('70', lang)})`;
      expect(text(heading.querySelector('.weight-counted')), lang).toBe(line);
      // "Total" first, then the line; in both languages "Total" has its English span.
      expect(text(heading), lang).toMatch(
        new RegExp(`^${LABELS.total[lang === 'en' ? 'en' : 'vi']}`),
      );
      expect(text(heading).endsWith(` ${line}`), lang).toBe(true);
      if (lang === 'both') expect(text(heading.querySelector('.en'))).toBe(LABELS.total.en);
      const report = await validator.validateString(html);
      expect(report.results.flatMap((result) => result.messages)).toEqual([]);
    }
  });

  it("leaves the weight cell the position's total weight alone", async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      const row = parse(await filledHtml('70', lang)).querySelector('table.scorecard tr.total')!;
      const weight = row.querySelector('td.weight')!;
      expect(text(weight), lang).toBe(formatPercent(position.total, lang));
      expect(weight.querySelector('.counts-as'), lang).toBeNull();
      expect(weight.querySelector('.weight-counted'), lang).toBeNull();
    }
  });

  it('is not on a blank scorecard', async () => {
    const files = await renderHtml(ruleSet, { lang: 'both' });
    const blank = files.find((file) => file.path === `scorecard-${position.id}.html`)!;
    const row = parse(String(blank.data)).querySelector('table.scorecard tr.total')!;
    expect(text(row.querySelector('th .en'))).toBe(LABELS.total.en);
    expect(row.querySelector('.weight-counted')).toBeNull();
    expect(String(blank.data)).not.toContain(LABELS.weightCounted.en);
  });
});
