/**
 * `kpic score --html` on the Decree 335/2025 example: the index of filled scorecards says what
 * changed a rating after the total, from the runtime's adjustments as kpic maps them. p20's
 * 96.5 stands beside "Did not complete tasks" with the disciplinary condition named, p18's
 * beside the leaders' condition, p01 and p05 name the quota that moved them down, and people
 * whose rating stands have "—" (score-decree.test.ts works each of them out by hand).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace } from './kpic-process.js';

const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

test('the index of the decree scorecards names the condition or quota that changed a rating', () => {
  const root = workspace({});
  const framework = join(REPO_ROOT, 'examples', 'vn-decree-335', 'framework');
  const built = kpic(['build', framework, '--out', 'rules'], root);
  expect(built.code).toBe(0);
  const data = join(REPO_ROOT, 'examples', 'vn-decree-335', 'data', '2026.csv');
  const rules = 'rules/vn_decree_335.rules.json';
  const run = kpic(
    ['score', '--rules', rules, '--data', data, '--period', '2026', '--html', '--lang', 'en'],
    root,
  );
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);

  const page = parse(readFileSync(join(root, 'out', 'html', 'index.html'), 'utf8'));
  expect(text(page.querySelectorAll('table.results thead th').at(-1))).toBe('Rating changed by');
  const rows = new Map(
    page
      .querySelectorAll('table.results tbody tr')
      .map((row) => [
        text(row.querySelector('th')),
        [
          text(row.querySelector('.total')),
          text(row.querySelector('.rating')),
          text(row.querySelector('.changed-by')),
        ],
      ]),
  );
  expect(rows.size).toBe(30);
  const quota = 'Quota: Those rated excellent are at most 20% of those rated well';
  expect(rows.get('p20')).toEqual([
    '96.5',
    'Did not complete tasks',
    'Condition: Disciplined (reprimand or above) in the year assessed',
  ]);
  expect(rows.get('p18')![2]).toBe(
    'Condition: A unit they manage directly is sanctioned for corruption or waste',
  );
  expect(rows.get('p01')).toEqual(['95.5', 'Completed tasks well', quota]);
  expect(rows.get('p05')).toEqual(['93', 'Completed tasks well', quota]);
  // p19 keeps outstanding and p21 is rated completed by the total alone.
  expect(rows.get('p19')![1]).toBe('Completed tasks excellently');
  expect(rows.get('p19')![2]).toBe('—');
  expect(rows.get('p21')).toEqual(['50', 'Completed tasks', '—']);
});
