/**
 * How the default PDF engine breaks a long scorecard across pages: the header row on every
 * page, every row whole on one page and in order, the total and signatures never left alone,
 * page numbers per document, and a row taller than a page continued instead of lost.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LABELS, renderPdf, type OutputFile } from '@kpilang/render';
import { layoutText, pageCount, rawText } from './fixtures/pdf-poppler.js';
import {
  TALL_FORMULA_TERMS,
  longPositionRuleSet,
  numberedLabel,
  numberedSource,
  tallRowRuleSet,
} from './fixtures/pdf-rule-sets.js';

const INDICATORS = 60;
const longRuleSet = longPositionRuleSet(INDICATORS);
const position = longRuleSet.positions[0]!;
let long: Uint8Array;
let longAll: OutputFile[];

beforeAll(async () => {
  longAll = await renderPdf(longRuleSet, { lang: 'vi' });
  long = longAll.find((output) => output.path === `scorecard-${position.id}.pdf`)!
    .data as Uint8Array;
}, 60_000);

/** The header words of the matrix, as pdftotext -layout gives them on one line. */
const HEADER_WORDS = [LABELS.number.vi, LABELS.indicator.vi, LABELS.bands.vi, LABELS.weight.vi];

describe('a scorecard of 60 indicators', () => {
  it('takes several pages, each with the header row of the matrix', () => {
    const pages = pageCount(long);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page += 1) {
      const lines = layoutText(long, page).split('\n');
      const header = lines.find((line) => HEADER_WORDS.every((word) => line.includes(word)));
      expect(header, `page ${page} has no header row`).toBeDefined();
    }
  });

  it('keeps every row whole on one page, in order, each once', () => {
    const pages = pageCount(long);
    const pageOf = new Map<number, number>();
    for (let page = 1; page <= pages; page += 1) {
      const text = rawText(long, page);
      for (let n = 1; n <= INDICATORS; n += 1) {
        const parts = [numberedLabel(n).vi, numberedSource(n).vi];
        const found = parts.filter((part) => text.includes(`${part} `) || text.endsWith(part));
        if (found.length === 0) continue;
        expect(found, `row ${n} is split on page ${page}`).toHaveLength(parts.length);
        expect(pageOf.has(n), `row ${n} is on two pages`).toBe(false);
        pageOf.set(n, page);
      }
    }
    expect([...pageOf.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: INDICATORS }, (_, i) => i + 1),
    );
    const order = Array.from({ length: INDICATORS }, (_, i) => pageOf.get(i + 1)!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('puts the total, the legend and the signatures on a page with indicator rows', () => {
    const pages = pageCount(long);
    const last = rawText(long, pages);
    expect(last).toContain(`${LABELS.total.vi} 100%`);
    expect(last).toContain(LABELS.evaluator.vi);
    expect(last).toContain(numberedLabel(INDICATORS).vi);
  });

  it('numbers the pages of each document from 1, in all.pdf too', () => {
    const pages = pageCount(long);
    for (let page = 1; page <= pages; page += 1) {
      expect(layoutText(long, page)).toMatch(new RegExp(`\\b${page}/${pages}\\s*$`));
    }
    const all = longAll.find((output) => output.path === 'all.pdf')!.data as Uint8Array;
    const overviewPages = pageCount(longAll[0]!.data as Uint8Array);
    expect(layoutText(all, overviewPages + 1)).toMatch(/\b1\/\d+\s*$/);
  });
});

describe('a row taller than a page', () => {
  it('continues on the next pages with the header row repeated, losing no text', async () => {
    const ruleSet = tallRowRuleSet();
    const files = await renderPdf(ruleSet, { lang: 'vi' });
    const pdf = files.find((output) => output.path === `scorecard-${ruleSet.positions[0]!.id}.pdf`)!
      .data as Uint8Array;
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page += 1) {
      const lines = layoutText(pdf, page).split('\n');
      expect(lines.some((line) => HEADER_WORDS.every((word) => line.includes(word)))).toBe(true);
    }
    const text = rawText(pdf);
    const terms = text.match(/measure_\d+/g) ?? [];
    expect(terms).toEqual(TALL_FORMULA_TERMS);
  });
});
