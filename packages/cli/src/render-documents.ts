/**
 * The documents of `kpic build --html` and `--pdf`, rendered in memory by @kpilang/render.
 * The renderer is imported here, on demand, so that `kpic check` and a plain build never load
 * handlebars, pdfkit or playwright-core. Nothing is written here: the build writes the files
 * once everything it needs has rendered.
 */
import { resolve, sep } from 'node:path';
import type { FilledResults, OutputFile } from '@kpilang/render';
import type { RuleSet } from '@kpilang/rule-set';
import type { RenderRequest } from './render-options.js';

type Renderer = typeof import('@kpilang/render');

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
 * error is a bug and is thrown. Paths in the request are resolved against `cwd`, and spelled
 * in messages as the user wrote them.
 */
export async function renderDocuments(
  ruleSet: RuleSet,
  request: RenderRequest,
  cwd: string,
): Promise<RenderedDocuments> {
  const render = await loadRenderer();
  if (!render) {
    return { ok: false, message: MISSING_RENDERER };
  }
  const paths = userPaths(request, cwd);
  const { lang } = request;
  const { templates, browser } = paths.resolved;
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
      return { ok: true, html: pages, pdf: [], pdfFailure: paths.spell(error.message) };
    }
  } catch (error) {
    if (error instanceof render.RenderError)
      return { ok: false, message: paths.spell(error.message) };
    throw error;
  }
}

/**
 * The filled scorecards of `kpic score --html` and `--pdf`: one per scored person and an
 * index (and for PDF, all.pdf). Problems come back as in `renderDocuments`; only the default
 * PDF engine draws filled scorecards.
 */
export async function renderFilledDocuments(
  ruleSet: RuleSet,
  results: FilledResults,
  request: RenderRequest,
  cwd: string,
): Promise<RenderedDocuments> {
  const render = await loadRenderer();
  if (!render) return { ok: false, message: MISSING_RENDERER };
  const paths = userPaths(request, cwd);
  const { lang } = request;
  try {
    const html = request.html
      ? await render.renderFilledHtml(ruleSet, results, {
          lang,
          templates: paths.resolved.templates,
        })
      : [];
    const pdf = request.pdf ? await render.renderFilledPdf(ruleSet, results, { lang }) : [];
    return { ok: true, html, pdf };
  } catch (error) {
    if (error instanceof render.RenderError)
      return { ok: false, message: paths.spell(error.message) };
    throw error;
  }
}

const MISSING_RENDERER =
  '--html and --pdf need the package @kpilang/render, which is not installed beside ' +
  'kpic; reinstall @kpilang/cli to get it.';

/**
 * The renderer, or undefined when it is not installed: it is the CLI's one dependency outside
 * the bundle, so a copied or half-installed kpic can lack it.
 */
async function loadRenderer(): Promise<Renderer | undefined> {
  try {
    return await import('@kpilang/render');
  } catch (error) {
    // Only the package itself missing; a dependency of render missing is another matter.
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_MODULE_NOT_FOUND' && message.includes("'@kpilang/render'")) return undefined;
    throw error;
  }
}

/**
 * The request's paths resolved against `cwd` for the renderer, and a function that spells
 * them back in a renderer's message the way the user wrote them (`letterhead/footer.hbs`,
 * not the absolute path), like every other path kpic prints.
 */
function userPaths(request: RenderRequest, cwd: string) {
  const given = [request.templates, request.browser].filter((path) => path !== undefined);
  const pairs = given.map((path) => ({ absolute: resolve(cwd, path), typed: trimSlash(path) }));
  // The longest first, so a folder inside another is replaced whole.
  pairs.sort((a, b) => b.absolute.length - a.absolute.length);
  const resolveIf = (path: string | undefined) =>
    path === undefined ? undefined : resolve(cwd, path);
  return {
    resolved: { templates: resolveIf(request.templates), browser: resolveIf(request.browser) },
    spell: (message: string) =>
      pairs.reduce((text, { absolute, typed }) => text.replaceAll(absolute, typed), message),
  };
}

function trimSlash(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed === '' ? sep : trimmed;
}
