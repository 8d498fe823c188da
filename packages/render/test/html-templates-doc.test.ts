/**
 * docs/templates.md stays true: it names every built-in partial and every helper, and its
 * letterhead example renders as a custom template.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '@kpilang/render';
import { registerHelpers } from '../src/html/helpers.js';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const doc = readFileSync(
  fileURLToPath(new URL('../../../docs/templates.md', import.meta.url)),
  'utf8',
);
const partials = fileURLToPath(new URL('../templates/partials/', import.meta.url));

describe('docs/templates.md', () => {
  it('places every built-in partial in the tree of files', () => {
    const tree = /```\npage\.hbs[\s\S]*?```/.exec(doc)![0];
    const names = readdirSync(partials).map((file) => file.replace(/\.hbs$/, ''));
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) expect(tree).toMatch(new RegExp(`^\\s+${name}\\s`, 'm'));
  });

  it('describes every helper in the table of helpers', () => {
    const environment = Handlebars.create();
    const builtIn = new Set(Object.keys(environment.helpers));
    registerHelpers(environment);
    const ours = Object.keys(environment.helpers).filter((name) => !builtIn.has(name));
    expect(ours.length).toBeGreaterThan(10);
    for (const name of ours) expect(doc).toMatch(new RegExp(`^\\| \`${name}[ \`]`, 'm'));
  });

  it('gives a letterhead example that renders on every page', async () => {
    const example = /```handlebars\n([\s\S]*?)```/.exec(doc)![1]!;
    const folder = mkdtempSync(join(tmpdir(), 'kpic-doc-letterhead-'));
    writeFileSync(join(folder, 'letterhead.hbs'), example);
    const ruleSet = cemaRuleSet();
    for (const file of await renderHtml(ruleSet, { lang: 'vi', templates: folder })) {
      const letterhead = parse(String(file.data)).querySelector('header.letterhead')!;
      expect(letterhead.querySelector('.motto')!.text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(letterhead.querySelector('.agency')!.text).toBe(ruleSet.framework.agency!.vi);
    }
  });
});
