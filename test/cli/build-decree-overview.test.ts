/**
 * `kpic build --html --pdf` on the Decree 335/2025 example: the overview it writes (the page
 * and the PDF, and the overview's pages in all.pdf) shows the parts of the total, the
 * conditions and the quota, and the CEMA example's overview, which has none, shows none of
 * them. What each section says in every language is tested in packages/render.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace } from './kpic-process.js';

const DECREE = join(REPO_ROOT, 'examples', 'vn-decree-335', 'framework');
const CEMA = join(REPO_ROOT, 'examples', 'cema', 'framework');

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
}

describe('the overview kpic build writes', () => {
  test("shows the decree's parts, conditions and quota in the page and the PDFs", () => {
    const root = workspace({});
    const run = kpic(['build', DECREE, '--html', '--pdf', '--lang', 'en', '--out', 'out'], root);
    expect(run.stderr).toMatch(/^0 errors, 0 warnings in \d+ files\n$/);
    expect(run.code).toBe(0);

    const page = parse(readFileSync(join(root, 'out', 'html', 'overview.html'), 'utf8'));
    const cells = (selector: string) =>
      page.querySelectorAll(selector).map((cell) => cell.text.replace(/\s+/g, ' ').trim());
    expect(cells('table.part-rules .max-points')).toEqual(['30', '70']);
    expect(cells('table.condition-rules .applies-to')).toEqual([
      'Everyone',
      'Everyone',
      'Civil servants in leadership posts',
    ]);
    expect(cells('table.quota-rules .within')).toEqual([
      'In each unit, then in each position group',
    ]);
    expect(cells('table.quota-rules .rank-by li')).toHaveLength(3);

    for (const name of ['overview.pdf', 'all.pdf']) {
      const text = pdfText(join(root, 'out', 'pdf', name));
      expect(text).toContain('Parts of the total');
      expect(text).toContain('Task results 70');
      expect(text).toContain('Rated “Did not complete tasks” whatever the total');
      expect(text).toContain('are at most 20% of the number rated “Completed tasks well”');
      expect(text).toContain('1. Total (higher first) 2. Points of the part “Task results”');
    }
  }, 60_000);

  test('shows none of them for the CEMA example', () => {
    const root = workspace({});
    const run = kpic(['build', CEMA, '--html', '--pdf', '--lang', 'en', '--out', 'out'], root);
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(root, 'out', 'html', 'overview.html'), 'utf8');
    for (const name of ['part-rules', 'condition-rules', 'quota-rules', 'rules-note']) {
      expect(html).not.toContain(`class="${name}"`);
    }
    const text = pdfText(join(root, 'out', 'pdf', 'overview.pdf'));
    expect(text).toContain('Overall rating scale');
    expect(text).not.toContain('Parts of the total');
    expect(text).not.toContain('Conditions that decide the rating');
    expect(text).not.toContain('Limits on how many hold a rating');
  }, 60_000);
});
