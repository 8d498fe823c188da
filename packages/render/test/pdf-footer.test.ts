/**
 * The footer of every page of a PDF holds the document's title on one line beside the page
 * number. A title too long for the line (the Decree 335/2025 overview and catalogue in both
 * languages) is cut after a whole word and ends in "…", never mid-word with nothing to show
 * it was cut; a title that fits is whole; a title of one word wider than the line is cut
 * between characters, with its "…" too.
 */
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { renderPdf, type Lang } from '@kpilang/render';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { layoutText, pageCount, pdfInfo } from './fixtures/pdf-poppler.js';

const decree: RuleSet = decreeRuleSet();

async function pdfOf(ruleSet: RuleSet, lang: Lang, path: string): Promise<Uint8Array> {
  const files = await renderPdf(ruleSet, { lang });
  return files.find((file) => file.path === path)!.data as Uint8Array;
}

/** The footer of each page: its text and page number, from the line that ends in "n/N". */
function footers(pdf: Uint8Array): { text: string; number: string }[] {
  const pages = pageCount(pdf);
  return Array.from({ length: pages }, (_, index) => {
    const lines = layoutText(pdf, index + 1).split('\n');
    const line = lines.find((candidate) => /\s\d+\/\d+\s*$/.test(candidate));
    if (!line) throw new Error(`Page ${index + 1} has no footer line.`);
    const match = /^\s*(.*?)\s+(\d+\/\d+)\s*$/.exec(line)!;
    return { text: match[1]!, number: match[2]! };
  });
}

/** Checks that `footer` is `title` cut after a whole word, with "…" after it. */
function expectCut(footer: string, title: string): void {
  expect(footer.endsWith('…'), footer).toBe(true);
  const kept = footer.slice(0, -1);
  expect(title.startsWith(kept), `${footer} / ${title}`).toBe(true);
  expect(kept.length).toBeGreaterThan(title.length / 2);
  // The cut falls between words: what is left out starts with a space or a separator.
  expect(title.slice(kept.length)).toMatch(/^[\s/:;,·–-]/u);
  expect(kept).not.toMatch(/[\s/:,]$/);
}

describe('the footer of a PDF page', () => {
  it('ends the overview title in "…" on every page when it is too long for the line', async () => {
    const pdf = await pdfOf(decree, 'both', 'overview.pdf');
    const title = pdfInfo(pdf)['Title']!;
    expect(title).toContain('/ Scoring and rating civil servants on 100 points');
    const all = footers(pdf);
    expect(all.length).toBeGreaterThan(1);
    all.forEach((footer, index) => {
      expectCut(footer.text, title);
      expect(footer.number).toBe(`${index + 1}/${all.length}`);
    });
  });

  it('ends the catalogue title in "…" too', async () => {
    const pdf = await pdfOf(decree, 'both', 'catalogue.pdf');
    const [footer] = footers(pdf);
    expectCut(footer!.text, pdfInfo(pdf)['Title']!);
  });

  it('prints a title that fits whole, with no "…"', async () => {
    for (const [lang, path] of [
      ['vi', 'overview.pdf'],
      ['both', 'scorecard-specialist.pdf'],
    ] as const) {
      const pdf = await pdfOf(decree, lang, path);
      const title = pdfInfo(pdf)['Title']!;
      for (const footer of footers(pdf)) expect(footer.text, `${lang} ${path}`).toBe(title);
    }
  });

  it('cuts a title of one word wider than the line between characters', async () => {
    const ruleSet = structuredClone(decree);
    const word = 'Khung'.repeat(60);
    ruleSet.framework.label = { vi: word, en: word };
    const pdf = await pdfOf(ruleSet, 'vi', 'catalogue.pdf');
    const [footer] = footers(pdf);
    expect(footer!.text.endsWith('…')).toBe(true);
    expect(footer!.text).toMatch(/^Danh mục KPI theo nhóm vị trí: (Khung)+K?h?u?n?g?…$/);
    expect(footer!.text.length).toBeLessThan(word.length);
    expect(footer!.number).toBe('1/1');
  });
});
