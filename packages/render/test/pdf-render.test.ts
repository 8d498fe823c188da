/**
 * The default PDF engine on the compiled CEMA example: the files it makes, every scorecard's
 * indicators, bands, weights and total read back with pdftotext, Vietnamese extracted exactly
 * as written, the embedded fonts, fixed metadata and identical bytes, and the fixed words of
 * each language.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RuleSet } from '@kpilang/rule-set';
import {
  LABELS,
  documentMetadata,
  findIndicator,
  formatBand,
  formatDate,
  formatPercent,
  planDocuments,
  renderPdf,
  scorecardPosition,
  unitSuffix,
  type Lang,
  type OutputFile,
} from '@kpilang/render';
import { cemaRuleSet } from './fixtures/html-rule-sets.js';
import { pageCount, pdfFonts, pdfInfo, rawText } from './fixtures/pdf-poppler.js';

const ruleSet: RuleSet = cemaRuleSet();
const rendered = new Map<Lang, OutputFile[]>();

beforeAll(async () => {
  for (const lang of ['both', 'vi', 'en'] as const) {
    rendered.set(lang, await renderPdf(ruleSet, { lang }));
  }
}, 60_000);

function file(lang: Lang, path: string): Uint8Array {
  const found = rendered.get(lang)!.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`renderPdf made no ${path}`);
  expect(found.data).toBeInstanceOf(Uint8Array);
  return found.data as Uint8Array;
}

const scorecards = planDocuments(ruleSet).filter((document) => document.kind === 'scorecard');

describe('renderPdf files', () => {
  it('makes one PDF per planned document, in plan order, then all.pdf', () => {
    const paths = rendered.get('both')!.map((output) => output.path);
    expect(paths).toEqual([
      ...planDocuments(ruleSet).map((document) => `${document.name}.pdf`),
      'all.pdf',
    ]);
    expect(scorecards).toHaveLength(9);
    for (const output of rendered.get('both')!) {
      expect(Buffer.from(output.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });

  it('puts every document in all.pdf, each from a new page', () => {
    for (const lang of ['both', 'vi', 'en'] as const) {
      const documents = planDocuments(ruleSet).map((document) =>
        pageCount(file(lang, `${document.name}.pdf`)),
      );
      const sum = documents.reduce((total, pages) => total + pages, 0);
      expect(pageCount(file(lang, 'all.pdf'))).toBe(sum);
    }
  });

  it('gives the same bytes when it renders the same rule set again', async () => {
    const again = await renderPdf(cemaRuleSet(), { lang: 'both' });
    const first = rendered.get('both')!;
    expect(again.map((output) => output.path)).toEqual(first.map((output) => output.path));
    again.forEach((output, index) => {
      expect(Buffer.compare(Buffer.from(output.data), Buffer.from(first[index]!.data))).toBe(0);
    });
  });
});

describe('renderPdf scorecards', () => {
  it.each(scorecards.map((document) => [document.name, document] as const))(
    '%s carries every indicator with its bands, weight and the weight total',
    (name, document) => {
      const text = rawText(file('both', `${name}.pdf`));
      const position = scorecardPosition(ruleSet, document)!;
      expect(text).toContain(position.label.vi);
      expect(text).toContain(position.label.en);
      for (const weighted of position.indicators) {
        const indicator = findIndicator(ruleSet, weighted.indicator)!;
        expect(text).toContain(indicator.label.vi);
        expect(text).toContain(indicator.label.en);
        expect(text).toContain(formatPercent(weighted.weight, 'both'));
        const suffix = unitSuffix(indicator.unit, ruleSet, 'both');
        for (const band of weighted.bands) {
          expect(text).toContain(formatBand(band, suffix, ruleSet, 'both'));
        }
      }
      expect(position.total).toBe('100');
      expect(text).toMatch(/Tổng Total 100%/);
    },
  );

  it('extracts Vietnamese exactly as written, every letter precomposed', () => {
    const text = rawText(file('vi', 'scorecard-head_of_personnel.pdf'));
    expect(text).toContain('Tỷ lệ hoàn thành nhiệm vụ');
    expect(text).toContain('Vị trí');
    expect(text).toContain('Áp dụng tại');
    expect(text).toBe(text.normalize('NFC'));
    expect(text).not.toMatch(/\p{M}/u);
  });

  it('draws the signature block and the legend of levels and of the overall rating', () => {
    const text = rawText(file('vi', 'scorecard-head_of_personnel.pdf'));
    for (const key of [
      'evaluator',
      'civilServant',
      'signature',
      'levels',
      'ratingScale',
    ] as const) {
      expect(text).toContain(LABELS[key].vi);
    }
    for (const level of ruleSet.levels) expect(text).toContain(level.label.vi);
    for (const line of ruleSet.rating) expect(text).toContain(line.label.vi);
    expect(text).toContain('≥ 90');
    // Each outcome of the overall rating has a cell to tick, as the HTML form has a box;
    // the column's heading ends the header row, just before the first outcome.
    expect(text).toContain(`${LABELS.tick.vi} ${ruleSet.rating[0]!.label.vi}`);
  });

  it('embeds every font it uses, Noto Sans first', () => {
    const fonts = pdfFonts(file('both', 'all.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.embedded)).toBe(true);
    expect(fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(
      expect.arrayContaining(['NotoSans-Regular', 'NotoSans-Bold']),
    );
  });
});

describe('renderPdf metadata', () => {
  it('dates every file from the framework and names its title, agency and language', () => {
    const info = pdfInfo(file('both', 'scorecard-head_of_personnel.pdf'));
    expect(info['CreationDate']).toMatch(/^2024-07-01T00:00:00/);
    expect(info['ModDate']).toMatch(/^2024-07-01T00:00:00/);
    expect(info['Title']).toContain('Trưởng phòng Tổ chức cán bộ');
    expect(info['Author']).toBe('Ủy ban Dân tộc / Committee for Ethnic Minority Affairs');
    const bytes = Buffer.from(file('en', 'overview.pdf')).toString('latin1');
    expect(bytes).toContain('/Lang (en)');
    expect(Buffer.from(file('vi', 'overview.pdf')).toString('latin1')).toContain('/Lang (vi)');
  });

  it('identifies each file by the id derived from the sources and the document name', () => {
    for (const name of ['overview', 'scorecard-head_of_personnel--dak_lak', 'all']) {
      const bytes = Buffer.from(file('both', `${name}.pdf`)).toString('latin1');
      const id = documentMetadata(ruleSet, name, 'both', 'default').id;
      expect(bytes).toContain(`/ID [<${id}> <${id}>]`);
    }
  });
});

describe('renderPdf languages', () => {
  const words = (lang: 'vi' | 'en') =>
    Object.values(LABELS)
      .filter((label) => label.vi !== label.en)
      .map((label) => label[lang]);
  const hasWord = (text: string, word: string) =>
    new RegExp(
      `(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`,
      'u',
    ).test(text);

  it('writes no Vietnamese fixed word in English documents', () => {
    const text = rawText(file('en', 'all.pdf'));
    expect(text).toContain(LABELS.scorecard.en);
    for (const word of words('vi')) expect(hasWord(text, word), word).toBe(false);
  });

  it('writes no English fixed word in Vietnamese documents', () => {
    const text = rawText(file('vi', 'all.pdf'));
    expect(text).toContain(LABELS.scorecard.vi);
    for (const word of words('en')) expect(hasWord(text, word), word).toBe(false);
  });

  it('writes the form words of a scorecard in both languages in bilingual documents', () => {
    const text = rawText(file('both', 'scorecard-head_of_personnel.pdf'));
    const keys = [
      ...['framework', 'agency', 'version', 'effective', 'position', 'group', 'context'],
      ...['cycle', 'period', 'civilServant', 'evaluator', 'number', 'indicator', 'objective'],
      ...['measurement', 'bands', 'weight', 'frequency', 'source', 'result', 'band', 'points'],
      ...['weightedPoints', 'total', 'weightedTotal', 'levels', 'level', 'ratingScale'],
      'outcome',
    ] as const;
    for (const key of keys) {
      expect(text, key).toContain(LABELS[key].vi);
      expect(text, key).toContain(LABELS[key].en);
    }
  });

  it('writes the effective date in both languages in bilingual documents, one in the others', () => {
    const effective = ruleSet.framework.effective!;
    const [vi, en] = [formatDate(effective, 'vi'), formatDate(effective, 'en')];
    for (const name of ['overview.pdf', 'scorecard-head_of_personnel.pdf']) {
      const both = rawText(file('both', name));
      expect(both).toContain(vi);
      expect(both).toContain(en);
      expect(rawText(file('vi', name))).not.toContain(en);
      expect(rawText(file('en', name))).not.toContain(vi);
    }
  });
});
