/**
 * The index of filled scorecards says what changed a rating after the total: on the Decree
 * 335/2025 example, a column "Rating changed by" names the condition or the quota for each
 * person whose rating it changed ("Condition: Disciplined ..."), and "—" for the others, in
 * Vietnamese, English and both; the words come from adjustmentCause. A rule set without
 * conditions or quotas (CEMA) has no such column.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  ABSENT,
  adjustmentCause,
  LABELS,
  renderFilledHtml,
  type FilledAdjustment,
  type FilledPerson,
  type Lang,
} from '@kpilang/render';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const decree: RuleSet = decreeRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();
const n = (display: string) => ({ exact: display, display });

const DISCIPLINED: FilledAdjustment = {
  step: 'condition',
  rule: 'disciplined',
  from: 'outstanding',
  to: 'not_completed',
  reason: 'Condition disciplined holds.',
};
const QUOTA: FilledAdjustment = {
  step: 'quota',
  rule: 'excellent_share',
  from: 'outstanding',
  to: 'completed_well',
  set: { within: 'unit', key: 'planning' },
  candidates: 5,
  places: 2,
  rank: 3,
  tiedWith: [],
  reason: 'Quota excellent_share in unit "planning": 2 of the 5 rated outstanding keep it.',
};

/** A specialist of the decree with `total`, rated `rating` after `adjustments`. */
function specialist(
  person: string,
  total: string,
  scored: string,
  rating: string,
  adjustments: FilledAdjustment[],
): FilledPerson {
  const position = decree.positions.find((candidate) => candidate.id === 'specialist')!;
  return {
    person,
    orgUnit: 'planning',
    position: position.id,
    context: null,
    period: '2026',
    status: 'complete',
    total: n(total),
    rating,
    scoredRating: scored,
    adjustments,
    weightCounted: n('100'),
    indicators: position.indicators.map((weighted) => ({
      indicator: weighted.indicator,
      status: 'rated' as const,
      value: n(total),
      band: null,
      points: n(total),
      effectiveWeight: n(weighted.weight),
      contribution: n('10'),
      notRated: null,
    })),
  };
}

const people = [
  specialist('p05', '93', 'outstanding', 'completed_well', [QUOTA]),
  specialist('p12', '80', 'completed_well', 'completed_well', []),
  specialist('p20', '96.5', 'outstanding', 'not_completed', [DISCIPLINED]),
];

async function index(ruleSet: RuleSet, lang: Lang, scored = people): Promise<string> {
  const files = await renderFilledHtml(ruleSet, { period: '2026', people: scored }, { lang });
  return String(files.find((file) => file.path === 'index.html')!.data);
}

describe('the index of filled scorecards', () => {
  it('names what changed each rating in a column of its own, in English', async () => {
    const page = parse(await index(decree, 'en'));
    const headings = page.querySelectorAll('table.results thead th').map(text);
    expect(headings.at(-2)).toBe(LABELS.overallRating.en);
    expect(headings.at(-1)).toBe(LABELS.changedBy.en);
    const rows = page.querySelectorAll('table.results tbody tr');
    expect(
      rows.map((row) => [
        text(row.querySelector('th')),
        text(row.querySelector('.total')),
        text(row.querySelector('.rating')),
        text(row.querySelector('.changed-by')),
      ]),
    ).toEqual([
      [
        'p05',
        '93',
        'Completed tasks well',
        'Quota: Those rated excellent are at most 20% of those rated well',
      ],
      ['p12', '80', 'Completed tasks well', ABSENT],
      [
        'p20',
        '96.5',
        'Did not complete tasks',
        'Condition: Disciplined (reprimand or above) in the year assessed',
      ],
    ]);
    const [quota] = rows[0]!.querySelectorAll('.changed-by li');
    expect([quota!.getAttribute('data-step'), quota!.getAttribute('data-rule')]).toEqual([
      'quota',
      'excellent_share',
    ]);
    const [condition] = rows[2]!.querySelectorAll('.changed-by li');
    expect([condition!.getAttribute('data-step'), condition!.getAttribute('data-rule')]).toEqual([
      'condition',
      'disciplined',
    ]);
  });

  it('says it in Vietnamese, and in both languages with the English marked', async () => {
    const vi = parse(await index(decree, 'vi'));
    expect(text(vi.querySelectorAll('table.results thead th').at(-1))).toBe(LABELS.changedBy.vi);
    const cells = vi.querySelectorAll('table.results tbody .changed-by').map(text);
    expect(cells).toEqual([
      'Quy định giới hạn: Số xếp loại hoàn thành xuất sắc không quá 20% số hoàn thành tốt',
      ABSENT,
      'Điều kiện: Bị kỷ luật từ khiển trách trở lên trong năm đánh giá',
    ]);
    expect(text(vi.querySelectorAll('table.results tbody .total')[2])).toBe('96,5');

    const both = parse(await index(decree, 'both'));
    const p20 = both.querySelectorAll('table.results tbody tr')[2]!;
    expect(text(p20.querySelector('.changed-by'))).toContain(
      'Điều kiện: Bị kỷ luật từ khiển trách trở lên trong năm đánh giá',
    );
    expect(text(p20.querySelector('.changed-by [lang="en"]'))).toBe(
      'Condition: Disciplined (reprimand or above) in the year assessed',
    );
  });

  it('lists every change, in order, when more than one changed a rating', async () => {
    const twice = specialist('p21', '96', 'outstanding', 'not_completed', [
      DISCIPLINED,
      { ...DISCIPLINED, rule: 'degraded' },
    ]);
    const page = parse(await index(decree, 'en', [twice]));
    expect(page.querySelectorAll('.changed-by li').map(text)).toEqual([
      'Condition: Disciplined (reprimand or above) in the year assessed',
      'Condition: Found to show political, ethical or lifestyle degradation',
    ]);
  });

  it('is valid HTML in every language, with people and with none', async () => {
    for (const lang of ['vi', 'en', 'both'] as const) {
      for (const scored of [people, []]) {
        const report = await validator.validateString(await index(decree, lang, scored));
        expect(
          report.results.flatMap((result) => result.messages),
          `${lang} ${scored.length}`,
        ).toEqual([]);
      }
    }
    const empty = parse(await index(decree, 'en', []));
    expect(empty.querySelector('table.results tbody td')!.getAttribute('colspan')).toBe('8');
  });

  it('has no such column when the rule set has no conditions or quotas', async () => {
    const cema = cemaRuleSet();
    const position = cema.positions[0]!;
    const person: FilledPerson = {
      person: 'p01',
      orgUnit: 'personnel',
      position: position.id,
      context: null,
      period: '2024-Q3',
      status: 'complete',
      total: n('80'),
      rating: cema.rating[1]!.id,
      weightCounted: n('100'),
      indicators: [],
    };
    const files = await renderFilledHtml(
      cema,
      { period: '2024-Q3', people: [person] },
      { lang: 'both' },
    );
    const page = parse(String(files.find((file) => file.path === 'index.html')!.data));
    expect(page.querySelectorAll('table.results thead th')).toHaveLength(7);
    expect(page.querySelector('.changed-by')).toBeNull();
    expect(text(page.querySelector('table.results thead'))).not.toContain(LABELS.changedBy.en);
  });
});

describe('adjustmentCause', () => {
  it('names a condition or a quota by its label, and an unknown rule by its id', () => {
    expect(adjustmentCause(DISCIPLINED, decree)).toEqual({
      vi: 'Điều kiện: Bị kỷ luật từ khiển trách trở lên trong năm đánh giá',
      en: 'Condition: Disciplined (reprimand or above) in the year assessed',
    });
    expect(adjustmentCause(QUOTA, decree).en).toBe(
      'Quota: Those rated excellent are at most 20% of those rated well',
    );
    expect(adjustmentCause({ ...QUOTA, rule: 'gone' }, decree)).toEqual({
      vi: 'Quy định giới hạn: gone',
      en: 'Quota: gone',
    });
  });
});
