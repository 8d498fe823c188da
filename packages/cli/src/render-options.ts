/**
 * The options of `kpic build` that ask for documents (`--html`, `--pdf` and the options that
 * shape them), and the combinations that make no sense. An option that would silently do
 * nothing is refused before anything is compiled, so a letterhead template never goes missing
 * from a printed form without the user hearing about it.
 */

/** The languages of `--lang`, in the order the help lists them. */
export const LANG_CHOICES = ['vi', 'en', 'both'] as const;

/** The PDF engines of `--pdf-engine`: pdfkit drawing the built-in layout, or a local browser. */
export const PDF_ENGINE_CHOICES = ['default', 'browser'] as const;

export type LangChoice = (typeof LANG_CHOICES)[number];
export type PdfEngine = (typeof PDF_ENGINE_CHOICES)[number];

/** What `kpic build` was asked to render beside the rule set. */
export interface RenderRequest {
  html: boolean;
  pdf: boolean;
  lang: LangChoice;
  /** Whether --lang was given on the command line, rather than left at its default. */
  langGiven?: boolean;
  /** The custom templates folder, as given on the command line. */
  templates?: string;
  pdfEngine: PdfEngine;
  /** The browser to print with, as given on the command line. */
  browser?: string;
}

/** What is wrong with a request: problems stop the build (exit 2), warnings are only printed. */
export interface RequestReview {
  problems: string[];
  warnings: string[];
}

/**
 * Finds the options that would have no effect. `--templates` that neither the HTML nor the
 * browser engine would use is a problem rather than a warning: someone who passes a template
 * folder expects to see it in what they print, and a PDF without their letterhead that
 * arrives with exit code 0 is the worse surprise.
 */
export function reviewRenderRequest(request: RenderRequest): RequestReview {
  const problems: string[] = [];
  const warnings: string[] = [];
  const browserEngine = request.pdf && request.pdfEngine === 'browser';

  if (request.pdfEngine === 'browser' && !request.pdf) {
    problems.push(
      '--pdf-engine browser needs --pdf: it says how to print PDFs, and none were asked for.',
    );
  }
  if (request.langGiven && !wantsDocuments(request)) {
    problems.push('--lang sets the language of the documents; add --html or --pdf to write them.');
  }
  if (request.browser !== undefined && request.pdfEngine !== 'browser') {
    problems.push('--browser is used only with --pdf --pdf-engine browser.');
  }
  if (request.templates !== undefined && !request.html && !browserEngine) {
    problems.push(
      '--templates changes the HTML pages and the PDFs printed by a browser; add --html, or ' +
        '--pdf-engine browser (the default PDF engine draws its built-in layout).',
    );
  } else if (request.templates !== undefined && request.pdf && !browserEngine) {
    warnings.push(
      '--templates changes the HTML pages only; the default PDF engine draws its built-in ' +
        'layout. Add --pdf-engine browser to print the PDFs from your templates.',
    );
  }
  return { problems, warnings };
}

/** True when the request asks for any document at all, so the renderer must be loaded. */
export function wantsDocuments(request: RenderRequest): boolean {
  return request.html || request.pdf;
}
