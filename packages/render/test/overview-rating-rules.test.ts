/**
 * The framework overview shows what decides a rating besides the points of the indicators,
 * on the Decree 335/2025 example: the parts of the total with their most points and their
 * indicators, the conditions with whom they apply to and the rating they set, and the quota
 * with its share, the sets it holds in and its ranking keys in order; in Vietnamese, English
 * and both, as valid HTML and in the PDF's text. The CEMA overview, which has none of them,
 * has none of these sections.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { LABELS, quotaRules, renderHtml, renderPdf, type Lang } from '@kpilang/render';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { cemaRuleSet, HOSTILE, partsRuleSet } from './fixtures/html-rule-sets.js';
import { rawText } from './fixtures/pdf-poppler.js';

const decree: RuleSet = decreeRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();
const SECTIONS = ['table.part-rules', 'table.condition-rules', 'table.quota-rules'];

async function overviewHtml(ruleSet: RuleSet, lang: Lang): Promise<string> {
  const files = await renderHtml(ruleSet, { lang });
  return String(files.find((file) => file.path === 'overview.html')!.data);
}

async function overviewPdfText(ruleSet: RuleSet, lang: Lang): Promise<string> {
  const files = await renderPdf(ruleSet, { lang });
  return rawText(files.find((file) => file.path === 'overview.pdf')!.data as Uint8Array);
}

describe('the overview of the Decree 335/2025 example, in HTML', () => {
  it('lists each part with its most points and its indicators, in English', async () => {
    const page = parse(await overviewHtml(decree, 'en'));
    const rows = page.querySelectorAll('table.part-rules tbody tr');
    expect(
      rows.map((row) => [
        row.getAttribute('data-part'),
        text(row.querySelector('.part')),
        text(row.querySelector('.max-points')),
        row.querySelectorAll('.indicators li').map(text),
      ]),
    ).toEqual([
      ['general', 'General criteria', '30', ['General criteria (In proportion)']],
      [
        'task_results',
        'Task results',
        '70',
        [
          'Results of the unit managed (In proportion)',
          "Ability to organise the unit's work (In proportion)",
          'Quantity of products completed (In proportion)',
          'Quality of products (In proportion)',
          'Timeliness (In proportion)',
        ],
      ],
    ]);
    expect(text(page.querySelector('table.part-rules caption'))).toBe('Parts of the total');
  });

  it('lists each condition with whom it applies to and the rating it sets, in order', async () => {
    const page = parse(await overviewHtml(decree, 'en'));
    const rows = page.querySelectorAll('table.condition-rules tbody tr');
    expect(
      rows.map((row) => [
        text(row.querySelector('.number')),
        text(row.querySelector('.condition')),
        text(row.querySelector('.applies-to')),
        row.querySelector('.rating-given')!.getAttribute('data-rating'),
        text(row.querySelector('.rating-given')),
      ]),
    ).toEqual([
      [
        '1',
        'Disciplined (reprimand or above) in the year assessed',
        'Everyone',
        'not_completed',
        'Rated “Did not complete tasks” whatever the total',
      ],
      [
        '2',
        'Found to show political, ethical or lifestyle degradation',
        'Everyone',
        'not_completed',
        'Rated “Did not complete tasks” whatever the total',
      ],
      [
        '3',
        'A unit they manage directly is sanctioned for corruption or waste',
        'Civil servants in leadership posts',
        'not_completed',
        'Rated “Did not complete tasks” whatever the total',
      ],
    ]);
    expect(text(page.querySelector('table.condition-rules + p.rules-note'))).toBe(
      LABELS.firstConditionDecides.en,
    );
  });

  it('gives the quota its share of which rating, its sets and its ranking keys in order', async () => {
    const page = parse(await overviewHtml(decree, 'en'));
    const row = page.querySelector('table.quota-rules tbody tr')!;
    expect(row.getAttribute('data-quota')).toBe('excellent_share');
    expect(text(row.querySelector('.quota'))).toBe(
      'Those rated excellent are at most 20% of those rated well',
    );
    expect(text(row.querySelector('.limit p'))).toBe(
      'Those rated “Completed tasks excellently” are at most 20% of the number rated ' +
        '“Completed tasks well”',
    );
    expect(text(row.querySelector('.demotion'))).toBe(
      'Those ranked beyond the limit move to “Completed tasks well”',
    );
    expect(text(row.querySelector('.within'))).toBe('In each unit, then in each position group');
    expect(row.querySelectorAll('.rank-by li').map(text)).toEqual([
      'Total (higher first)',
      'Points of the part “Task results” (higher first)',
      'Indicator “Quality of products” (higher values first)',
    ]);
    expect(text(row.querySelector('.tie-break'))).toBe(
      'Equal on every ranking key: the person ids decide',
    );
  });

  it('says the same in Vietnamese, with no English', async () => {
    const html = await overviewHtml(decree, 'vi');
    const page = parse(html);
    expect(
      page
        .querySelectorAll('table.part-rules tbody tr')
        .map((row) => [text(row.querySelector('.part')), text(row.querySelector('.max-points'))]),
    ).toEqual([
      ['Tiêu chí chung', '30'],
      ['Kết quả thực hiện nhiệm vụ', '70'],
    ]);
    expect(text(page.querySelector('table.part-rules .indicators li'))).toBe(
      'Tiêu chí chung (Theo tỷ lệ)',
    );
    const third = page.querySelectorAll('table.condition-rules tbody tr')[2]!;
    expect(text(third.querySelector('.applies-to'))).toBe('Công chức lãnh đạo, quản lý');
    expect(text(third.querySelector('.rating-given'))).toBe(
      'Xếp loại “Không hoàn thành nhiệm vụ”, không phụ thuộc tổng điểm',
    );
    const quota = page.querySelector('table.quota-rules tbody tr')!;
    expect(text(quota.querySelector('.limit p'))).toBe(
      'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 20% số người xếp loại ' +
        '“Hoàn thành tốt nhiệm vụ”',
    );
    expect(text(quota.querySelector('.within'))).toBe(
      'Trong từng đơn vị, rồi trong từng nhóm vị trí',
    );
    expect(quota.querySelectorAll('.rank-by li').map(text)).toEqual([
      'Tổng điểm (cao hơn xếp trước)',
      'Điểm phần “Kết quả thực hiện nhiệm vụ” (cao hơn xếp trước)',
      'Chỉ số “Chất lượng sản phẩm” (giá trị cao hơn xếp trước)',
    ]);
    expect(text(quota.querySelector('.tie-break'))).toBe(
      'Bằng nhau ở mọi tiêu chí xếp hạng: thứ tự theo mã công chức',
    );
    expect(text(page.querySelector('table.quota-rules caption'))).toBe(LABELS.quotas.vi);
    expect(html).not.toContain('Those rated');
    expect(html).not.toContain('Task results');
  });

  it('gives both languages, the English marked as such', async () => {
    const page = parse(await overviewHtml(decree, 'both'));
    const english = (selector: string) =>
      page.querySelectorAll(`${selector} [lang="en"]`).map(text);
    expect(english('table.part-rules caption')).toEqual(['Parts of the total']);
    expect(english('table.part-rules tbody .part')).toEqual(['General criteria', 'Task results']);
    expect(text(page.querySelector('table.part-rules tbody .part'))).toContain('Tiêu chí chung');
    expect(english('table.condition-rules .rating-given')).toContain(
      'Rated “Did not complete tasks” whatever the total',
    );
    expect(english('table.quota-rules .rank-by li')).toEqual([
      'Total (higher first)',
      'Points of the part “Task results” (higher first)',
      'Indicator “Quality of products” (higher values first)',
    ]);
    expect(text(page.querySelector('table.quota-rules .within'))).toContain(
      'Trong từng đơn vị, rồi trong từng nhóm vị trí',
    );
  });

  it('places the three sections after the rating scale and before the contexts', async () => {
    // The decree has no contexts, and then no section on them: give it one that changes nothing.
    const withContext = structuredClone(decree);
    withContext.contexts = [
      { id: 'province', label: { vi: 'Tỉnh', en: 'Province' }, positions: withContext.positions },
    ];
    const html = await overviewHtml(withContext, 'en');
    const at = (needle: string) => html.indexOf(needle);
    expect(at('class="rating-scale"')).toBeGreaterThan(0);
    expect(at('class="part-rules"')).toBeGreaterThan(at('class="rating-scale"'));
    expect(at('class="condition-rules"')).toBeGreaterThan(at('class="part-rules"'));
    expect(at('class="quota-rules"')).toBeGreaterThan(at('class="condition-rules"'));
    expect(at('class="contexts"')).toBeGreaterThan(at('class="quota-rules"'));
  });

  it('is valid HTML in every language', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      const report = await validator.validateString(await overviewHtml(decree, lang));
      const messages = report.results.flatMap((result) =>
        result.messages.map((message) => `${lang}: ${message.ruleId}: ${message.message}`),
      );
      expect(messages).toEqual([]);
    }
  });

  it('leaves out a section the rule set has nothing for', async () => {
    const partsOnly = structuredClone(decree);
    partsOnly.conditions = [];
    partsOnly.quotas = [];
    const page = parse(await overviewHtml(partsOnly, 'en'));
    expect(page.querySelector('table.part-rules')).not.toBeNull();
    expect(page.querySelector('table.condition-rules')).toBeNull();
    expect(page.querySelector('table.quota-rules')).toBeNull();
    expect(page.querySelector('.rules-note')).toBeNull();
  });

  it('prints hostile labels of parts, conditions and quotas as text', async () => {
    const ruleSet = partsRuleSet();
    const hostile = { vi: HOSTILE.script, en: HOSTILE.image };
    ruleSet.parts[0]!.label = hostile;
    ruleSet.conditions[0]!.label = hostile;
    ruleSet.quotas[0]!.label = hostile;
    const page = parse(await overviewHtml(ruleSet, 'both'));
    expect(page.querySelectorAll('script, img')).toHaveLength(0);
    for (const selector of SECTIONS) {
      expect(text(page.querySelector(selector))).toContain(HOSTILE.script);
      expect(text(page.querySelector(selector))).toContain(HOSTILE.image);
    }
  });
});

describe('the overview of the CEMA example', () => {
  it('has no section on parts, conditions or quotas, in either engine', async () => {
    const cema = cemaRuleSet();
    expect([cema.parts, cema.conditions, cema.quotas]).toEqual([[], [], []]);
    const page = parse(await overviewHtml(cema, 'both'));
    for (const selector of [...SECTIONS, '.rules-note']) {
      expect(page.querySelector(selector)).toBeNull();
    }
    expect(text(page.querySelector('article'))).not.toContain(LABELS.parts.vi);
    const pdf = await overviewPdfText(cema, 'en');
    expect(pdf).toContain(LABELS.ratingScale.en);
    for (const key of ['parts', 'conditions', 'quotas', 'rankBy', 'quotasApplied'] as const) {
      expect(pdf).not.toContain(LABELS[key].en);
    }
  });
});

describe('the overview of the Decree 335/2025 example, in the PDF', () => {
  it('shows the parts, the conditions and the quota in English', async () => {
    const pdf = await overviewPdfText(decree, 'en');
    expect(pdf).toContain(
      'Parts of the total Part Most points Indicators General criteria 30 – General criteria ' +
        '(In proportion) Task results 70 – Results of the unit managed (In proportion)',
    );
    expect(pdf).toContain('– Timeliness (In proportion)');
    expect(pdf).toContain('Conditions that decide the rating');
    expect(pdf).toContain(
      '3 A unit they manage directly is sanctioned for corruption or waste Civil servants in ' +
        'leadership posts Rated “Did not complete tasks” whatever the total',
    );
    expect(pdf).toContain(LABELS.firstConditionDecides.en);
    expect(pdf).toContain(
      'at most 20% of the number rated “Completed tasks well” Those ranked beyond the limit ' +
        'move to “Completed tasks well” In each unit, then in each position group ' +
        '1. Total (higher first) 2. Points of the part “Task results” (higher first) ' +
        '3. Indicator “Quality of products” (higher values first) Equal on every ranking key: ' +
        'the person ids decide',
    );
    const order = ['Overall rating scale', 'Parts of the total', 'Conditions that', 'Limits on'];
    const places = order.map((heading) => pdf.indexOf(heading));
    expect(places.every((place) => place >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
  });

  it('shows them in Vietnamese, and in both languages', async () => {
    const vi = await overviewPdfText(decree, 'vi');
    expect(vi).toContain('Các phần của tổng điểm');
    expect(vi).toContain('Kết quả thực hiện nhiệm vụ 70');
    expect(vi).toContain('Xếp loại “Không hoàn thành nhiệm vụ”, không phụ thuộc tổng điểm');
    expect(vi).toContain('không quá 20% số người xếp loại “Hoàn thành tốt nhiệm vụ”');
    expect(vi).toContain('Trong từng đơn vị, rồi trong từng nhóm vị trí');
    expect(vi).toContain(
      '1. Tổng điểm (cao hơn xếp trước) 2. Điểm phần “Kết quả thực hiện nhiệm vụ” (cao hơn ' +
        'xếp trước) 3. Chỉ số “Chất lượng sản phẩm” (giá trị cao hơn xếp trước)',
    );
    expect(vi).not.toContain('Those rated');

    const both = await overviewPdfText(decree, 'both');
    expect(both).toContain('Các phần của tổng điểm Parts of the total');
    expect(both).toContain('1. Tổng điểm (cao hơn xếp trước) Total (higher first)');
  });
});

describe('quotaRules', () => {
  it('words a decimal share, a position in no group and a lower-is-better key', () => {
    const ruleSet = structuredClone(decree);
    delete ruleSet.positions[0]!.group;
    ruleSet.quotas[0]!.share = '12.5';
    const quality = ruleSet.indicators.find((indicator) => indicator.id === 'quality')!;
    quality.direction = 'lower';
    const [rule] = quotaRules(ruleSet);
    expect(rule!.within.en).toBe(
      'In each unit, then in each position group (the holders of a position in no group ' +
        'count by position)',
    );
    expect(rule!.limit.en).toContain('are at most 12.5% of the number rated');
    expect(rule!.limit.vi).toContain('không quá 12,5% số người xếp loại');
    expect(rule!.rankBy[2]!.en).toBe('Indicator “Quality of products” (lower values first)');
    expect(rule!.rankBy[2]!.vi).toBe('Chỉ số “Chất lượng sản phẩm” (giá trị thấp hơn xếp trước)');
  });
});
