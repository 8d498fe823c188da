/**
 * `kpic score --html` / `--pdf` on the bundled example: the filled scorecards of p01 (every
 * indicator rated) and p08 (response time left out for want of data) hold the values, bands,
 * points, contributions, total and rating of scores.json, which score-example.test.ts checks
 * by hand; p08's excluded indicator shows its reason in words; the pages are valid HTML; the
 * PDFs carry the total and the rating; and the option checks refuse what makes no sense.
 * Scored against a rule set with parts, an indicator in proportion, a condition and a quota
 * (rating-rules.ts), the scorecards show each part's points, "In proportion" for the band, the
 * rating the total earned beside the final one, and each change to the rating in words.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace } from './kpic-process.js';
import { ratingRows, writeRatingRules } from './rating-rules.js';

interface ScoredIndicator {
  indicator: string;
  status: string;
  value: { display: string } | null;
  band: { level: string; label: { en: string } } | null;
  points: { display: string } | null;
  contribution: { display: string } | null;
  effectiveWeight: { display: string } | null;
  notRated: { reason: string } | null;
}
interface ScoredPerson {
  person: string;
  orgUnit: string;
  total: { display: string } | null;
  rating: { id: string; label: { en: string } } | null;
  indicators: ScoredIndicator[];
}

const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

/** html-validate comes from @kpilang/render's development dependencies, as render's tests use it. */
async function htmlValidator() {
  const require = createRequire(join(REPO_ROOT, 'packages', 'render', 'package.json'));
  const module = (await import(
    pathToFileURL(require.resolve('html-validate')).href
  )) as typeof import('html-validate');
  return new module.HtmlValidate({
    extends: ['html-validate:recommended'],
    rules: { 'long-title': 'off' },
  });
}

/** Builds the CEMA example and scores 2024-Q3 with `extra` options; returns the folder. */
function scored(
  extra: string[],
  root = workspace({}),
): { root: string; code: number | null; stdout: string } {
  const framework = join(REPO_ROOT, 'examples', 'cema', 'framework');
  const built = kpic(['build', framework, '--out', 'out'], root);
  expect(built.code).toBe(0);
  const data = join(REPO_ROOT, 'examples', 'cema', 'data', '2024-Q3.csv');
  const run = kpic(
    ['score', '--rules', 'out/cema.rules.json', '--data', data, '--period', '2024-Q3', ...extra],
    root,
  );
  expect(run.stderr).toBe('');
  return { root, code: run.code, stdout: run.stdout };
}

describe('kpic score --html', () => {
  let root: string;
  let people: Map<string, ScoredPerson>;
  // One run for every test here: the folder outlives each test, so it is not a workspace.
  beforeAll(() => {
    const run = scored(['--html', '--lang', 'en'], mkdtempSync(join(tmpdir(), 'kpic-e2e-')));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote out/html/index.html and 10 more files in out/html/');
    root = run.root;
    const json = JSON.parse(readFileSync(join(root, 'out', 'scores.json'), 'utf8'));
    people = new Map(json.people.map((person: ScoredPerson) => [person.person, person]));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const page = (name: string) =>
    parse(readFileSync(join(root, 'out', 'html', `${name}.html`), 'utf8'));

  test('writes one filled scorecard per person and an index listing them', () => {
    const files = readdirSync(join(root, 'out', 'html')).sort();
    expect(files).toEqual(
      ['index.html', ...[...people.keys()].map((p) => `scorecard-${p}.html`)].sort(),
    );
    const index = page('index');
    const links = index.querySelectorAll('a').map((link) => link.getAttribute('href'));
    expect(links).toEqual([...people.keys()].map((p) => `./scorecard-${p}.html`));
    expect(text(index.querySelectorAll('.results tbody tr')[0]!.querySelector('.total'))).toBe(
      '88',
    );
  });

  test.each(['p01', 'p08'])("fills %s's scorecard with the results of scores.json", (id) => {
    const person = people.get(id)!;
    const card = page(`scorecard-${id}`);
    expect(text(card.querySelector('.form-header .person'))).toBe(id);
    expect(text(card.querySelector('.form-header .org-unit'))).toBe(person.orgUnit);
    expect(text(card.querySelector('.form-header .period'))).toBe('2024-Q3');
    const rows = card.querySelectorAll('tr.indicator-row');
    expect(rows).toHaveLength(person.indicators.length);
    rows.forEach((row, index) => {
      const result = person.indicators[index]!;
      if (result.value) expect(text(row.querySelector('.result'))).toBe(result.value.display);
      expect(row.querySelector('.band-reached')!.getAttribute('data-level')).toBe(
        result.band?.level ?? '',
      );
      if (result.band) expect(text(row.querySelector('.band-reached'))).toBe(result.band.label.en);
      expect(text(row.querySelector('.points'))).toBe(result.points?.display ?? 'Not rated');
      expect(text(row.querySelector('.contribution'))).toBe(
        result.contribution?.display ?? 'Not rated',
      );
    });
    expect(text(card.querySelector('.person-total'))).toBe(person.total!.display);
    const ticked = card.querySelectorAll('.choices li.ticked');
    expect(ticked.map((li) => li.getAttribute('data-rating'))).toEqual([person.rating!.id]);
    expect(text(ticked[0])).toContain(person.rating!.label.en);
    expect(card.querySelectorAll('.sign-space').every((cell) => text(cell) === '')).toBe(true);
  });

  test('p01 and p08 hold the totals and ratings worked out by hand', () => {
    expect(text(page('scorecard-p01').querySelector('.person-total'))).toBe('88');
    expect(page('scorecard-p01').querySelector('li.ticked')!.getAttribute('data-rating')).toBe(
      'completed_well',
    );
    expect(text(page('scorecard-p08').querySelector('.person-total'))).toBe('90');
    expect(page('scorecard-p08').querySelector('li.ticked')!.getAttribute('data-rating')).toBe(
      'outstanding',
    );
  });

  test("shows p08's excluded indicator's reason in words, not a blank or a 0", () => {
    const row = page('scorecard-p08').querySelectorAll('tr.indicator-row')[0]!;
    const result = row.querySelector('.result')!;
    expect(result.getAttribute('data-status')).toBe('excluded');
    expect(text(result)).toContain('No data');
    expect(text(result)).toContain('left out');
    expect(text(row.querySelector('.points'))).toBe('Not rated');
    // The other two count with 50% each instead of their declared 30%.
    const others = page('scorecard-p08').querySelectorAll('tr.indicator-row').slice(1);
    for (const other of others) expect(text(other.querySelector('.counts-as'))).toContain('50%');
  });

  test('writes pages html-validate accepts', async () => {
    const validator = await htmlValidator();
    for (const name of ['index', 'scorecard-p01', 'scorecard-p08']) {
      const html = readFileSync(join(root, 'out', 'html', `${name}.html`), 'utf8');
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${name}: ${m.message}`))).toEqual(
        [],
      );
    }
  });
});

describe('kpic score --pdf', () => {
  test("writes each person's PDF and all.pdf, with the total and the rating", () => {
    const run = scored(['--pdf', '--lang', 'en']);
    expect(run.code).toBe(0);
    const pdf = join(run.root, 'out', 'pdf');
    expect(existsSync(join(pdf, 'all.pdf'))).toBe(true);
    expect(existsSync(join(run.root, 'out', 'html'))).toBe(false);
    const textOf = (file: string) =>
      execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(pdf, file), '-'], {
        encoding: 'utf8',
      }).replace(/\s+/g, ' ');
    const json = JSON.parse(readFileSync(join(run.root, 'out', 'scores.json'), 'utf8'));
    const rating = (json.people as ScoredPerson[]).find((p) => p.person === 'p08')!.rating!;
    const p08 = textOf('scorecard-p08.pdf');
    expect(p08).toMatch(/Weighted total of points 90\b/);
    // The rating line reached, its range, then the X in its tick column.
    expect(p08).toContain(`${rating.label.en} ≥ 90 X`);
    expect(p08).toContain('No data');
    expect(textOf('scorecard-p01.pdf')).toMatch(/Weighted total of points 88\b/);
    expect(textOf('all.pdf')).toContain('p10');
  });
});

describe('kpic score --html --pdf with parts, a condition and a quota', () => {
  interface RatedPerson {
    person: string;
    scoredRating: { id: string; label: { en: string } } | null;
    rating: { id: string; label: { en: string } } | null;
    parts: { id: string; points: { display: string } | null; max: { display: string } }[];
    adjustments: { step: string; rule: string }[];
  }

  test('show part points, the band "In proportion", and what changed each rating', async () => {
    const root = workspace({ 'rows.csv': ratingRows() });
    writeRatingRules(root);
    const run = kpic(
      [
        'score',
        '--rules',
        'rules/cema.rules.json',
        '--data',
        'rows.csv',
        '--period',
        '2024-Q3',
        '--html',
        '--pdf',
        '--lang',
        'en',
      ],
      root,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(readFileSync(join(root, 'out', 'scores.json'), 'utf8'));
    const people = new Map<string, RatedPerson>(
      json.people.map((person: RatedPerson) => [person.person, person]),
    );
    const page = (id: string) =>
      parse(readFileSync(join(root, 'out', 'html', `scorecard-${id}.html`), 'utf8'));

    for (const id of ['a1', 'a2', 'a3']) {
      const person = people.get(id)!;
      const card = page(id);
      // The parts table shows what scores.json has, part by part.
      expect(
        card
          .querySelectorAll('table.parts tbody tr')
          .map((row) => [
            row.getAttribute('data-part'),
            text(row.querySelector('.points-earned')),
            text(row.querySelector('.max-points')),
          ]),
      ).toEqual(person.parts.map((part) => [part.id, part.points!.display, part.max.display]));
      const proportional = card.querySelectorAll('tr.indicator-row')[2]!;
      expect(text(proportional.querySelector('td.bands'))).toBe(
        'Scored in proportion: points = the percentage reached',
      );
      expect(text(proportional.querySelector('.band-reached'))).toBe('In proportion');
      expect(card.querySelector('li.ticked')!.getAttribute('data-rating')).toBe(person.rating!.id);
      expect(
        card.querySelectorAll('.adjustments li').map((li) => li.getAttribute('data-rule')),
      ).toEqual(person.adjustments.map((adjustment) => adjustment.rule));
    }

    // a2 kept the rating its total earned; a1 lost it to the quota, a3 to the condition.
    expect(page('a2').querySelector('.scored-rating')).toBeNull();
    expect(text(page('a1').querySelector('.scored-rating'))).toBe(
      `Rating the total earned: ${people.get('a1')!.scoredRating!.label.en}`,
    );
    expect(text(page('a1').querySelector('.adjustments li'))).toBe(
      'No more outstanding than completed well: in unit “personnel”, 1 of the 2 rated ' +
        '“Completed tasks excellently” keeps it; ranked 2, moved to “Completed tasks well”.',
    );
    expect(text(page('a3').querySelector('.adjustments li'))).toBe(
      'Disciplined in the period: rated “Did not complete tasks” whatever the total.',
    );

    const validator = await htmlValidator();
    for (const name of ['index', 'scorecard-a1', 'scorecard-a3']) {
      const html = readFileSync(join(root, 'out', 'html', `${name}.html`), 'utf8');
      const report = await validator.validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${name}: ${m.message}`))).toEqual(
        [],
      );
    }

    const a1 = execFileSync(
      'pdftotext',
      ['-raw', '-enc', 'UTF-8', join(root, 'out', 'pdf', 'scorecard-a1.pdf'), '-'],
      { encoding: 'utf8' },
    ).replace(/\s+/g, ' ');
    expect(a1).toContain('Service 1, 2 70 70 Records 3 30 28.5');
    expect(a1).toContain('Rating the total earned: Completed tasks excellently');
    expect(a1).toContain('ranked 2, moved to “Completed tasks well”');
  });
});

describe('kpic build and score --html on the Decree 335/2025 example', () => {
  test('the blank and filled scorecards show parts, points in proportion and the changes', async () => {
    const root = workspace({});
    const framework = join(REPO_ROOT, 'examples', 'vn-decree-335', 'framework');
    const built = kpic(['build', framework, '--out', 'rules', '--html', '--lang', 'vi'], root);
    expect(built.stderr).toMatch(/^0 errors, 0 warnings in \d+ files\n$/);
    expect(built.code).toBe(0);
    const data = join(REPO_ROOT, 'examples', 'vn-decree-335', 'data', '2026.csv');
    const rules = 'rules/vn_decree_335.rules.json';
    const run = kpic(
      ['score', '--rules', rules, '--data', data, '--period', '2026', '--html', '--lang', 'vi'],
      root,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const html = (path: string) => readFileSync(join(root, path), 'utf8');

    // The blank form: every indicator in proportion, no levels to list, both parts to fill in.
    const blank = parse(html('rules/html/scorecard-division_leader.html'));
    expect(blank.querySelectorAll('td.bands.in-proportion')).toHaveLength(6);
    expect(blank.querySelector('table.legend')).toBeNull();
    expect(
      blank
        .querySelectorAll('table.parts tbody tr')
        .map((row) => [
          text(row.querySelector('.ordinals')),
          text(row.querySelector('.max-points')),
          text(row.querySelector('.fill')),
        ]),
    ).toEqual([
      ['1', '30', ''],
      ['2, 3, 4, 5, 6', '70', ''],
    ]);

    // p01 (see score-decree.test.ts): 28 + 67.5 = 95.5, outstanding, moved down by the quota
    // in the leaders' group. p20: outstanding, then disciplined. p30: unrated, no part points.
    const filled = (id: string) => parse(html(`out/html/scorecard-${id}.html`));
    const earned = (id: string) =>
      filled(id)
        .querySelectorAll('table.parts .points-earned')
        .map((cell) => text(cell));
    expect(earned('p01')).toEqual(['28', '67,5']);
    expect(earned('p30')).toEqual(['Không đánh giá', 'Không đánh giá']);
    const p01 = filled('p01');
    expect(p01.querySelector('li.ticked')!.getAttribute('data-rating')).toBe('completed_well');
    expect(p01.querySelector('.scored-rating')!.getAttribute('data-rating')).toBe('outstanding');
    const [quota] = p01.querySelectorAll('.adjustments li');
    expect(quota!.getAttribute('data-rule')).toBe('excellent_share');
    expect(text(quota)).toContain('trong nhóm “Công chức lãnh đạo, quản lý”, 1 trong số 2 người');
    expect(text(quota)).toContain('xếp thứ 2, chuyển xuống “Hoàn thành tốt nhiệm vụ”');
    const p20 = filled('p20');
    expect(p20.querySelector('li.ticked')!.getAttribute('data-rating')).toBe('not_completed');
    expect(text(p20.querySelector('.adjustments li'))).toBe(
      'Bị kỷ luật từ khiển trách trở lên trong năm đánh giá: xếp loại “Không hoàn thành nhiệm ' +
        'vụ”, không phụ thuộc tổng điểm.',
    );
    expect(filled('p30').querySelector('.adjustments')).toBeNull();

    const validator = await htmlValidator();
    for (const path of [
      'rules/html/scorecard-division_leader.html',
      'out/html/scorecard-p01.html',
      'out/html/scorecard-p30.html',
    ]) {
      const report = await validator.validateString(html(path));
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path}: ${m.message}`))).toEqual(
        [],
      );
    }
  });
});

describe('kpic score document options', () => {
  test('refuses --lang without --html or --pdf, and writes nothing', () => {
    const root = workspace({});
    const run = kpic(
      ['score', '--rules', 'r.json', '--data', 'd.csv', '--period', '2024-Q3', '--lang', 'vi'],
      root,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--lang sets the language of the documents');
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});
