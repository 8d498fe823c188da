/**
 * Items of a list in the PDF ("– ", "1. ") hang: their lines after the first, the English line
 * in both languages among them, start under the item's text, where the English line started
 * under the dash at the left edge. Read back with the word boxes of pdftotext on the Decree
 * 335/2025 example: the overview's indicators of each part and its ranking keys, the blank
 * scorecard's conditions and quota, and a filled scorecard's changes to the rating. Under
 * them, setParagraphs sets each line in the room its indent leaves.
 */
import { describe, expect, it } from 'vitest';
import type { Bilingual, RuleSet } from '@kpilang/rule-set';
import {
  adjustmentWords,
  LABELS,
  partRules,
  quotaRules,
  renderFilledPdf,
  renderPdf,
  scorecardRules,
  type FilledAdjustment,
  type FilledPerson,
  type Lang,
} from '@kpilang/render';
import { setParagraphs, textWidth } from '../src/pdf/text-layout.js';
import { STYLES } from '../src/pdf/styles.js';
import { decreeRuleSet } from './fixtures/decree-rule-set.js';
import { pageCount, wordBoxes, type WordBox } from './fixtures/pdf-poppler.js';

const decree: RuleSet = decreeRuleSet();
const specialist = decree.positions.find((position) => position.id === 'specialist')!;
const n = (display: string) => ({ exact: display, display });
/** How far apart two lines may start and still be read as starting at the same place. */
const SAME = 0.5;

/** Words on one line of a page with no wide gap between them: each cell of a row is one. */
interface Segment {
  page: number;
  x: number;
  y: number;
  words: WordBox[];
  text: string;
}

function segments(pdf: Uint8Array): Segment[] {
  const found: Segment[] = [];
  for (let page = 1; page <= pageCount(pdf); page += 1) {
    const lines: WordBox[][] = [];
    const words = wordBoxes(pdf, page).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
    for (const word of words) {
      const line = lines.find((candidate) => Math.abs(candidate[0]!.yMin - word.yMin) < 1.5);
      if (line) line.push(word);
      else lines.push([word]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.xMin - b.xMin);
      let run: WordBox[] = [];
      const close = () => {
        if (run.length === 0) return;
        const text = run.map((word) => word.text).join(' ');
        found.push({ page, x: run[0]!.xMin, y: run[0]!.yMin, words: run, text });
        run = [];
      };
      for (const word of line) {
        if (run.length > 0 && word.xMin - run[run.length - 1]!.xMax > 5) close();
        run.push(word);
      }
      close();
    }
  }
  return found.sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
}

const opening = (text: string) => text.split(' ').slice(0, 3).join(' ');

/** Where an item's lines start: its marker, its text, and each line after the first. */
interface ItemLayout {
  marker: number;
  text: number;
  /** The lines after the first, down to where the item ends. */
  after: Segment[];
}

/**
 * The item opened by `marker` then `text`, and the lines of its column after its first, down
 * to the one that opens with `end.through` or to the one before the line that opens with
 * `end.before`.
 */
function itemLayout(
  all: Segment[],
  marker: string,
  text: string,
  end: { through: string } | { before: string },
): ItemLayout {
  const start = `${marker}${opening(text)}`;
  const first = all.find((segment) => segment.text.startsWith(start));
  expect(first, start).toBeDefined();
  const left = first!.x;
  const column = all.filter(
    (segment) => segment.page === first!.page && segment.y > first!.y && segment.x > left - 2,
  );
  const last = 'through' in end ? opening(end.through) : opening(end.before);
  const at = column.findIndex((segment) => segment.text.startsWith(last));
  expect(at, `the end of ${start}: ${last}`).toBeGreaterThanOrEqual(0);
  return {
    marker: left,
    text: first!.words[marker.trim().split(' ').length]!.xMin,
    after: column.slice(0, 'through' in end ? at + 1 : at),
  };
}

/** In both languages, the item of `words` down to its English line. */
const bothItem = (all: Segment[], marker: string, words: Bilingual) =>
  itemLayout(all, marker, words.vi, { through: words.en });

function expectHanging(layout: ItemLayout, what: string): void {
  expect(layout.text - layout.marker, what).toBeGreaterThan(2);
  for (const line of layout.after) {
    expect(Math.abs(line.x - layout.text), `${what}: "${line.text}"`).toBeLessThan(SAME);
  }
}

async function document(lang: Lang, name: string): Promise<Uint8Array> {
  const files = await renderPdf(decree, { lang });
  return files.find((file) => file.path === `${name}.pdf`)!.data as Uint8Array;
}

describe('items of a list in the PDF', () => {
  it("set the overview's indicators of a part and ranking keys with a hanging indent", async () => {
    const all = segments(await document('both', 'overview'));
    const items = partRules(decree).flatMap(({ indicators }) => indicators);
    expect(items.length).toBeGreaterThan(2);
    for (const indicator of items) {
      const layout = bothItem(all, '– ', indicator.label);
      expect(layout.after.length, indicator.id).toBeGreaterThan(0);
      expectHanging(layout, indicator.id);
    }
    const rankBy = quotaRules(decree)[0]!.rankBy;
    expect(rankBy.length).toBeGreaterThan(1);
    rankBy.forEach((key, index) => {
      expectHanging(bothItem(all, `${index + 1}. `, key), key.en);
    });
  });

  it("set the blank scorecard's conditions and quotas with a hanging indent", async () => {
    const all = segments(await document('both', 'scorecard-specialist'));
    const rules = scorecardRules(decree, specialist)!;
    const items = [...rules.conditions, ...rules.quotas];
    expect(items.length).toBeGreaterThan(2);
    for (const { words } of items) {
      expectHanging(bothItem(all, '– ', words), words.en);
    }
    // The quota's Vietnamese wraps: its second line too is under the text, above the English.
    const quota = bothItem(all, '– ', rules.quotas[0]!.words);
    expect(quota.after.length).toBeGreaterThan(1);
  });

  it('keep the marker at the left of the block in one language, wrapped lines under the text', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const all = segments(await document(lang, 'scorecard-specialist'));
      const heading = all.find((segment) => segment.text === LABELS.quotas[lang])!;
      expect(heading, lang).toBeDefined();
      const quota = scorecardRules(decree, specialist)!.quotas[0]!;
      const layout = itemLayout(all, '– ', quota.words[lang], {
        before: LABELS.quotasAfterScoring[lang],
      });
      expect(Math.abs(layout.marker - heading.x), lang).toBeLessThan(SAME);
      expect(layout.after.length, lang).toBeGreaterThan(0);
      expectHanging(layout, lang);
    }
  });

  it("set a filled scorecard's changes to the rating with a hanging indent", async () => {
    const disciplined: FilledAdjustment = {
      step: 'condition',
      rule: 'disciplined',
      from: 'outstanding',
      to: 'not_completed',
      reason: 'Condition disciplined holds.',
    };
    const person: FilledPerson = {
      person: 'p20',
      orgUnit: 'planning',
      position: specialist.id,
      context: null,
      period: '2026',
      status: 'complete',
      total: n('96.5'),
      rating: 'not_completed',
      scoredRating: 'outstanding',
      adjustments: [disciplined],
      weightCounted: n('100'),
      indicators: specialist.indicators.map((weighted) => ({
        indicator: weighted.indicator,
        status: 'rated' as const,
        value: n('96.5'),
        band: null,
        points: n('96.5'),
        effectiveWeight: n(weighted.weight),
        contribution: n('10'),
        notRated: null,
      })),
    };
    const files = await renderFilledPdf(
      decree,
      { period: '2026', people: [person] },
      { lang: 'both' },
    );
    const all = segments(files[0]!.data as Uint8Array);
    const words = adjustmentWords(disciplined, decree);
    expectHanging(bothItem(all, '1. ', words), words.en);
  });
});

describe('setParagraphs with indents', () => {
  const words =
    'Những người xếp hạng ngoài giới hạn chuyển xuống “Hoàn thành tốt nhiệm vụ” trong từng đơn vị';

  it('sets each line in the room its indent leaves, the first line by its own indent', () => {
    const indent = textWidth('– ', STYLES.body);
    const lines = setParagraphs(
      [
        { text: `– ${words}`, style: STYLES.body, indent, firstLineIndent: -indent },
        { text: words, style: STYLES.body, indent },
      ],
      120,
    );
    expect(lines.length).toBeGreaterThan(4);
    expect(lines[0]!.indent).toBe(0);
    expect(lines.slice(1).every((line) => line.indent === indent)).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120 - line.indent);
  });

  it('gives the first-line indent to the first line alone, not to a line after a line feed', () => {
    const lines = setParagraphs(
      [{ text: 'một\nhai', style: STYLES.body, indent: 10, firstLineIndent: -10 }],
      120,
    );
    expect(lines.map((line) => line.indent)).toEqual([0, 10]);
  });

  it('keeps an indent to half the box at most, so a narrow cell still has room', () => {
    const lines = setParagraphs([{ text: words, style: STYLES.body, indent: 400 }], 60);
    expect(lines.every((line) => line.indent === 30)).toBe(true);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(30);
  });
});
