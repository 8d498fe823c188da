/**
 * The HTML engine: every document of the plan as a standalone page (styles inlined, no
 * scripts, no external files), plus `index.html` linking them. The browser PDF engine prints
 * these same pages, and the page holding every document that becomes all.pdf.
 */
import type { RuleSet } from '@kpilang/rule-set';
import { planDocuments, type DocumentRef } from '../documents.js';
import { htmlLang, type Lang } from '../lang.js';
import type { OutputFile } from '../output.js';
import { filledNames, type FilledPerson } from '../filled.js';
import { filledIndexData, filledPageData, indexData, pageData } from './page-data.js';
import { loadTemplates } from './template-environment.js';

/** What the HTML engine is asked for. */
export interface HtmlOptions {
  lang: Lang;
  /** A folder of `.hbs` files replacing built-in partials of the same names. */
  templates?: string;
}

/** The pages of one rule set, rendered on demand with templates loaded once. */
export interface HtmlRenderer {
  /** The documents of the rule set, in plan order. */
  documents: DocumentRef[];
  /** The page of one document. */
  page(document: DocumentRef): string;
  /** The index page, linking every document. */
  index(): string;
  /** One page holding every document, each starting on a new printed page. */
  combined(): string;
}

/**
 * Renders `index.html` and one `<name>.html` per document of `ruleSet`. The same rule set,
 * language and templates always give the same bytes. Throws a RenderError for a templates
 * folder or template that cannot be used (see `loadTemplates`).
 */
export async function renderHtml(ruleSet: RuleSet, options: HtmlOptions): Promise<OutputFile[]> {
  const renderer = await createHtmlRenderer(ruleSet, options);
  return [
    { path: 'index.html', data: renderer.index() },
    ...renderer.documents.map((document) => ({
      path: `${document.name}.html`,
      data: renderer.page(document),
    })),
  ];
}

/** Loads the templates once and returns a renderer of every page of `ruleSet`. */
export async function createHtmlRenderer(
  ruleSet: RuleSet,
  options: HtmlOptions,
): Promise<HtmlRenderer> {
  const templates = await loadTemplates(options.templates);
  const { lang } = options;
  const documents = planDocuments(ruleSet);
  return {
    documents,
    page: (document) =>
      templates.render('page', pageData(ruleSet, lang, document), `${document.name}.html`),
    index: () => templates.render('page', indexData(ruleSet, lang), 'index.html'),
    combined: () =>
      templates.render(
        'combined',
        {
          ruleSet,
          lang,
          htmlLang: htmlLang(lang),
          document: { kind: 'all', name: 'all' },
          pages: documents.map((document) => pageData(ruleSet, lang, document)),
        },
        'the page of all documents',
      ),
  };
}

/** The scored results a set of filled scorecards shows. */
export interface FilledResults {
  /** The scored period, such as `2024-Q3`. */
  period: string;
  /** Every scored person, in the order the index lists them. */
  people: readonly FilledPerson[];
}

/**
 * The filled scorecards of `results`: `scorecard-<person>.html` for each person (named by
 * `filledNames`), their position's scorecard with their results written in, and `index.html`
 * listing everyone with their total and rating. Same input, same bytes. Throws a RenderError
 * for templates that cannot be used, and an Error when a person's position or indicators are
 * not the rule set's.
 */
export async function renderFilledHtml(
  ruleSet: RuleSet,
  results: FilledResults,
  options: HtmlOptions,
): Promise<OutputFile[]> {
  const templates = await loadTemplates(options.templates);
  const { lang } = options;
  const names = filledNames(results.people);
  return [
    {
      path: 'index.html',
      data: templates.render(
        'page',
        filledIndexData(ruleSet, lang, results.period, results.people, names),
        'index.html',
      ),
    },
    ...results.people.map((person, index) => {
      const path = `${names[index]}.html`;
      const data = filledPageData(ruleSet, lang, person, names[index]!);
      return { path, data: templates.render('page', data, path) };
    }),
  ];
}
