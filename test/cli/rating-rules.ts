/**
 * A small rule set with everything that decides a rating besides bands: two parts of the
 * total, an indicator scored in proportion, a condition and a quota. It is the CEMA rule set,
 * built by kpic, cut down to the administrative officer and edited as JSON, so that each
 * figure of the three officers below can be worked out by hand. The end-to-end tests of what
 * `kpic score` writes about parts, conditions and quotas use it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { kpic, REPO_ROOT } from './kpic-process.js';

const HEADER = 'person,org_unit,position,context,period,measure,value';

/**
 * Builds the CEMA example into `<root>/rules` and rewrites `cema.rules.json` there:
 *
 * - one position, the administrative officer (response_time 40%, coordination_quality 30%,
 *   document_accuracy 30%), and no contexts;
 * - parts `service` (70 points: response_time and coordination_quality) and `records` (30:
 *   document_accuracy);
 * - document_accuracy scored in proportion, without bands: 95% earns 95 points;
 * - the condition `disciplined`, for everyone, which rates `not_completed`;
 * - the quota `top_share`: `outstanding` at most 100% of `completed_well`, within each unit,
 *   ranked by total and then by the points of `records`; the people over it move to
 *   `completed_well`.
 */
export function writeRatingRules(root: string): void {
  const built = kpic(['build', join(REPO_ROOT, 'examples/cema/framework'), '--out', 'rules'], root);
  expect(built.code).toBe(0);
  const path = join(root, 'rules', 'cema.rules.json');
  const rules = JSON.parse(readFileSync(path, 'utf8'));

  rules.positions = rules.positions.filter(
    (position: { id: string }) => position.id === 'administrative_officer',
  );
  rules.contexts = [];
  rules.parts = [
    { id: 'service', label: { vi: 'Phục vụ', en: 'Service' }, points: '70' },
    { id: 'records', label: { vi: 'Hồ sơ', en: 'Records' }, points: '30' },
  ];
  const parts: Record<string, string> = {
    response_time: 'service',
    coordination_quality: 'service',
    document_accuracy: 'records',
  };
  for (const indicator of rules.indicators) {
    if (parts[indicator.id]) indicator.part = parts[indicator.id];
    if (indicator.id === 'document_accuracy') {
      indicator.scoring = 'proportional';
      indicator.bands = [];
    }
  }
  for (const weighted of rules.positions[0].indicators) {
    if (weighted.indicator === 'document_accuracy') weighted.bands = [];
  }
  rules.conditions = [
    {
      id: 'disciplined',
      label: { vi: 'Bị kỷ luật trong kỳ', en: 'Disciplined in the period' },
      groups: [],
      rating: 'not_completed',
    },
  ];
  rules.quotas = [
    {
      id: 'top_share',
      label: {
        vi: 'Số xuất sắc không quá số hoàn thành tốt',
        en: 'No more outstanding than completed well',
      },
      limited: 'outstanding',
      share: '100',
      of: 'completed_well',
      demoteTo: 'completed_well',
      within: ['unit'],
      rankBy: [{ kind: 'total' }, { kind: 'part', id: 'records' }],
    },
  ];
  writeFileSync(path, JSON.stringify(rules, null, 2));
}

/**
 * A quarter (2024-Q3) of three officers of the unit `personnel`. Each answers requests in 5.7
 * hours (51.3 over 9, every week: excellent, 100 × 40% = 40) and gets five 4s and five 5s on
 * coordination (4.5: excellent, 100 × 30% = 30), so `service` is 70 of 70.
 *
 * - a1: 95 of 100 documents without error each month, 95%: 95 × 30% = 28.5 points of
 *   `records`; total 98.5, outstanding.
 * - a2: 97 of 100, 97%: 29.1; total 99.1, outstanding.
 * - a3: as a1, and a row giving `disciplined` as 1: total 98.5, outstanding, but rated
 *   not_completed by the condition.
 *
 * The quota then finds, in `personnel`, L = 2 rated outstanding (a1, a2) and B = 0 rated
 * completed_well: k = 1 keeps it, since 100 × 1 <= 100 × (0 + 1) and 100 × 2 > 100 × 0. By
 * total, a2 (99.1) ranks first and a1 (98.5) second, so a1 moves to completed_well.
 * 3 × 42 rows and the fact row: 127 rows.
 */
export function ratingRows(): string {
  const rows = [HEADER];
  const officer = (person: string, withoutError: number) => {
    const prefix = `${person},personnel,administrative_officer,`;
    for (let week = 27; week <= 39; week++) {
      rows.push(`${prefix},2024-W${week},response_hours,51.3`);
      rows.push(`${prefix},2024-W${week},requests_answered,9`);
    }
    for (let answer = 0; answer < 10; answer++) {
      rows.push(`${prefix},2024-Q3,coordination_rating,${answer < 5 ? 4 : 5}`);
    }
    for (const month of ['07', '08', '09']) {
      rows.push(`${prefix},2024-${month},documents_without_error,${withoutError}`);
      rows.push(`${prefix},2024-${month},documents_processed,100`);
    }
  };
  officer('a1', 95);
  officer('a2', 97);
  officer('a3', 95);
  rows.push('a3,personnel,administrative_officer,,2024-Q3,disciplined,1');
  return `${rows.join('\n')}\n`;
}
