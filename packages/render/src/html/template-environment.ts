/**
 * The handlebars environment of one render: the built-in layouts and partials, an agency's
 * partials in place of the built-in ones of the same name, and the helpers. Every template
 * is checked by `lintTemplate` and parsed before it is compiled, so a mistake in a template
 * is reported with its file and line before any page is drawn.
 *
 * Safety: the environment is isolated (`Handlebars.create()`), keeps handlebars' prototype
 * access protections as they come, and compiles only text read from template files.
 */
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { RenderError } from '../errors.js';
import { lintTemplate } from '../template-lint.js';
import { registerHelpers } from './helpers.js';
import { BUILT_IN_TEMPLATES, readTemplateFolder, type TemplateFile } from './template-folder.js';

/** The page layouts: one document per page, or every document in one page (for all.pdf). */
export type Layout = 'page' | 'combined';

/** Compiled templates, ready to render pages. */
export interface TemplateSet {
  /** Renders `data` with `layout`; `what` names the page in error messages. */
  render(layout: Layout, data: object, what: string): string;
}

/**
 * Loads the built-in templates and, when `customFolder` is given, its `.hbs` files as
 * replacements for the built-in partials of the same names. Throws a RenderError: `template`
 * for a file that names no built-in partial (the message lists the names), breaks the safety
 * rules or does not parse (with its path and line); `templates-folder` for a folder that
 * cannot be read.
 */
export async function loadTemplates(customFolder?: string): Promise<TemplateSet> {
  const layouts = await readTemplateFolder(BUILT_IN_TEMPLATES);
  const partials = new Map(
    (await readTemplateFolder(join(BUILT_IN_TEMPLATES, 'partials'))).map((file) => [
      file.name,
      file,
    ]),
  );
  const known = [...partials.keys()];
  for (const file of customFolder === undefined ? [] : await readTemplateFolder(customFolder)) {
    if (!partials.has(file.name)) {
      throw new RenderError(
        'template',
        `${file.path}: there is no built-in partial called '${file.name}'. A custom template ` +
          `replaces the partial of the same name, one of: ${known.join(', ')}.`,
      );
    }
    partials.set(file.name, file);
  }

  const environment = Handlebars.create();
  registerHelpers(environment);
  const helpers = new Set(Object.keys(environment.helpers));
  for (const file of partials.values()) {
    environment.registerPartial(file.name, compileChecked(environment, file, helpers));
  }
  const compiled = new Map(
    layouts.map((file) => [file.name, compileChecked(environment, file, helpers)] as const),
  );

  return {
    render(layout, data, what) {
      const template = compiled.get(layout);
      if (!template) throw new Error(`The built-in layout '${layout}.hbs' is missing.`);
      try {
        return template(data);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new RenderError('template', `Cannot render ${what}: ${message}`);
      }
    },
  };
}

/** Checks the safety rules and the syntax of `file`, then compiles it. */
function compileChecked(
  environment: typeof Handlebars,
  file: TemplateFile,
  helpers: ReadonlySet<string>,
): HandlebarsTemplateDelegate {
  let problems;
  try {
    // Parsing first reports a syntax error now; compile() alone would wait for the first use.
    environment.parse(file.text);
    problems = lintTemplate(file.text, { helpers });
  } catch (error) {
    throw syntaxError(file, error);
  }
  if (problems.length > 0) {
    const lines = problems.map(
      (problem) => `${file.path}:${problem.line}:${problem.column}: ${problem.message}`,
    );
    throw new RenderError('template', lines.join('\n'));
  }
  return environment.compile(file.text);
}

/**
 * A RenderError for a template that does not parse. Handlebars reports a mismatched block
 * with `lineNumber` and `column`, and a grammar error only in its message ("Parse error on
 * line 3:" followed by the line, a caret and what was expected).
 */
function syntaxError(file: TemplateFile, error: unknown): RenderError {
  const raw = error instanceof Error ? error.message : String(error);
  const exception = error as { lineNumber?: number; column?: number };
  if (typeof exception.lineNumber === 'number') {
    const column = typeof exception.column === 'number' ? `:${exception.column + 1}` : '';
    const detail = raw.replace(/ - \d+:\d+$/, '');
    return new RenderError(
      'template',
      `${file.path}:${exception.lineNumber}${column}: template syntax error: ${detail}`,
    );
  }
  const [first = '', ...rest] = raw.split('\n');
  const line = /line (\d+)/.exec(first)?.[1];
  const excerpt = rest.map((text) => `    ${text}`).join('\n');
  return new RenderError(
    'template',
    `${file.path}${line ? `:${line}` : ''}: template syntax error\n${excerpt}`,
  );
}
