/**
 * The links of index.html in both languages read "Vietnamese / English" in the page's text, as
 * the other bilingual labels set on one line do, where the English followed the Vietnamese
 * with a margin alone and copied text read "Tổng quan khung KPIKPI framework overview". In one
 * language a link holds that language alone.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { Bilingual, RuleSet } from '@kpilang/rule-set';
import { LABELS, planDocuments, renderHtml, type Lang } from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet: RuleSet = cemaRuleSet();
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

async function indexHtml(lang: Lang): Promise<string> {
  const files = await renderHtml(ruleSet, { lang });
  return String(files.find((file) => file.path === 'index.html')!.data);
}

/** The words of each link, in the order of the planned documents. */
function expectedWords(): Bilingual[] {
  return planDocuments(ruleSet).map((document) => {
    if (document.kind === 'catalogue' || document.kind === 'overview') return LABELS[document.kind];
    const context = ruleSet.contexts.find((candidate) => candidate.id === document.context);
    const positions = context ? context.positions : ruleSet.positions;
    return positions.find((position) => position.id === document.position)!.label;
  });
}

describe('the links of index.html', () => {
  it('read "Vietnamese / English" in both languages, the English marked as such', async () => {
    const html = await indexHtml('both');
    const links = parse(html).querySelectorAll('nav.links li a');
    const words = expectedWords();
    expect(links).toHaveLength(words.length);
    expect(words.some((word) => word.vi !== word.en)).toBe(true);
    links.forEach((link, index) => {
      const { vi, en } = words[index]!;
      if (vi === en) {
        expect(text(link)).toBe(vi);
        return;
      }
      expect(text(link)).toBe(`${vi} / ${en}`);
      expect(text(link.querySelector('[lang="en"]'))).toBe(en);
    });
    expect(text(links[0])).not.toContain(`${LABELS.overview.vi}${LABELS.overview.en}`);
    const report = await validator.validateString(html);
    expect(report.results.flatMap((result) => result.messages)).toEqual([]);
  });

  it('hold one language alone in Vietnamese and in English', async () => {
    const words = expectedWords();
    for (const lang of ['vi', 'en'] as const) {
      const links = parse(await indexHtml(lang)).querySelectorAll('nav.links li a');
      expect(links.map(text), lang).toEqual(words.map((word) => word[lang]));
      expect(links.every((link) => link.querySelector('[lang="en"]') === null)).toBe(true);
    }
  });
});
