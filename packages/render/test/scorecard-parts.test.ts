/**
 * Scorecards of a rule set with parts of the total, an indicator scored in proportion, a
 * condition and a quota, blank and filled, in both engines: the part of each row and a table
 * of the parts, "points = the percentage" instead of an empty band list, "In proportion"
 * instead of a band reached, the rating the total earned beside the final one, and each
 * change to the rating in words. Also the words of each kind of adjustment.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  adjustmentWords,
  LABELS,
  renderFilledHtml,
  renderFilledPdf,
  renderHtml,
  renderPdf,
  type FilledAdjustment,
  type FilledPerson,
} from '@kpilang/render';
import { partsRuleSet } from './fixtures/html-rule-sets.js';
import { rawText } from './fixtures/pdf-poppler.js';

const ruleSet: RuleSet = partsRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const n = (display: string) => ({ exact: display, display });
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

const QUOTA: FilledAdjustment = {
  step: 'quota',
  rule: 'top_share',
  from: 'outstanding',
  to: 'completed_well',
  set: { within: 'unit', key: 'personnel' },
  candidates: 2,
  places: 1,
  rank: 2,
  tiedWith: [],
  reason: 'Quota top_share in unit "personnel": 1 of the 2 rated outstanding keeps it.',
};

/**
 * An administrative officer with a total of 98.5 (service 70 of 70, records 28.5 of 30: 95%
 * in proportion), which earns outstanding; `adjustments` and the final rating as given.
 */
function officer(
  person: string,
  rating: string,
  adjustments: FilledAdjustment[] = [],
): FilledPerson {
  const rated = (indicator: string, band: string | null, points: string, share: string) => ({
    indicator,
    status: 'rated' as const,
    value: n(points === '100' ? '5' : points),
    band,
    points: n(points),
    effectiveWeight: n(indicator === 'response_time' ? '40' : '30'),
    contribution: n(share),
    notRated: null,
  });
  return {
    person,
    orgUnit: 'personnel',
    position: 'administrative_officer',
    context: null,
    period: '2024-Q3',
    status: 'complete',
    total: n('98.5'),
    rating,
    scoredRating: 'outstanding',
    adjustments,
    parts: [
      { id: 'service', points: n('70'), max: n('70') },
      { id: 'records', points: n('28.5'), max: n('30') },
    ],
    weightCounted: n('100'),
    indicators: [
      rated('response_time', 'excellent', '100', '40'),
      rated('coordination_quality', 'excellent', '100', '30'),
      rated('document_accuracy', null, '95', '28.5'),
    ],
  };
}

const people = [
  officer('a1', 'completed_well', [QUOTA]),
  officer('a2', 'outstanding'),
  officer('a3', 'not_completed', [
    {
      step: 'condition',
      rule: 'disciplined',
      from: 'outstanding',
      to: 'not_completed',
      reason: 'Condition disciplined holds (row 127).',
    },
  ]),
];

async function filledPages(lang: 'vi' | 'en' | 'both') {
  const files = await renderFilledHtml(ruleSet, { period: '2024-Q3', people }, { lang });
  return new Map(files.map((file) => [file.path, String(file.data)]));
}

describe('a blank scorecard with parts and an indicator in proportion', () => {
  it("names each row's part, lists the parts, and says how a proportional row scores", async () => {
    const files = await renderHtml(ruleSet, { lang: 'en' });
    const html = files.find((file) => file.path === 'scorecard-administrative_officer.html');
    const page = parse(String(html!.data));
    const rows = page.querySelectorAll('tr.indicator-row');
    expect(rows.map((row) => row.querySelector('.part')?.getAttribute('data-part'))).toEqual([
      'service',
      'service',
      'records',
    ]);
    expect(text(rows[0]!.querySelector('.part'))).toBe('Part: Service');

    const proportional = rows[2]!.querySelector('td.bands')!;
    expect(proportional.classList.contains('in-proportion')).toBe(true);
    expect(text(proportional)).toBe(LABELS.proportionalPoints.en);
    expect(proportional.querySelector('li')).toBeNull();
    expect(rows[0]!.querySelectorAll('td.bands li').length).toBeGreaterThan(1);

    const parts = page.querySelectorAll('table.parts tbody tr');
    expect(
      parts.map((row) => [
        row.getAttribute('data-part'),
        text(row.querySelector('th')),
        text(row.querySelector('.ordinals')),
        text(row.querySelector('.max-points')),
        text(row.querySelector('.fill')),
      ]),
    ).toEqual([
      ['service', 'Service', '1, 2', '70', ''],
      ['records', 'Records', '3', '30', ''],
    ]);
  });

  it('has no table of parts when the rule set has none', async () => {
    const files = await renderHtml({ ...ruleSet, parts: [] }, { lang: 'en' });
    for (const file of files) expect(String(file.data)).not.toContain('class="parts"');
  });

  it('leaves out the legend of levels when the rule set has no levels', async () => {
    const withLevels = await renderHtml(ruleSet, { lang: 'en' });
    const scorecard = (files: typeof withLevels) =>
      parse(String(files.find((file) => file.path.startsWith('scorecard-'))!.data));
    expect(scorecard(withLevels).querySelector('table.legend')).not.toBeNull();
    const noLevels = await renderHtml({ ...ruleSet, levels: [] }, { lang: 'en' });
    expect(scorecard(noLevels).querySelector('table.legend')).toBeNull();
  });

  it('says "None" in the overview\'s table of levels when there are none', async () => {
    const files = await renderHtml({ ...ruleSet, levels: [] }, { lang: 'en' });
    const overview = parse(String(files.find((file) => file.path === 'overview.html')!.data));
    expect(text(overview.querySelector('table.levels tbody'))).toBe(LABELS.none.en);
    const pdf = (await renderPdf({ ...ruleSet, levels: [] }, { lang: 'en' })).find(
      (file) => file.path === 'overview.pdf',
    )!;
    expect(rawText(pdf.data as Uint8Array)).toContain(
      `${LABELS.levels.en} ${LABELS.level.en} ${LABELS.points.en} ${LABELS.none.en}`,
    );
  });

  it('writes valid pages in every language', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      for (const file of await renderHtml(ruleSet, { lang })) {
        const report = await validator.validateString(String(file.data));
        const messages = report.results.flatMap((r) => r.messages.map((m) => m.message));
        expect(messages, `${lang} ${file.path}`).toEqual([]);
      }
    }
  });
});

describe('a filled scorecard with parts, a condition and a quota', () => {
  it('writes "In proportion" as the band reached, and the points of each part', async () => {
    const page = parse((await filledPages('en')).get('scorecard-a2.html')!);
    const row = page.querySelectorAll('tr.indicator-row')[2]!;
    expect(text(row.querySelector('.band-reached'))).toBe(LABELS.inProportion.en);
    expect(text(row.querySelector('.points'))).toBe('95');
    expect(text(row.querySelector('.contribution'))).toBe('28.5');
    expect(
      page
        .querySelectorAll('table.parts tbody tr')
        .map((part) => [
          text(part.querySelector('.points-earned')),
          text(part.querySelector('.max-points')),
        ]),
    ).toEqual([
      ['70', '70'],
      ['28.5', '30'],
    ]);
  });

  it('shows neither the rating of the total nor changes when the total decided', async () => {
    const page = parse((await filledPages('en')).get('scorecard-a2.html')!);
    expect(page.querySelector('.scored-rating')).toBeNull();
    expect(page.querySelector('.adjustments')).toBeNull();
    expect(page.querySelector('li.ticked')!.getAttribute('data-rating')).toBe('outstanding');
  });

  it('ticks the final rating and says what the total earned and why it changed', async () => {
    const pages = await filledPages('en');
    const a1 = parse(pages.get('scorecard-a1.html')!);
    expect(a1.querySelector('li.ticked')!.getAttribute('data-rating')).toBe('completed_well');
    const scored = a1.querySelector('.scored-rating')!;
    expect(scored.getAttribute('data-rating')).toBe('outstanding');
    expect(text(scored)).toBe('Rating the total earned: Completed tasks excellently');
    const [quota] = a1.querySelectorAll('.adjustments li');
    expect(quota!.getAttribute('data-step')).toBe('quota');
    expect(text(quota)).toBe(
      'Limit on outstanding: in unit “personnel”, 1 of the 2 rated “Completed tasks ' +
        'excellently” keeps it; ranked 2, moved to “Completed tasks well”.',
    );

    const a3 = parse(pages.get('scorecard-a3.html')!);
    expect(a3.querySelector('li.ticked')!.getAttribute('data-rating')).toBe('not_completed');
    expect(text(a3.querySelector('.adjustments li'))).toBe(
      'Disciplined in the period: rated “Did not complete tasks” whatever the total.',
    );
  });

  it('writes the changes in Vietnamese, and both languages in bilingual pages', async () => {
    const vi = parse((await filledPages('vi')).get('scorecard-a3.html')!);
    expect(text(vi.querySelector('.adjustments li'))).toBe(
      'Bị kỷ luật trong kỳ: xếp loại “Không hoàn thành nhiệm vụ”, không phụ thuộc tổng điểm.',
    );
    expect(text(vi.querySelector('.scored-rating'))).toBe(
      'Xếp loại theo tổng điểm: Hoàn thành xuất sắc nhiệm vụ',
    );
    const both = parse((await filledPages('both')).get('scorecard-a3.html')!);
    const item = both.querySelector('.adjustments li')!;
    expect(text(item)).toContain('không phụ thuộc tổng điểm');
    expect(text(item.querySelector('[lang="en"]'))).toBe(
      'Disciplined in the period: rated “Did not complete tasks” whatever the total.',
    );
  });

  it('writes valid pages in every language', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      for (const [path, html] of await filledPages(lang)) {
        const report = await validator.validateString(html);
        const messages = report.results.flatMap((r) => r.messages.map((m) => m.message));
        expect(messages, `${lang} ${path}`).toEqual([]);
      }
    }
  });
});

describe('the PDF scorecards', () => {
  it('draw the parts and "points = the percentage" on the blank form, without levels too', async () => {
    const files = await renderPdf({ ...ruleSet, levels: [] }, { lang: 'en' });
    const pdf = files.find((file) => file.path === 'scorecard-administrative_officer.pdf')!;
    const page = rawText(pdf.data as Uint8Array);
    expect(page).toContain(LABELS.proportionalPoints.en);
    expect(page).toContain('Part: Records');
    expect(page).toContain(`${LABELS.parts.en} Part Indicators (No.) Most points Points earned`);
    expect(page).toContain('Service 1, 2 70 Records 3 30');
    expect(page).not.toContain(LABELS.levels.en);
    expect(page).toContain(LABELS.ratingScale.en);
  });

  it("write each person's part points, the rating of the total and the changes", async () => {
    const files = await renderFilledPdf(ruleSet, { period: '2024-Q3', people }, { lang: 'en' });
    const [a1, a2, a3] = files.map((file) => rawText(file.data as Uint8Array));
    expect(a1).toContain('In proportion 95 28.5');
    expect(a1).toContain('Service 1, 2 70 70 Records 3 30 28.5');
    expect(a1).toContain('Rating the total earned: Completed tasks excellently');
    expect(a1).toContain(
      `${LABELS.adjustments.en} 1. Limit on outstanding: in unit “personnel”, 1 of the 2 rated`,
    );
    expect(a2).not.toContain(LABELS.scoredRating.en);
    expect(a2).not.toContain(LABELS.adjustments.en);
    expect(a3).toContain('1. Disciplined in the period: rated “Did not complete tasks”');
  });

  it('write the changes in Vietnamese without an English fixed word', async () => {
    const files = await renderFilledPdf(ruleSet, { period: '2024-Q3', people }, { lang: 'vi' });
    const a1 = rawText(files[0]!.data as Uint8Array);
    expect(a1).toContain('Xếp loại theo tổng điểm: Hoàn thành xuất sắc nhiệm vụ');
    expect(a1).toContain('trong đơn vị “personnel”, 1 trong số 2 người xếp loại');
    expect(a1).toContain(`${LABELS.inProportion.vi} 95 28,5`);
    for (const key of ['part', 'parts', 'inProportion', 'scoredRating', 'adjustments'] as const) {
      expect(a1, key).not.toContain(LABELS[key].en);
    }
  });
});

describe('adjustmentWords', () => {
  it('words a quota in a group, among the holders of a position, and among people in no unit', () => {
    const words = (set: { within: 'unit' | 'group' | 'position'; key: string }) =>
      adjustmentWords({ ...QUOTA, set }, ruleSet).en;
    expect(words({ within: 'group', key: 'administrative' })).toContain(
      `in group “${ruleSet.groups.find((group) => group.id === 'administrative')!.label.en}”`,
    );
    expect(words({ within: 'position', key: 'administrative_officer' })).toContain(
      'among the holders of “Administrative officer”',
    );
    expect(words({ within: 'unit', key: '' })).toContain('among those in no unit');
  });

  it('says when the person ids decided between people equal on every key', () => {
    const tied = adjustmentWords({ ...QUOTA, places: 2, tiedWith: ['a0', 'a2'] }, ruleSet);
    expect(tied.en).toContain('2 of the 2 rated');
    expect(tied.en).toContain('keep it');
    expect(tied.en).toMatch(/Equal on every ranking key with a0, a2; the person ids decided\.$/);
    expect(tied.vi).toMatch(/với a0, a2; thứ tự theo mã công chức\.$/);
  });

  it('prints ids the rule set lacks as they are', () => {
    const words = adjustmentWords(
      { step: 'condition', rule: 'unknown_fact', from: null, to: 'no_line', reason: '' },
      ruleSet,
    );
    expect(words).toEqual({
      vi: 'unknown_fact: xếp loại “no_line”, không phụ thuộc tổng điểm.',
      en: 'unknown_fact: rated “no_line” whatever the total.',
    });
  });
});
