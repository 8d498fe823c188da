/**
 * Framework text in the default engine's PDFs stays the text it was: labels that PDF syntax,
 * content streams or markup give meaning to come out literally, in the page and in the file's
 * metadata, and letters written as a base and combining marks come out precomposed.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '@kpilang/render';
import { pdfInfo, rawText } from './fixtures/pdf-poppler.js';
import { PDF_HOSTILE, decomposedRuleSet, hostilePdfRuleSet } from './fixtures/pdf-rule-sets.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

describe('hostile labels', () => {
  it('print as literal text on the page and in the title', async () => {
    const ruleSet = hostilePdfRuleSet();
    const position = ruleSet.positions[0]!;
    const files = await renderPdf(ruleSet, { lang: 'both' });
    const scorecard = files.find((file) => file.path === `scorecard-${position.id}.pdf`)!;
    const text = rawText(scorecard.data as Uint8Array);
    for (const hostile of Object.values(PDF_HOSTILE)) {
      expect(text).toContain(hostile);
    }
    const info = pdfInfo(scorecard.data as Uint8Array);
    expect(info['Title']).toContain(PDF_HOSTILE.parens);
    expect(info['Title']).toContain(PDF_HOSTILE.operators);
    expect(info['Subject']).toContain(PDF_HOSTILE.script);
  });
});

describe('combining marks', () => {
  it('are drawn and extracted as the precomposed letters', async () => {
    const ruleSet = decomposedRuleSet();
    expect(ruleSet.indicators[0]!.label.vi).not.toBe(
      ruleSet.indicators[0]!.label.vi.normalize('NFC'),
    );
    const files = await renderPdf(ruleSet, { lang: 'vi' });
    const catalogue = files.find((file) => file.path === 'catalogue.pdf')!;
    const text = rawText(catalogue.data as Uint8Array);
    expect(text).not.toMatch(/\p{M}/u);
    const written = cemaRuleSet();
    const listed = written.groups.flatMap((group) => group.indicators);
    expect(listed.length).toBeGreaterThan(0);
    for (const indicator of written.indicators.filter((each) => listed.includes(each.id))) {
      expect(text).toContain(indicator.label.vi);
    }
  });
});
