/**
 * The overview's section on what each context changes is there only when the rule set has
 * contexts: the Decree 335/2025 example has none, and its overview has no heading left with
 * nothing under it, in HTML as in the PDF; the CEMA example keeps the section.
 */
import { HtmlValidate } from 'html-validate';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import { LABELS, renderHtml, renderPdf, type Lang } from '@kpilang/render';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';
import { rawText } from './fixtures/pdf-poppler.js';

const decree: RuleSet = decreeRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

async function overviewHtml(ruleSet: RuleSet, lang: Lang): Promise<string> {
  const files = await renderHtml(ruleSet, { lang });
  return String(files.find((file) => file.path === 'overview.html')!.data);
}

describe('the section on contexts of the overview', () => {
  it('is left out of the HTML when the rule set has no contexts, in every language', async () => {
    expect(decree.contexts).toEqual([]);
    for (const lang of ['vi', 'en', 'both'] as const) {
      const html = await overviewHtml(decree, lang);
      const page = parse(html);
      expect(page.querySelector('section.contexts'), lang).toBeNull();
      expect(html, lang).not.toContain(LABELS.contexts.vi);
      expect(html, lang).not.toContain(LABELS.contexts.en);
      // The sections before it are still there.
      expect(page.querySelector('table.quota-rules'), lang).not.toBeNull();
      const report = await validator.validateString(html);
      expect(
        report.results.flatMap((result) => result.messages),
        lang,
      ).toEqual([]);
    }
  });

  it('is left out of the PDF too, as before', async () => {
    const files = await renderPdf(decree, { lang: 'both' });
    const pdf = rawText(files.find((file) => file.path === 'overview.pdf')!.data as Uint8Array);
    expect(pdf).toContain(LABELS.quotas.vi);
    expect(pdf).not.toContain(LABELS.contexts.vi);
    expect(pdf).not.toContain(LABELS.contexts.en);
  });

  it('is kept, heading and all, when the rule set has contexts', async () => {
    const cema = cemaRuleSet();
    expect(cema.contexts.length).toBeGreaterThan(0);
    const page = parse(await overviewHtml(cema, 'en'));
    const section = page.querySelector('section.contexts');
    expect(section?.querySelector('h2')?.text).toBe(LABELS.contexts.en);
    expect(section?.querySelectorAll('section.context')).toHaveLength(cema.contexts.length);
  });
});
