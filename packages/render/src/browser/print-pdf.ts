/**
 * The browser PDF engine: prints the HTML engine's pages with a local Chromium-family browser
 * driven by playwright-core, so custom templates (an agency's letterhead) reach the PDFs too.
 * One PDF per document, plus all.pdf printed from one page that holds every document, each
 * starting on a new sheet. The browser is never downloaded, and always closed.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import type { RuleSet } from '@kpilang/rule-set';
import { RenderError } from '../errors.js';
import type { Lang } from '../lang.js';
import { documentMetadata } from '../metadata.js';
import type { OutputFile } from '../output.js';
import { createHtmlRenderer } from '../html/render-html.js';
import { BROWSER_HELP, findBrowser } from './find-browser.js';
import { fixPdfMetadata } from './fixed-pdf-metadata.js';

/** What the browser engine is asked for. */
export interface PrintOptions {
  lang: Lang;
  /** A folder of `.hbs` files replacing built-in partials of the same names. */
  templates?: string;
  /** The browser's executable; searched for in the usual places when absent. */
  browser?: string;
}

/**
 * Prints `<name>.pdf` for every document of `ruleSet` and `all.pdf`. The same input gives the
 * same bytes on the same browser. Throws a RenderError: `template` or `templates-folder` as
 * renderHtml does (before any browser starts), `browser-not-found` when no browser is found
 * or `options.browser` does not exist, `browser-failed` when it cannot start or print.
 */
export async function printPdf(ruleSet: RuleSet, options: PrintOptions): Promise<OutputFile[]> {
  const renderer = await createHtmlRenderer(ruleSet, options);
  const executablePath = await findBrowser(options.browser);
  if (executablePath === undefined) {
    throw new RenderError(
      'browser-not-found',
      `No Chromium-family browser was found. ${BROWSER_HELP}`,
    );
  }

  const browser = await launch(executablePath);
  try {
    const page = await browser.newPage();
    // The pages are standalone: a template's <img src="https://…"> or a link to a style sheet
    // must not reach the network while printing, nor a file on this machine. Images go in
    // as data: URLs, which need no request.
    await page.route('**/*', (route) => route.abort());
    const files: OutputFile[] = [];
    for (const document of renderer.documents) {
      const pdf = await print(page, renderer.page(document));
      files.push({
        path: `${document.name}.pdf`,
        data: fixPdfMetadata(
          pdf,
          documentMetadata(ruleSet, document.name, options.lang, 'browser'),
        ),
      });
    }
    const all = await print(page, renderer.combined());
    files.push({
      path: 'all.pdf',
      data: fixPdfMetadata(all, documentMetadata(ruleSet, 'all', options.lang, 'browser')),
    });
    return files;
  } catch (error) {
    if (error instanceof RenderError) throw error;
    throw new RenderError('browser-failed', `The browser could not print: ${firstLine(error)}`);
  } finally {
    await browser.close().catch(() => undefined);
  }
}

async function launch(executablePath: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, args: BROWSER_ARGS });
  } catch (error) {
    throw new RenderError(
      'browser-failed',
      `The browser ${executablePath} did not start${launchFailure(error)}`,
    );
  }
}

/**
 * Why a launch failed, in one line: the exit code and the browser's first complaint, which
 * playwright buries in a long call log after its own generic first line.
 */
function launchFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const exit = /exitCode=(\d+)/.exec(message)?.[1];
  const complaint = /\[pid=\d+\]\[err\] ([^\n\u001b]*)/.exec(message)?.[1]?.trim().slice(0, 200);
  const code = exit === undefined ? '' : ` (exit code ${exit})`;
  return `${code}: ${complaint || firstLine(error)}`;
}

/** Prints one standalone HTML page to PDF bytes, with the page size its CSS asks for. */
async function print(page: Page, html: string): Promise<Uint8Array> {
  await page.setContent(html, { waitUntil: 'load' });
  // Text laid out before the fonts load would print in a fallback font.
  await page.evaluate('document.fonts.ready.then(() => true)');
  return page.pdf({
    format: 'A4',
    printBackground: true,
    preferCSSPageSize: true,
    tagged: true,
  });
}

/** The first line of an error, without playwright's call log and stack. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/^[\w.]+: /, '')
    .trim();
}

/** Flags for a quiet, offline, one-off headless browser. */
const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
