/**
 * The overview's table of levels says "None" when the rule set has no levels (the Decree
 * 335/2025 example, every indicator scored in proportion). In both languages the cell reads
 * "Không có / None", with the slash the headings of the same table get, not "Không cóNone":
 * in the page's text, and as the browser prints it.
 */
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { findBrowser, LABELS, printPdf, renderHtml, type Lang } from '@kpilang/render';
import { pdfText } from './fixtures/browser-pdf-tools.js';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';

const decree: RuleSet = decreeRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const text = (element: { text: string } | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

async function overviewHtml(lang: Lang): Promise<string> {
  const files = await renderHtml(decree, { lang });
  return String(files.find((file) => file.path === 'overview.html')!.data);
}

describe('the "None" cell of the overview\'s table of levels', () => {
  it('reads "Không có / None" in both languages, the English marked as such', async () => {
    expect(decree.levels).toEqual([]);
    const html = await overviewHtml('both');
    const cell = parse(html).querySelector('table.levels td.none');
    expect(text(cell)).toBe(`${LABELS.none.vi} / ${LABELS.none.en}`);
    expect(text(cell?.querySelector('[lang="en"]'))).toBe(LABELS.none.en);
    expect(cell?.innerHTML).toBe(`${LABELS.none.vi} / <span lang="en">${LABELS.none.en}</span>`);
    const report = await validator.validateString(html);
    expect(report.results.flatMap((result) => result.messages)).toEqual([]);
  });

  it('holds one language alone in Vietnamese and in English', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const cell = parse(await overviewHtml(lang)).querySelector('table.levels td.none');
      expect(text(cell), lang).toBe(LABELS.none[lang]);
    }
  });

  it('prints with the slash in the browser, as the headings of its table do', async () => {
    if ((await findBrowser()) === undefined) {
      throw new Error(
        'This test needs Chromium, Chrome or Edge: run node scripts/system-tools.mjs',
      );
    }
    const files = await printPdf(decree, { lang: 'both' });
    const printed = pdfText(files.find((file) => file.path === 'overview.pdf')!.data as Uint8Array);
    expect(printed).toContain(`${LABELS.none.vi} / ${LABELS.none.en}`);
    expect(printed).not.toContain(`${LABELS.none.vi}${LABELS.none.en}`);
    expect(printed).toContain(`${LABELS.level.vi} / ${LABELS.level.en}`);
  }, 60_000);
});
