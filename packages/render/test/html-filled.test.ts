/**
 * Filled scorecards (renderFilledHtml): a person's results joined to their position's
 * scorecard rows, the reason in words where an indicator has no value, the rating ticked,
 * the index of people, escaping of person ids and file names made from them.
 */
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  filledNames,
  LABELS,
  REASON_WORDS,
  renderFilledHtml,
  renderFilledPdf,
  type FilledPerson,
} from '@kpilang/render';
import { filledPageData } from '../src/html/page-data.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';
import { rawText } from './fixtures/pdf-poppler.js';

const ruleSet: RuleSet = cemaRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const n = (display: string) => ({ exact: display, display });
const text = (element: { text: string } | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

/** A person on the first base position: the first indicator left out, the others rated. */
function person(id: string): FilledPerson {
  const position = ruleSet.positions[0]!;
  const [first, ...rest] = position.indicators;
  const level = ruleSet.levels[0]!;
  return {
    person: id,
    orgUnit: 'Vụ <Tổ chức>',
    position: position.id,
    context: null,
    period: '2024-Q3',
    status: 'incomplete',
    total: n('77.5'),
    rating: ruleSet.rating[1]!.id,
    weightCounted: n('70'),
    indicators: [
      {
        indicator: first!.indicator,
        status: 'excluded',
        value: null,
        band: null,
        points: null,
        effectiveWeight: null,
        contribution: null,
        notRated: { reason: 'no-data', message: 'No row gives tasks_total in 2024-Q3.' },
      },
      ...rest.map((weighted, index) => ({
        indicator: weighted.indicator,
        status: 'rated' as const,
        value: n(`${90 + index}.5`),
        band: level.id,
        points: n(level.points),
        effectiveWeight: n('12.5'),
        contribution: n(`${index + 1}.25`),
        notRated: null,
      })),
    ],
  };
}

describe('renderFilledHtml', () => {
  it('fills the result, band, points and weighted cells of each row', async () => {
    const files = await renderFilledHtml(
      ruleSet,
      { period: '2024-Q3', people: [person('p01')] },
      { lang: 'en' },
    );
    expect(files.map((file) => file.path)).toEqual(['index.html', 'scorecard-p01.html']);
    const page = parse(String(files[1]!.data));
    const rows = page.querySelectorAll('tr.indicator-row');
    const scored = person('p01');
    expect(rows).toHaveLength(scored.indicators.length);
    const [left, ...rated] = rows;
    expect(left!.querySelector('.result')!.getAttribute('data-reason')).toBe('No data');
    expect(text(left!.querySelector('.result'))).toContain(REASON_WORDS['no-data'].en);
    expect(text(left!.querySelector('.points'))).toBe(LABELS.notRated.en);
    rated.forEach((row, index) => {
      const result = scored.indicators[index + 1]!;
      expect(text(row.querySelector('.result'))).toBe(result.value!.display);
      expect(row.querySelector('.band-reached')!.getAttribute('data-level')).toBe(result.band);
      expect(text(row.querySelector('.points'))).toBe(result.points!.display);
      expect(text(row.querySelector('.contribution'))).toBe(result.contribution!.display);
      expect(text(row.querySelector('.counts-as'))).toContain('12.5%');
    });
    expect(text(page.querySelector('.person-total'))).toBe('77.5');
    expect(
      page.querySelectorAll('.choices li.ticked').map((li) => li.getAttribute('data-rating')),
    ).toEqual([ruleSet.rating[1]!.id]);
    expect(text(page.querySelector('.form-header .person'))).toBe('p01');
    expect(text(page.querySelector('.form-header .period'))).toBe('2024-Q3');
    expect(page.querySelectorAll('.sign-space').every((cell) => text(cell) === '')).toBe(true);
  });

  it('writes valid, escaped pages in every language, with an index of people', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      const files = await renderFilledHtml(
        ruleSet,
        { period: '2024-Q3', people: [person('<b>x</b>'), person('p02')] },
        { lang },
      );
      for (const file of files) {
        const report = await validator.validateString(String(file.data));
        expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
        expect(String(file.data)).not.toContain('<b>x</b>');
        expect(String(file.data)).not.toContain('<Tổ chức>');
      }
      const index = parse(String(files[0]!.data));
      expect(index.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual([
        './scorecard-_b_x__b_.html',
        './scorecard-p02.html',
      ]);
    }
  });

  it('refuses a person whose position the rule set lacks', () => {
    const stranger = { ...person('p01'), position: 'no_such_position' };
    expect(() => filledPageData(ruleSet, 'en', stranger, 'scorecard-p01')).toThrow(
      /no_such_position/,
    );
  });
});

describe('filledNames', () => {
  it('makes safe, distinct file names, ignoring case', () => {
    expect(
      filledNames([{ person: 'p01' }, { person: 'P01' }, { person: 'a/b' }, { person: '' }]),
    ).toEqual(['scorecard-p01', 'scorecard-P01-2', 'scorecard-a_b', 'scorecard-_']);
  });
});

describe('renderFilledPdf', () => {
  it('draws each filled scorecard and all.pdf with the results written in', async () => {
    const files = await renderFilledPdf(
      ruleSet,
      { period: '2024-Q3', people: [person('p01'), person('p02')] },
      { lang: 'en' },
    );
    expect(files.map((file) => file.path)).toEqual([
      'scorecard-p01.pdf',
      'scorecard-p02.pdf',
      'all.pdf',
    ]);
    const first = rawText(files[0]!.data as Uint8Array);
    expect(first).toContain('p01');
    expect(first).toContain('2024-Q3');
    expect(first).toContain(REASON_WORDS['no-data'].en);
    expect(first).toContain('77.5');
    expect(first).toContain('counts as 12.5%');
    expect(first).toContain(`${ruleSet.rating[1]!.label.en} `);
    const all = rawText(files[2]!.data as Uint8Array);
    expect(all).toContain('p01');
    expect(all).toContain('p02');
  });
});
