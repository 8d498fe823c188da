/**
 * Framework text never becomes markup: labels made of script tags, attribute breakers and
 * handlebars expressions show as text on every page, in every language, and templates
 * cannot reach an object's prototype.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '@kpilang/render';
import { HOSTILE, cemaRuleSet, hostileRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet = hostileRuleSet();

/** Every attribute name on every element of `root`. */
function attributeNames(root: HTMLElement): string[] {
  return root.querySelectorAll('*').flatMap((element) => Object.keys(element.attributes));
}

describe('escaping in renderHtml', () => {
  for (const lang of ['vi', 'en', 'both'] as const) {
    it(`shows hostile labels as text on every page, in ${lang}`, async () => {
      for (const file of await renderHtml(ruleSet, { lang })) {
        const html = String(file.data);
        const root = parse(html);
        expect(root.querySelectorAll('script, img'), file.path).toEqual([]);
        expect(
          attributeNames(root).filter((name) => /^on/i.test(name)),
          file.path,
        ).toEqual([]);
        expect(html, file.path).not.toContain('<script');
        expect(html, file.path).not.toContain('<img');

        const shown = root.querySelector('body')!.text;
        if (lang !== 'en') {
          expect(shown, file.path).toContain(HOSTILE.script);
          expect(shown, file.path).toContain(HOSTILE.attribute);
        }
        if (lang !== 'vi') {
          expect(shown, file.path).toContain(HOSTILE.image);
          expect(shown, file.path).toContain(HOSTILE.mustache);
        }
        expect(root.querySelector('title')!.text).toContain(
          lang === 'en' ? HOSTILE.image : HOSTILE.script,
        );
      }
    });
  }

  it('keeps a hostile label inside its cell on the scorecard', async () => {
    const files = await renderHtml(ruleSet, { lang: 'both' });
    const scorecard = parse(
      String(files.find((f) => f.path === 'scorecard-head_of_personnel.html')!.data),
    );
    const position = ruleSet.positions.find((p) => p.id === 'head_of_personnel')!;
    const rows = scorecard.querySelectorAll('tr.indicator-row');
    expect(rows).toHaveLength(position.indicators.length);
    position.indicators.forEach((weighted, index) => {
      const row = rows[index]!;
      const cell = row.querySelector('th.indicator')!;
      const elements = cell.childNodes.filter((node) => node.nodeType === 1) as HTMLElement[];
      expect(elements.map((element) => element.tagName)).toEqual(['SPAN']);
      expect(elements[0]!.getAttribute('lang')).toBe('en');
      expect(elements[0]!.text).toBe(`${HOSTILE.image} ${HOSTILE.mustache}`);
      const indicator = ruleSet.indicators.find((i) => i.id === weighted.indicator)!;
      if (indicator.measurement?.kind === 'formula') {
        expect(row.querySelector('.measurement')!.text).toBe(HOSTILE.script);
      }
    });
  });

  it('keeps framework text in an attribute value when a custom template puts it there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpic-html-safety-'));
    writeFileSync(
      join(folder, 'letterhead.hbs'),
      '<header class="letterhead" title="{{ruleSet.framework.label.vi}}" data-en="{{ruleSet.framework.label.en}}">x</header>\n',
    );
    const files = await renderHtml(ruleSet, { lang: 'vi', templates: folder });
    const root = parse(String(files.find((f) => f.path === 'overview.html')!.data));
    const letterhead = root.querySelector('header.letterhead')!;
    expect(Object.keys(letterhead.attributes).sort()).toEqual(['class', 'data-en', 'title']);
    expect(letterhead.getAttribute('title')).toBe(`${HOSTILE.script} ${HOSTILE.attribute}`);
    expect(letterhead.getAttribute('data-en')).toBe(`${HOSTILE.image} ${HOSTILE.mustache}`);
  });

  it("denies templates the prototype of the data's objects", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpic-html-proto-'));
    writeFileSync(
      join(folder, 'letterhead.hbs'),
      '<p class="probe">[{{ruleSet.constructor.name}}][{{ruleSet.__proto__}}][{{lookup ruleSet "constructor"}}][{{ruleSet.framework.id}}]</p>\n',
    );
    const files = await renderHtml(cemaRuleSet(), { lang: 'en', templates: folder });
    const probe = parse(String(files.find((f) => f.path === 'index.html')!.data)).querySelector(
      '.probe',
    )!;
    expect(probe.text).toBe('[][][][cema]');
  });
});
