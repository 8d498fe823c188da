/**
 * The failure modes of ../shared/cases/failure-modes.md that concern the printed documents,
 * from kpilang source through compileSources to renderHtml and renderPdf, as `kpic build
 * --html --pdf` runs them, and one fault of our own in the same place. Sources here are minimal
 * on purpose: optional fields left out are where blank cells come from.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { compileSources } from '@kpilang/core/emit';
import { renderHtml, renderPdf, type Lang, type OutputFile } from '@kpilang/render';
import { rawText } from '../../packages/render/test/fixtures/pdf-poppler.js';

const HEADER =
  'framework t "Khung thử" / "Trial framework" { cycle quarterly }\n' +
  'levels { excellent "Xuất sắc" / "Excellent" points 100  good "Tốt" / "Good" points 80' +
  '  poor "Kém" / "Poor" points 0 }\n' +
  'rating { high "Cao" / "High" from 80  low "Thấp" / "Low" under 80 }\n';

function ruleSetOf(text: string): RuleSet {
  const result = compileSources([{ uri: 'a.kpi', text }]);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(errors.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
  return result.ruleSet!;
}

function html(files: OutputFile[], path: string): HTMLElement {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not rendered`);
  return parse(String(file.data));
}

function pdfText(files: OutputFile[], path: string): string {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not rendered`);
  return rawText(file.data as Uint8Array);
}

const text = (element: HTMLElement) => element.text.replace(/\s+/g, ' ').trim();

/** Three indicators with nothing optional: no target, source, goal, group or frequency. */
const BARE =
  HEADER +
  ['a', 'b', 'c']
    .map(
      (id) =>
        `kpi ${id} "Chỉ số ${id}" / "Indicator ${id}" { unit percent better higher` +
        ' bands { good >= 50%  poor < 50% } }',
    )
    .join('\n') +
  '\nposition p "Vị trí P" / "Position P" { a weight 33.3%  b weight 33.3%  c weight 33.4% }\n';

describe('B08: a byte-order mark never reaches the documents', () => {
  test('HTML and PDF from a file that starts with U+FEFF hold no U+FEFF or &#65279;', async () => {
    const ruleSet = ruleSetOf('\uFEFF' + BARE);
    expect(JSON.stringify(ruleSet)).not.toContain('\uFEFF');
    for (const file of await renderHtml(ruleSet, { lang: 'both' })) {
      const page = String(file.data);
      expect(page, file.path).not.toContain('\uFEFF');
      expect(page, file.path).not.toMatch(/&#(65279|x0*feff);/i);
    }
    for (const file of await renderPdf(ruleSet, { lang: 'both' })) {
      expect(rawText(file.data as Uint8Array), file.path).not.toContain('\uFEFF');
    }
  });
});

describe('B09: no blank cell but the ones left to fill in', () => {
  let ruleSet: RuleSet;
  const pages = new Map<Lang, OutputFile[]>();
  beforeAll(async () => {
    ruleSet = ruleSetOf(BARE);
    for (const lang of ['vi', 'en', 'both'] as const) {
      pages.set(lang, await renderHtml(ruleSet, { lang }));
    }
  });

  for (const lang of ['vi', 'en', 'both'] as const) {
    test(`every cell of every page says something, in ${lang}`, () => {
      for (const file of pages.get(lang)!) {
        const cells = html([file], file.path).querySelectorAll('td, th');
        // `fill` (the measured result) and `blank` (the period, the civil servant's name)
        // are the evaluator's to write in.
        const blank = cells.filter(
          (cell) =>
            !cell.classList.contains('fill') &&
            !cell.classList.contains('blank') &&
            text(cell) === '',
        );
        expect(
          blank.map((cell) => `${file.path}: <${cell.tagName} class="${cell.classNames}">`),
        ).toEqual([]);
      }
    });
  }

  test('the scorecard leaves exactly the four measured cells of each row and the total blank', () => {
    const page = html(pages.get('en')!, 'scorecard-p.html');
    const rows = page.querySelectorAll('tr.indicator-row');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.querySelectorAll('td.fill')).toHaveLength(4);
    expect(page.querySelectorAll('tr.total td.fill')).toHaveLength(1);
  });

  test('the PDF says "None" where a list is empty instead of leaving it blank', async () => {
    const files = await renderPdf(ruleSet, { lang: 'en' });
    expect(pdfText(files, 'overview.pdf')).toContain('None');
    // No group: the catalogue still names every indicator, under "In no group".
    expect(pdfText(files, 'catalogue.pdf')).toMatch(
      /In no group 1 Indicator a % — 2 Indicator b % — 3 Indicator c % —/,
    );
    // Values the framework does not state read as a dash, as in the HTML pages.
    expect(pdfText(files, 'overview.pdf')).toMatch(/Agency — Version — Effective from —/);
    const scorecard = pdfText(files, 'scorecard-p.pdf');
    expect(scorecard).toMatch(/Agency — Version —/);
    // Each row: target, measurement, frequency and source are not stated.
    expect(scorecard.match(/—/g)!.length).toBeGreaterThanOrEqual(3 * 4);
  });
});

describe('B10: labels are text, never markup', () => {
  const hostile =
    HEADER +
    'kpi x "Tỷ lệ\\" onmouseover=\\"alert(1)" / "<script>alert(1)</script>" { unit percent' +
    ' better higher bands { good >= 50%  poor < 50% } }\n' +
    'position p "P" / "P" { x weight 100% }\n';

  test('HTML shows the labels literally, with Vietnamese letters as letters', async () => {
    const ruleSet = ruleSetOf(hostile);
    const page = String(
      (await renderHtml(ruleSet, { lang: 'both' })).find(
        (file) => file.path === 'scorecard-p.html',
      )!.data,
    );
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>');
    expect(page).toContain('Tỷ lệ');
    expect(page).not.toMatch(/<[^>]*\sonmouseover=/i);
    const cell = parse(page).querySelector('tr.indicator-row th.indicator')!;
    expect(text(cell)).toContain('Tỷ lệ" onmouseover="alert(1)');
    expect(text(cell)).toContain('<script>alert(1)</script>');
  });
});

describe('B14: a total of 33.3% + 33.3% + 33.4% prints as 100%', () => {
  test('in the HTML and the PDF scorecard, in every language', async () => {
    const ruleSet = ruleSetOf(BARE);
    expect(ruleSet.positions[0]!.total).toBe('100');
    for (const lang of ['vi', 'en', 'both'] as const) {
      const page = html(await renderHtml(ruleSet, { lang }), 'scorecard-p.html');
      expect(text(page.querySelector('tr.total td.weight')!)).toBe('100%');
      const weights = page.querySelectorAll('tr.indicator-row td.weight').map(text);
      expect(weights).toEqual(
        lang === 'en' ? ['33.3%', '33.3%', '33.4%'] : ['33,3%', '33,3%', '33,4%'],
      );
      const pdf = pdfText(await renderPdf(ruleSet, { lang }), 'scorecard-p.pdf');
      expect(pdf).toContain('100%');
      expect(pdf).not.toMatch(/99[.,]9/);
    }
  });
});

describe('B15: a shared band edge reads the same in the rule set, HTML and PDF', () => {
  const source =
    HEADER +
    'kpi t "Hoàn thành" / "Task completion" { unit percent better higher target >= 95%\n' +
    '  bands { excellent >= 95%  good from 80% to under 95%  poor < 80% } }\n' +
    'position p "P" / "P" { t weight 100% }\n';

  test('95% is excellent, 80% good, below 80% poor, in every output', async () => {
    const ruleSet = ruleSetOf(source);
    const bands = ruleSet.positions[0]!.indicators[0]!.bands;
    expect(bands.map((band) => [band.level, band.interval])).toEqual([
      ['excellent', { low: '95', lowInclusive: true, highInclusive: false }],
      ['good', { low: '80', lowInclusive: true, high: '95', highInclusive: false }],
      ['poor', { high: '80', lowInclusive: false, highInclusive: false }],
    ]);
    const page = html(await renderHtml(ruleSet, { lang: 'en' }), 'scorecard-p.html');
    const shown = page.querySelectorAll('tr.indicator-row td.bands li').map(text);
    expect(shown).toEqual(['Excellent: ≥ 95%', 'Good: 80% ≤ x < 95%', 'Poor: < 80%']);
    const pdf = pdfText(await renderPdf(ruleSet, { lang: 'en' }), 'scorecard-p.pdf');
    for (const line of shown) expect(pdf).toContain(line);
  });
});

describe('the PDF text layer when documents share their fonts', () => {
  test('a bold e first met inside ế still extracts as e in the documents after', async () => {
    // A fresh copy of the package, whose fonts nothing has used yet. In the bilingual overview
    // of this framework the bold face draws e only inside ế; writing that document once made
    // the shared font's e name no character, and every later document lost its bold e, y and A
    // from the text layer ("KPI fram work ov rvi w").
    vi.resetModules();
    const fresh = (await import('@kpilang/render')) as typeof import('@kpilang/render');
    const ruleSet = ruleSetOf(BARE);
    await fresh.renderPdf(ruleSet, { lang: 'both' });
    const files = await fresh.renderPdf(ruleSet, { lang: 'en' });
    const overview = pdfText(files, 'overview.pdf');
    for (const words of ['KPI framework overview', 'Agency', 'Version', 'Rating cycle', 'None']) {
      expect(overview).toContain(words);
    }
  });
});
