/**
 * The pages of renderHtml as a whole: one per planned document plus an index linking them,
 * valid HTML in every language, the language tags, the overview and catalogue contents, and
 * the same bytes every time.
 */
import { HtmlValidate } from 'html-validate';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  LABELS,
  catalogueGroups,
  contextChanges,
  findIndicator,
  formatFrequency,
  formatPerspective,
  formatUnit,
  planDocuments,
  renderHtml,
  type OutputFile,
} from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';

const ruleSet: RuleSet = cemaRuleSet();

/**
 * html-validate's recommended rules, with one turned off: `long-title` asks for titles of at
 * most 70 characters, a search-engine habit; a page title here is the position and framework
 * names as the agency wrote them, in two languages, and cannot be cut without losing them.
 */
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

const page = (files: OutputFile[], path: string): HTMLElement => {
  const file = files.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`${path} was not rendered`);
  return parse(String(file.data));
};
const text = (element: HTMLElement | null | undefined) =>
  (element?.text ?? '').replace(/\s+/g, ' ').trim();

describe('renderHtml', () => {
  it('renders index.html and one page per planned document', async () => {
    const files = await renderHtml(ruleSet, { lang: 'both' });
    const expected = ['index', ...planDocuments(ruleSet).map((document) => document.name)];
    expect(files.map((file) => file.path)).toEqual(expected.map((name) => `${name}.html`));
    expect(files.filter((file) => file.path.startsWith('scorecard-'))).toHaveLength(
      ruleSet.positions.length * (1 + ruleSet.contexts.length),
    );
  });

  it('links every document from the index, scorecards grouped by base and context', async () => {
    const files = await renderHtml(ruleSet, { lang: 'en' });
    const index = page(files, 'index.html');
    const links = index.querySelectorAll('a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(planDocuments(ruleSet).map((document) => `./${document.name}.html`));
    const headings = index.querySelectorAll('nav h3').map(text);
    expect(headings).toEqual([LABELS.base.en, ...ruleSet.contexts.map((c) => c.label.en)]);
  });

  for (const lang of ['vi', 'en', 'both'] as const) {
    it(`writes pages html-validate accepts, in ${lang}`, async () => {
      const problems: string[] = [];
      for (const file of await renderHtml(ruleSet, { lang })) {
        const report = await validator.validateString(String(file.data));
        for (const m of report.results.flatMap((result) => result.messages)) {
          problems.push(`${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('tags the language: vi, en, and English in lang="en" spans beside Vietnamese', async () => {
    const indicator = ruleSet.indicators[0]!;
    const vi = await renderHtml(ruleSet, { lang: 'vi' });
    const en = await renderHtml(ruleSet, { lang: 'en' });
    const both = await renderHtml(ruleSet, { lang: 'both' });
    expect(page(vi, 'overview.html').querySelector('html')!.getAttribute('lang')).toBe('vi');
    expect(page(en, 'overview.html').querySelector('html')!.getAttribute('lang')).toBe('en');
    expect(page(both, 'overview.html').querySelector('html')!.getAttribute('lang')).toBe('vi');

    expect(text(page(vi, 'overview.html'))).toContain(indicator.label.vi);
    expect(text(page(vi, 'overview.html'))).not.toContain(indicator.label.en);
    expect(text(page(en, 'overview.html'))).not.toContain(indicator.label.vi);
    const english = page(both, 'overview.html').querySelectorAll('[lang="en"]').map(text);
    expect(english).toContain(indicator.label.en);
    expect(english).not.toContain(indicator.label.vi);
    expect(text(page(both, 'overview.html'))).toContain(indicator.label.vi);
  });

  it('lists each group with its indicators, unit and frequency in the catalogue', async () => {
    const catalogue = page(await renderHtml(ruleSet, { lang: 'en' }), 'catalogue.html');
    const bodies = catalogue.querySelectorAll('table.catalogue tbody');
    const groups = catalogueGroups(ruleSet);
    expect(bodies).toHaveLength(groups.length);
    groups.forEach((group, index) => {
      const body = bodies[index]!;
      const groupHeader = body.querySelector('th.group')!;
      expect(text(groupHeader)).toBe(group.label.en);
      expect(groupHeader.getAttribute('scope')).toBe('rowgroup');
      expect(groupHeader.getAttribute('rowspan')).toBe(String(group.indicators.length));
      const rows = body.querySelectorAll('tr');
      group.indicators.forEach((id, row) => {
        const indicator = findIndicator(ruleSet, id)!;
        expect(text(rows[row]!.querySelector('th.indicator'))).toBe(indicator.label.en);
        expect(text(rows[row]!.querySelector('.unit'))).toBe(
          formatUnit(indicator.unit, ruleSet, 'en'),
        );
        expect(text(rows[row]!.querySelector('.frequency'))).toBe(
          formatFrequency(indicator.frequency, 'en'),
        );
      });
    });
  });

  it('names every indicator of the framework in the catalogue, those in no group last', async () => {
    const grouped = new Set(ruleSet.groups.flatMap((group) => group.indicators));
    const ungrouped = ruleSet.indicators.filter((indicator) => !grouped.has(indicator.id));
    expect(ungrouped.length).toBeGreaterThan(0);
    const catalogue = page(await renderHtml(ruleSet, { lang: 'en' }), 'catalogue.html');
    const listed = catalogue.querySelectorAll('table.catalogue th.indicator').map(text);
    expect([...listed].sort()).toEqual(ruleSet.indicators.map((each) => each.label.en).sort());
    const last = catalogue.querySelectorAll('table.catalogue tbody').pop()!;
    expect(text(last.querySelector('th.group')!)).toBe(LABELS.noGroup.en);
    expect(last.querySelectorAll('th.indicator').map(text)).toEqual(
      ungrouped.map((each) => each.label.en),
    );
  });

  it('shows each goal with the indicators that support it in the overview', async () => {
    const overview = page(await renderHtml(ruleSet, { lang: 'en' }), 'overview.html');
    const rows = overview.querySelectorAll('table.goals tbody tr');
    ruleSet.goals.forEach((goal, index) => {
      expect(text(rows[index]!.querySelector('th.goal'))).toBe(goal.label.en);
      expect(text(rows[index]!.querySelector('.perspective'))).toBe(
        formatPerspective(goal.perspective, 'en'),
      );
      const supporting = ruleSet.indicators.filter((indicator) => indicator.goal === goal.id);
      expect(rows[index]!.querySelectorAll('li').map(text)).toEqual(
        supporting.map((indicator) => indicator.label.en),
      );
    });
  });

  it('shows what each context changes against the base in the overview', async () => {
    const overview = page(await renderHtml(ruleSet, { lang: 'en' }), 'overview.html');
    const sections = overview.querySelectorAll('section.context');
    expect(sections).toHaveLength(ruleSet.contexts.length);
    ruleSet.contexts.forEach((context, index) => {
      const section = sections[index]!;
      expect(text(section.querySelector('h3'))).toBe(context.label.en);
      const changes = contextChanges(ruleSet, context.id);
      const rows = section.querySelectorAll('table.changes tbody tr');
      expect(rows).toHaveLength(changes.length);
      changes.forEach((change, row) => {
        expect(text(rows[row]!.querySelector('th.indicator'))).toBe(
          findIndicator(ruleSet, change.indicator)!.label.en,
        );
        const [base, here] = rows[row]!.querySelectorAll('td.side').map(text);
        if (change.weightChanged) {
          expect(base).toContain(`${change.base!.weight}%`);
          expect(here).toContain(`${change.context!.weight}%`);
        } else {
          expect(here).not.toContain(LABELS.weight.en);
        }
      });
    });
  });

  it('says "no changes" for a context that changes nothing', async () => {
    const unchanged = structuredClone(ruleSet);
    unchanged.contexts = [
      { id: 'same', label: { vi: 'Như cũ', en: 'Same' }, positions: unchanged.positions },
    ];
    const overview = page(await renderHtml(unchanged, { lang: 'en' }), 'overview.html');
    expect(text(overview.querySelector('section.context .no-changes'))).toBe(LABELS.noChanges.en);
    expect(overview.querySelector('section.context table')).toBeNull();
  });

  it('gives the same bytes for the same rule set and language', async () => {
    for (const lang of ['vi', 'both'] as const) {
      const first = await renderHtml(ruleSet, { lang });
      const second = await renderHtml(structuredClone(ruleSet), { lang });
      expect(second).toEqual(first);
    }
  });

  it('prints each page standalone: styles inlined, no scripts, no external resources', async () => {
    for (const file of await renderHtml(ruleSet, { lang: 'both' })) {
      const html = parse(String(file.data));
      expect(html.querySelectorAll('script')).toEqual([]);
      expect(html.querySelectorAll('link, img, iframe, object')).toEqual([]);
      const style = text(html.querySelector('head style'));
      expect(style).toContain('size: A4');
      expect(style).toContain('thead { display: table-header-group; }');
      expect(style).toContain('break-inside: avoid');
    }
  });
});
