/** Which combinations of the document options `kpic build` refuses, warns about or accepts. */
import { describe, expect, test } from 'vitest';
import { reviewRenderRequest, type RenderRequest } from '../src/render-options.js';

const NONE: RenderRequest = { html: false, pdf: false, lang: 'both', pdfEngine: 'default' };

describe('reviewRenderRequest', () => {
  test.each<[string, Partial<RenderRequest>]>([
    ['a plain build', {}],
    ['--html --pdf', { html: true, pdf: true }],
    ['--pdf --lang vi', { pdf: true, lang: 'vi', langGiven: true }],
    ['--html --templates', { html: true, templates: 't' }],
    ['--pdf --pdf-engine browser --templates', { pdf: true, pdfEngine: 'browser', templates: 't' }],
    ['--pdf --pdf-engine browser --browser', { pdf: true, pdfEngine: 'browser', browser: 'b' }],
  ])('accepts %s without a word', (_, options) => {
    expect(reviewRenderRequest({ ...NONE, ...options })).toEqual({ problems: [], warnings: [] });
  });

  test.each<[string, Partial<RenderRequest>, RegExp]>([
    [
      '--templates alone',
      { templates: 't' },
      /^--templates .* add --html, or --pdf-engine browser/,
    ],
    ['--pdf --templates', { pdf: true, templates: 't' }, /^--templates .* add --html/],
    ['--pdf-engine browser without --pdf', { html: true, pdfEngine: 'browser' }, /needs --pdf/],
    ['--browser with the default engine', { pdf: true, browser: 'b' }, /^--browser is used only/],
    [
      '--lang without --html or --pdf',
      { langGiven: true, lang: 'en' },
      /^--lang .* add --html or --pdf/,
    ],
  ])('refuses %s', (_, options, message) => {
    const review = reviewRenderRequest({ ...NONE, ...options });

    expect(review.problems).toHaveLength(1);
    expect(review.problems[0]).toMatch(message);
  });

  test('warns that --templates misses the PDFs of the default engine', () => {
    const review = reviewRenderRequest({ ...NONE, html: true, pdf: true, templates: 't' });

    expect(review.problems).toEqual([]);
    expect(review.warnings).toEqual([
      expect.stringMatching(/HTML pages only.*--pdf-engine browser/),
    ]);
  });
});
