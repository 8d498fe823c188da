/**
 * A blank scorecard tells its evaluator what decides the rating besides the total, on the
 * Decree 335/2025 example: near the overall rating, the conditions that apply to the position
 * (everyone's, and its group's) with the rating each sets whatever the total, and the quota
 * with its limit, where it holds and where the people over it move, in the words of the
 * overview; in HTML and in the PDF, in Vietnamese, English and both. A filled scorecard, which
 * shows the changes to the person's rating instead, and the CEMA scorecards, which have no
 * conditions or quotas, are without it.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  LABELS,
  renderFilledHtml,
  renderFilledPdf,
  renderHtml,
  renderPdf,
  scorecardRules,
  type FilledPerson,
  type Lang,
} from '@kpilang/render';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';
import { rawText } from './fixtures/pdf-poppler.js';

const decree: RuleSet = decreeRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();
const n = (display: string) => ({ exact: display, display });

const DISCIPLINED =
  'Disciplined (reprimand or above) in the year assessed: rated “Did not complete tasks” ' +
  'whatever the total.';
const DEGRADED =
  'Found to show political, ethical or lifestyle degradation: rated “Did not complete tasks” ' +
  'whatever the total.';
const SANCTIONED =
  'A unit they manage directly is sanctioned for corruption or waste: rated “Did not ' +
  'complete tasks” whatever the total.';
const QUOTA =
  'Those rated “Completed tasks excellently” are at most 20% of the number rated “Completed ' +
  'tasks well”, in each unit, then in each position group. Those ranked beyond the limit ' +
  'move to “Completed tasks well”.';

async function page(ruleSet: RuleSet, lang: Lang, position: string): Promise<string> {
  const files = await renderHtml(ruleSet, { lang });
  return String(files.find((file) => file.path === `scorecard-${position}.html`)!.data);
}

async function pdfText(ruleSet: RuleSet, lang: Lang, position: string): Promise<string> {
  const files = await renderPdf(ruleSet, { lang });
  return rawText(
    files.find((file) => file.path === `scorecard-${position}.pdf`)!.data as Uint8Array,
  );
}

/** A specialist of the decree with every indicator at 95% in proportion, rated outstanding. */
function specialist(): FilledPerson {
  const position = decree.positions.find((candidate) => candidate.id === 'specialist')!;
  return {
    person: 'p01',
    orgUnit: 'planning',
    position: position.id,
    context: null,
    period: '2026',
    status: 'complete',
    total: n('95'),
    rating: 'outstanding',
    weightCounted: n('100'),
    indicators: position.indicators.map((weighted) => ({
      indicator: weighted.indicator,
      status: 'rated' as const,
      value: n('95'),
      band: null,
      points: n('95'),
      effectiveWeight: n(weighted.weight),
      contribution: n('10'),
      notRated: null,
    })),
  };
}

describe('the rules that decide the rating on a blank HTML scorecard', () => {
  it("lists everyone's conditions and the quota for a specialist, in English", async () => {
    const block = parse(await page(decree, 'en', 'specialist')).querySelector('.rating-rules')!;
    expect(block).not.toBeNull();
    expect(block.querySelectorAll('.rating-rules-label').map(text)).toEqual([
      LABELS.conditions.en,
      LABELS.quotas.en,
    ]);
    const conditions = block.querySelectorAll('.condition-list li');
    expect(conditions.map((li) => li.getAttribute('data-condition'))).toEqual([
      'disciplined',
      'degraded',
    ]);
    expect(conditions.map((li) => li.getAttribute('data-rating'))).toEqual([
      'not_completed',
      'not_completed',
    ]);
    expect(conditions.map(text)).toEqual([DISCIPLINED, DEGRADED]);
    const quota = block.querySelector('.quota-list li')!;
    expect(quota.getAttribute('data-quota')).toBe('excellent_share');
    expect(quota.getAttribute('data-limited')).toBe('outstanding');
    expect(quota.getAttribute('data-of')).toBe('completed_well');
    expect(text(quota)).toBe(QUOTA);
    expect(block.querySelectorAll('.rating-rules-note').map(text)).toEqual([
      LABELS.firstConditionDecides.en,
      LABELS.quotasAfterScoring.en,
    ]);
  });

  it("adds the leaders' own condition for a division leader", async () => {
    const block = parse(await page(decree, 'en', 'division_leader')).querySelector(
      '.rating-rules',
    )!;
    expect(block.querySelectorAll('.condition-list li').map(text)).toEqual([
      DISCIPLINED,
      DEGRADED,
      SANCTIONED,
    ]);
  });

  it('comes after the overall rating and before the signatures', async () => {
    const html = await page(decree, 'en', 'division_leader');
    const at = (needle: string) => html.indexOf(needle);
    expect(at('class="overall"')).toBeGreaterThan(0);
    expect(at('class="rating-rules"')).toBeGreaterThan(at('class="overall"'));
    expect(at('class="signatures"')).toBeGreaterThan(at('class="rating-rules"'));
  });

  it('says the same in Vietnamese, and in both languages with the English marked', async () => {
    const vi = parse(await page(decree, 'vi', 'specialist')).querySelector('.rating-rules')!;
    expect(text(vi.querySelector('.condition-list li'))).toBe(
      'Bị kỷ luật từ khiển trách trở lên trong năm đánh giá: xếp loại “Không hoàn thành nhiệm ' +
        'vụ”, không phụ thuộc tổng điểm.',
    );
    expect(text(vi.querySelector('.quota-list li'))).toBe(
      'Số người xếp loại “Hoàn thành xuất sắc nhiệm vụ” không quá 20% số người xếp loại ' +
        '“Hoàn thành tốt nhiệm vụ”, trong từng đơn vị, rồi trong từng nhóm vị trí. Người xếp ' +
        'hạng ngoài giới hạn chuyển xuống “Hoàn thành tốt nhiệm vụ”.',
    );
    expect(text(vi)).not.toContain('whatever');

    const both = parse(await page(decree, 'both', 'specialist')).querySelector('.rating-rules')!;
    expect(both.querySelectorAll('.condition-list li [lang="en"]').map(text)).toEqual([
      DISCIPLINED,
      DEGRADED,
    ]);
    expect(text(both.querySelector('.quota-list li'))).toContain('trong từng đơn vị');
    expect(text(both.querySelector('.quota-list li [lang="en"]'))).toBe(QUOTA);
  });

  it('is valid HTML in every language', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      for (const position of ['specialist', 'division_leader']) {
        const report = await validator.validateString(await page(decree, lang, position));
        expect(
          report.results.flatMap((result) => result.messages),
          `${lang} ${position}`,
        ).toEqual([]);
      }
    }
  });

  it('gives a position in no group only the conditions for everyone', async () => {
    const ruleSet = structuredClone(decree);
    delete ruleSet.positions.find((position) => position.id === 'division_leader')!.group;
    const block = parse(await page(ruleSet, 'en', 'division_leader')).querySelector(
      '.rating-rules',
    )!;
    expect(block.querySelectorAll('.condition-list li').map(text)).toEqual([DISCIPLINED, DEGRADED]);
  });

  it('leaves out a list the position has nothing for, and the block when both are empty', async () => {
    const noQuotas = structuredClone(decree);
    noQuotas.quotas = [];
    const leader = parse(await page(noQuotas, 'en', 'division_leader'));
    expect(leader.querySelectorAll('.condition-list li')).toHaveLength(3);
    expect(leader.querySelector('.quota-list')).toBeNull();
    expect(leader.querySelectorAll('.rating-rules-label').map(text)).toEqual([
      LABELS.conditions.en,
    ]);

    // Only the leaders' condition is left, so a specialist has nothing to be told.
    const leadersOnly = structuredClone(noQuotas);
    leadersOnly.conditions = leadersOnly.conditions.filter(
      (condition) => condition.groups.length > 0,
    );
    expect(scorecardRules(leadersOnly, leadersOnly.positions[0]!)).toBeUndefined();
    const specialistPage = parse(await page(leadersOnly, 'en', 'specialist'));
    expect(specialistPage.querySelector('.rating-rules')).toBeNull();
    // One condition needs no word on which of several decides.
    const oneCondition = parse(await page(leadersOnly, 'en', 'division_leader'));
    expect(oneCondition.querySelectorAll('.condition-list li').map(text)).toEqual([SANCTIONED]);
    expect(oneCondition.querySelector('.rating-rules-note')).toBeNull();
  });

  it('is not on a filled scorecard, which shows the changes to the rating instead', async () => {
    const files = await renderFilledHtml(
      decree,
      { period: '2026', people: [specialist()] },
      { lang: 'both' },
    );
    const filled = parse(String(files.find((file) => file.path === 'scorecard-p01.html')!.data));
    expect(filled.querySelector('.choices')).not.toBeNull();
    expect(filled.querySelector('.rating-rules')).toBeNull();
  });

  it('is not on any CEMA scorecard, which has no conditions or quotas', async () => {
    const cema = cemaRuleSet();
    for (const file of await renderHtml(cema, { lang: 'both' })) {
      expect(parse(String(file.data)).querySelector('.rating-rules'), file.path).toBeNull();
    }
  });
});

describe('the rules that decide the rating on a blank PDF scorecard', () => {
  it('lists them after the overall rating scale and before the signatures', async () => {
    const pdf = await pdfText(decree, 'en', 'specialist');
    expect(pdf).toContain(
      `${LABELS.conditions.en} – ${DISCIPLINED} – ${DEGRADED} ${LABELS.firstConditionDecides.en} ` +
        `${LABELS.quotas.en} – ${QUOTA} ${LABELS.quotasAfterScoring.en}`,
    );
    expect(pdf).not.toContain('A unit they manage directly');
    const places = [LABELS.ratingScale.en, LABELS.conditions.en, LABELS.evaluator.en].map((words) =>
      pdf.indexOf(words),
    );
    expect(places.every((place) => place >= 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);

    expect(await pdfText(decree, 'en', 'division_leader')).toContain(
      `– ${DEGRADED} – ${SANCTIONED}`,
    );
  });

  it('words them in Vietnamese, and in both languages', async () => {
    const vi = await pdfText(decree, 'vi', 'specialist');
    expect(vi).toContain(
      `${LABELS.conditions.vi} – Bị kỷ luật từ khiển trách trở lên trong năm đánh giá: xếp ` +
        'loại “Không hoàn thành nhiệm vụ”, không phụ thuộc tổng điểm.',
    );
    expect(vi).toContain('trong từng đơn vị, rồi trong từng nhóm vị trí.');
    expect(vi).not.toContain('whatever the total');
    const both = await pdfText(decree, 'both', 'specialist');
    expect(both).toContain(`${LABELS.conditions.vi} ${LABELS.conditions.en}`);
    expect(both).toContain(`không phụ thuộc tổng điểm. ${DISCIPLINED}`);
  });

  it('is not on a filled scorecard, nor on a CEMA scorecard', async () => {
    const [filled] = await renderFilledPdf(
      decree,
      { period: '2026', people: [specialist()] },
      { lang: 'en' },
    );
    const filledText = rawText(filled!.data as Uint8Array);
    expect(filledText).toContain(LABELS.ratingScale.en);
    expect(filledText).not.toContain(LABELS.conditions.en);
    expect(filledText).not.toContain(LABELS.quotasAfterScoring.en);

    const cema = cemaRuleSet();
    const scorecard = (await renderPdf(cema, { lang: 'en' })).find((file) =>
      file.path.startsWith('scorecard-'),
    )!;
    const cemaText = rawText(scorecard.data as Uint8Array);
    expect(cemaText).toContain(LABELS.ratingScale.en);
    expect(cemaText).not.toContain(LABELS.conditions.en);
    expect(cemaText).not.toContain(LABELS.quotas.en);
  });
});
