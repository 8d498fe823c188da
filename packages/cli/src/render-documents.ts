/**
 * The documents of `kpic build --html` and `--pdf`, rendered in memory by @kpilang/render.
 * The renderer is imported here, on demand, so that `kpic check` and a plain build never load
 * handlebars, pdfkit or playwright-core. Nothing is written here: the build writes the files
 * once everything it needs has rendered.
 */
import { resolve } from 'node:path';
import type { OutputFile } from '@kpilang/render';
import type { RuleSet } from '@kpilang/rule-set';
import type { RenderRequest } from './render-options.js';

/** What rendering gave: the files of each folder, or the one problem that stopped it. */
export type RenderedDocuments =
  | {
      ok: true;
      /** The files of `<out>/html/`; empty when no HTML is to be written. */
      html: OutputFile[];
      /** The files of `<out>/pdf/`; empty when no PDF is to be written. */
      pdf: OutputFile[];
      /**
       * Why the browser engine printed no PDF (no browser found, or it failed). The HTML it
       * would have printed is in `html` then, so the user still gets the pages.
       */
      pdfFailure?: string;
    }
  | { ok: false; message: string };

/**
 * Renders what `request` asks for. A problem the user can fix (a template folder or template
 * that does not work) comes back as `{ ok: false }` with the renderer's message; any other
 * error is a bug and is thrown. Paths in the request are resolved against `cwd`.
 */
export async function renderDocuments(
  ruleSet: RuleSet,
  request: RenderRequest,
  cwd: string,
): Promise<RenderedDocuments> {
  const render = await loadRenderer();
  if (!render) {
    return {
      ok: false,
      message:
        '--html and --pdf need the package @kpilang/render, which is not installed beside ' +
        'kpic; reinstall @kpilang/cli to get it.',
    };
  }
  const lang = request.lang;
  const templates = request.templates === undefined ? undefined : resolve(cwd, request.templates);
  const browser = request.browser === undefined ? undefined : resolve(cwd, request.browser);
  const browserEngine = request.pdf && request.pdfEngine === 'browser';

  try {
    // The browser engine prints these same pages, so they are rendered first either way: a
    // broken template then fails before a browser is started, and a missing browser still
    // leaves pages to write.
    const pages =
      request.html || browserEngine ? await render.renderHtml(ruleSet, { lang, templates }) : [];
    const html = request.html ? pages : [];
    if (!request.pdf) return { ok: true, html, pdf: [] };
    if (!browserEngine) return { ok: true, html, pdf: await render.renderPdf(ruleSet, { lang }) };

    try {
      return { ok: true, html, pdf: await render.printPdf(ruleSet, { lang, templates, browser }) };
    } catch (error) {
      const browserProblem =
        error instanceof render.RenderError &&
        (error.code === 'browser-not-found' || error.code === 'browser-failed');
      if (!browserProblem) throw error;
      return { ok: true, html: pages, pdf: [], pdfFailure: error.message };
    }
  } catch (error) {
    if (error instanceof render.RenderError) return { ok: false, message: error.message };
    throw error;
  }
}

/**
 * The renderer, or undefined when it is not installed: it is the CLI's one dependency outside
 * the bundle, so a copied or half-installed kpic can lack it.
 */
async function loadRenderer(): Promise<PendingRender | undefined> {
  try {
    // TEMPORARY cast until renderHtml, renderPdf and printPdf are exported.
    return (await import('@kpilang/render')) as unknown as PendingRender;
  } catch (error) {
    // Only the package itself missing; a dependency of render missing is another matter.
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_MODULE_NOT_FOUND' && message.includes("'@kpilang/render'")) return undefined;
    throw error;
  }
}

// TEMPORARY: removed once @kpilang/render exports these.
interface PendingRender {
  RenderError: typeof import('@kpilang/render').RenderError;
  renderHtml(
    ruleSet: RuleSet,
    options: { lang: string; templates?: string },
  ): Promise<OutputFile[]>;
  renderPdf(ruleSet: RuleSet, options: { lang: string }): Promise<OutputFile[]>;
  printPdf(
    ruleSet: RuleSet,
    options: { lang: string; templates?: string; browser?: string },
  ): Promise<OutputFile[]>;
}
