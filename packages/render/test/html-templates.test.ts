/**
 * Custom templates: a folder of .hbs files replaces built-in partials by name and leaves the
 * rest as built in; a file that names no partial, does not parse, breaks the safety rules or
 * fails while rendering is a RenderError that says which file and where.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError, renderHtml, type OutputFile } from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet = cemaRuleSet();

/** A fresh folder holding `files` (name → text). */
function templateFolder(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'kpic-html-templates-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return folder;
}

/** The RenderError that `promise` rejects with. */
async function renderError(promise: Promise<unknown>): Promise<RenderError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(RenderError);
  return error as RenderError;
}

const LETTERHEAD =
  '<header class="letterhead agency-letterhead">\n' +
  '<p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\n' +
  '<p>{{label ruleSet.framework.agency}}</p>\n' +
  '</header>\n';

const withoutLetterhead = (files: OutputFile[]) =>
  files.map((file) => ({
    path: file.path,
    data: String(file.data).replace(/<header class="letterhead[\s\S]*?<\/header>/g, ''),
  }));

describe('custom templates', () => {
  it('replace the partial of the same name and leave every other part built in', async () => {
    const folder = templateFolder({ 'letterhead.hbs': LETTERHEAD, 'README.md': 'not a template' });
    const custom = await renderHtml(ruleSet, { lang: 'both', templates: folder });
    const builtIn = await renderHtml(ruleSet, { lang: 'both' });

    for (const file of custom) {
      expect(String(file.data), file.path).toContain(
        '<p class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>',
      );
      expect(String(file.data), file.path).toContain(ruleSet.framework.agency!.vi);
    }
    for (const file of builtIn) expect(String(file.data)).not.toContain('class="motto"');
    expect(withoutLetterhead(custom)).toEqual(withoutLetterhead(builtIn));
  });

  it('let an agency restyle the pages through the styles partial', async () => {
    const folder = templateFolder({
      'styles.hbs': 'body { font-family: "Times New Roman", serif; }\n',
    });
    const files = await renderHtml(ruleSet, { lang: 'vi', templates: folder });
    const scorecard = String(
      files.find((f) => f.path === 'scorecard-head_of_personnel.html')!.data,
    );
    expect(scorecard).toContain('<style>\nbody { font-family: "Times New Roman", serif; }');
    expect(scorecard).not.toContain('size: A4 landscape');
    expect(scorecard).toContain('<table class="scorecard">');
  });

  it('refuse a file that names no built-in partial, listing the partials', async () => {
    const folder = templateFolder({ 'letter-head.hbs': LETTERHEAD });
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: folder }));
    expect(error.code).toBe('template');
    expect(error.message).toContain(join(folder, 'letter-head.hbs'));
    expect(error.message).toContain("no built-in partial called 'letter-head'");
    for (const name of ['letterhead', 'styles', 'scorecard-table', 'signatures', 'footer']) {
      expect(error.message).toContain(name);
    }
  });

  it('report a template that does not parse with its file and line', async () => {
    const mismatched = templateFolder({
      'footer.hbs': '<footer>\n{{#if ruleSet}}\n<p>x</p>\n{{/each}}\n</footer>\n',
    });
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: mismatched }));
    expect(error.code).toBe('template');
    expect(error.message).toMatch(
      new RegExp(
        `^${escapeRegExp(join(mismatched, 'footer.hbs'))}:2:4: template syntax error: if doesn't match each`,
      ),
    );

    const unclosed = templateFolder({
      'footer.hbs': '<footer>\n<p>\n{{ruleSet.framework.id</p>\n</footer>\n',
    });
    const second = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: unclosed }));
    expect(second.message).toMatch(
      new RegExp(`^${escapeRegExp(join(unclosed, 'footer.hbs'))}:3: template syntax error`),
    );
  });

  it('refuse a template that prints framework text unescaped or outside a quoted attribute', async () => {
    const folder = templateFolder({
      'letterhead.hbs':
        '<header>\n  <p>{{{label ruleSet.framework.agency}}}</p>\n  <p class={{ruleSet.framework.id}}>x</p>\n</header>\n',
    });
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: folder }));
    expect(error.code).toBe('template');
    const lines = error.message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^${escapeRegExp(join(folder, 'letterhead.hbs'))}:2:6: prints a value without HTML escaping`,
      ),
    );
    expect(lines[1]).toMatch(/letterhead\.hbs:3:12: prints a value inside a tag/);
  });

  it('report a template that fails while rendering, naming the page', async () => {
    const folder = templateFolder({
      'footer.hbs': '<footer>{{t ruleSet.framework.id}}</footer>\n',
    });
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: folder }));
    expect(error.code).toBe('template');
    expect(error.message).toMatch(/^Cannot render index\.html: 'cema' is not a word of the form/);
  });

  it('report a misspelt helper or form word before any page, with file and line', async () => {
    const folder = templateFolder({
      'footer.hbs':
        '<footer>\n<p>{{frmat ruleSet.framework.version}}</p>\n{{t "letterhead"}}</footer>\n',
    });
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: folder }));
    expect(error.code).toBe('template');
    const [first, second] = error.message.split('\n');
    expect(first).toMatch(
      /footer\.hbs:2:4: calls 'frmat', which is not a helper; the helpers are .*\blabel\b/,
    );
    expect(second).toMatch(/footer\.hbs:3:1: 'letterhead' is not a word of the form/);
  });

  it('report a templates folder that cannot be read', async () => {
    const missing = join(tmpdir(), 'kpic-html-templates-missing', 'nowhere');
    const error = await renderError(renderHtml(ruleSet, { lang: 'vi', templates: missing }));
    expect(error.code).toBe('templates-folder');
    expect(error.message).toBe(
      `Cannot read the templates folder ${missing}: no such file or directory`,
    );
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
