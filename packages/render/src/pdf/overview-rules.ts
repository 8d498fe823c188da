/**
 * The overview's sections on what decides a rating besides the points of the indicators: the
 * parts of the total, the conditions and the quotas, each drawn only when the rule set has
 * some. The words come from rating-rules.ts, as in the HTML overview.
 */
import type { Bilingual, RuleSet } from '@kpilang/rule-set';
import { formatNumber } from '../format.js';
import { LABELS, type LabelKey, type Lang } from '../lang.js';
import { conditionRules, partRules, quotaRules } from '../rating-rules.js';
import { bilingual, label, listItem, plain } from './bilingual.js';
import { drawBlock, drawHeading } from './blocks.js';
import type { PageCursor } from './page-cursor.js';
import { aligned, FILLS, STYLES } from './styles.js';
import { columnWidths, drawTable, tableHeight, type Table, type TableCell } from './table.js';
import type { Paragraph } from './text-layout.js';

/** Draws the parts, the conditions and the quotas of `ruleSet`, leaving out empty sections. */
export function drawRatingRules(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): void {
  if (ruleSet.parts.length > 0) {
    drawSection(cursor, 'parts', partsTable(cursor, ruleSet, lang), lang);
  }
  if (ruleSet.conditions.length > 0) {
    const table = conditionsTable(cursor, ruleSet, lang);
    drawSection(cursor, 'conditions', table, lang, 'firstConditionDecides');
  }
  if (ruleSet.quotas.length > 0) {
    drawSection(cursor, 'quotas', quotasTable(cursor, ruleSet, lang), lang, 'quotasApplied');
  }
}

/**
 * A section: its heading, kept on the page of the table's header and first row, the table,
 * and a note under it.
 */
function drawSection(
  cursor: PageCursor,
  heading: LabelKey,
  table: Table,
  lang: Lang,
  note?: LabelKey,
): void {
  const opening = tableHeight({ ...table, rows: table.rows.slice(0, 1) });
  drawHeading(cursor, label(heading, lang, STYLES.heading), opening);
  drawTable(cursor, table);
  if (!note) return;
  cursor.y += 2;
  drawBlock(cursor, label(note, lang, STYLES.hint));
}

/** Each part: its name, its most points and its indicators, marked when scored in proportion. */
function partsTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  const proportional = LABELS.inProportion;
  return {
    columns: columnWidths([30, 14, 56], cursor.width),
    header: [{ cells: [head('part', lang), head('maxPoints', lang), head('indicators', lang)] }],
    rows: partRules(ruleSet).map(({ part, indicators }) => ({
      cells: [
        { paragraphs: bilingual(part.label, lang, STYLES.bodyBold) },
        { paragraphs: plain(formatNumber(part.points, lang), aligned(STYLES.bodyBold, 'center')) },
        {
          paragraphs:
            indicators.length === 0
              ? label('none', lang, STYLES.body)
              : list(
                  indicators.map((indicator) =>
                    indicator.scoring === 'proportional'
                      ? {
                          vi: `${indicator.label.vi} (${proportional.vi})`,
                          en: `${indicator.label.en} (${proportional.en})`,
                        }
                      : indicator.label,
                  ),
                  lang,
                  () => '– ',
                ),
        },
      ],
    })),
  };
}

/** Each condition: its number (the first that holds decides), the fact, who, the rating. */
function conditionsTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  return {
    columns: columnWidths([6, 42, 26, 26], cursor.width),
    header: [
      {
        cells: [
          head('number', lang),
          head('condition', lang),
          head('appliesTo', lang),
          head('ratingGiven', lang),
        ],
      },
    ],
    rows: conditionRules(ruleSet).map((rule, index) => ({
      cells: [
        { paragraphs: plain(String(index + 1), aligned(STYLES.body, 'center')) },
        { paragraphs: bilingual(rule.condition.label, lang, STYLES.bodyBold) },
        { paragraphs: list(rule.appliesTo, lang, () => '') },
        { paragraphs: bilingual(rule.ratingWords, lang, STYLES.body) },
      ],
    })),
  };
}

/** Each quota: its rule as stated, the limit in words, where it holds, and the rank order. */
function quotasTable(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): Table {
  return {
    columns: columnWidths([24, 28, 18, 30], cursor.width),
    header: [
      {
        cells: [
          head('quota', lang),
          head('quotaLimit', lang),
          head('quotaWithin', lang),
          head('rankBy', lang),
        ],
      },
    ],
    rows: quotaRules(ruleSet).map((rule) => ({
      cells: [
        { paragraphs: bilingual(rule.quota.label, lang, STYLES.bodyBold) },
        {
          paragraphs: [
            ...bilingual(rule.limit, lang, STYLES.body),
            ...spaced(bilingual(rule.demotion, lang, STYLES.body)),
          ],
        },
        { paragraphs: bilingual(rule.within, lang, STYLES.body) },
        {
          paragraphs: [
            ...list(rule.rankBy, lang, (index) => `${index + 1}. `),
            ...spaced(bilingual(rule.tieBreak, lang, STYLES.body)),
          ],
        },
      ],
    })),
  };
}

function head(key: LabelKey, lang: Lang): TableCell {
  return { paragraphs: label(key, lang, STYLES.header), fill: FILLS.header, valign: 'middle' };
}

/**
 * `items` one after another, each opened by `marker(index)` ("1. ", "– ") and, in both
 * languages, with its English line under its text.
 */
function list(
  items: readonly Bilingual[],
  lang: Lang,
  marker: (index: number) => string,
): Paragraph[] {
  return items.flatMap((item, index) => {
    const [opening, ...rest] = listItem(item, lang, STYLES.body, marker(index));
    if (!opening) return [];
    return [index > 0 ? { ...opening, spaceBefore: 2 } : opening, ...rest];
  });
}

/** `paragraphs` set a little apart from what comes before them in their cell. */
function spaced(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.map((paragraph, index) =>
    index === 0 ? { ...paragraph, spaceBefore: 3 } : paragraph,
  );
}
