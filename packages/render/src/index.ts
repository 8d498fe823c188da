/**
 * @kpilang/render: the printed forms of a compiled rule set. Position scorecards, the group
 * catalogue and the framework overview, as HTML pages (handlebars templates), as PDF drawn by
 * a pure-JS engine, or as PDF printed from the HTML by a local Chromium-family browser. It
 * reads the JSON rule set only, never the kpilang sources or their syntax tree.
 */
export * from './lang.js';
export * from './format.js';
export * from './documents.js';
export * from './filled.js';
export * from './changes.js';
export * from './rating-rules.js';
export * from './output.js';
export * from './errors.js';
export * from './metadata.js';
export * from './template-lint.js';
export * from './html/render-html.js';
export * from './browser/find-browser.js';
export type { PrintOptions } from './browser/print-pdf.js';
export type { PdfOptions } from './pdf/render-pdf.js';

import type { RuleSet } from '@kpilang/rule-set';
import type { OutputFile } from './output.js';
import type { FilledResults } from './html/render-html.js';
import type { PrintOptions } from './browser/print-pdf.js';
import type { PdfOptions } from './pdf/render-pdf.js';

// The PDF engines load pdfkit and its fonts, or playwright-core, only when they are called:
// importing them up front cost HTML-only callers about a second before their first page.

/**
 * Every document of `ruleSet` as a PDF drawn with pdfkit: `<name>.pdf` for each planned
 * document, then `all.pdf` with all of them, each from a new page. Nothing is written.
 */
export async function renderPdf(ruleSet: RuleSet, options: PdfOptions): Promise<OutputFile[]> {
  const engine = await import('./pdf/render-pdf.js');
  return engine.renderPdf(ruleSet, options);
}

/**
 * The filled scorecards of `results` as PDFs drawn with pdfkit: `scorecard-<person>.pdf` for
 * each person, then `all.pdf` with all of them. Nothing is written.
 */
export async function renderFilledPdf(
  ruleSet: RuleSet,
  results: FilledResults,
  options: PdfOptions,
): Promise<OutputFile[]> {
  const engine = await import('./pdf/render-pdf.js');
  return engine.renderFilledPdf(ruleSet, results, options);
}

/**
 * Every document of `ruleSet` as the HTML pages printed by a local Chromium-family browser:
 * the same files as renderPdf. Nothing is written.
 */
export async function printPdf(ruleSet: RuleSet, options: PrintOptions): Promise<OutputFile[]> {
  const engine = await import('./browser/print-pdf.js');
  return engine.printPdf(ruleSet, options);
}
