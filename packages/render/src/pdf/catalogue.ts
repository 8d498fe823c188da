/**
 * The group catalogue on A4 portrait, as the paper's Appendix 1: each position group beside
 * its indicators, with the unit each is measured in and how often. A group's name is printed
 * once beside its indicators, and again at the top of a page its list continues on.
 */
import type { RuleSet } from '@kpilang/rule-set';
import { catalogueGroups, findIndicator } from '../documents.js';
import { formatFrequency, formatUnit } from '../format.js';
import type { Lang } from '../lang.js';
import { bilingual, label, plain } from './bilingual.js';
import { drawTitleBlock } from './blocks.js';
import type { PageCursor } from './page-cursor.js';
import { aligned, FILLS, STYLES } from './styles.js';
import { columnWidths, drawTable, noneRow, type TableCell, type TableRow } from './table.js';

/** The page format of the catalogue. */
export const CATALOGUE_FORMAT = { layout: 'portrait' } as const;

/** Draws the group catalogue of `ruleSet` from a fresh page. */
export function drawCatalogue(cursor: PageCursor, ruleSet: RuleSet, lang: Lang): void {
  drawTitleBlock(cursor, ruleSet, lang, 'catalogue', ruleSet.framework.label);
  const head = (key: Parameters<typeof label>[0]): TableCell => ({
    paragraphs: label(key, lang, STYLES.header),
    fill: FILLS.header,
    valign: 'middle',
  });
  const rows: TableRow[] = [];
  for (const group of catalogueGroups(ruleSet)) {
    const groupName = bilingual(group.label, lang, STYLES.bodyBold);
    const members = group.indicators.length > 0 ? group.indicators : [undefined];
    members.forEach((id, index) => {
      const indicator = id === undefined ? undefined : findIndicator(ruleSet, id);
      const name = indicator?.label ?? (id === undefined ? undefined : { vi: id, en: id });
      rows.push({
        cells: [
          { paragraphs: groupName, continued: index > 0 },
          {
            paragraphs:
              id === undefined ? [] : plain(String(index + 1), aligned(STYLES.body, 'center')),
          },
          {
            paragraphs: name
              ? bilingual(name, lang, STYLES.body)
              : label('none', lang, STYLES.body),
          },
          { paragraphs: plain(formatUnit(indicator?.unit, ruleSet, lang), STYLES.body) },
          { paragraphs: plain(formatFrequency(indicator?.frequency, lang), STYLES.body) },
        ],
      });
    });
  }
  drawTable(cursor, {
    columns: columnWidths([24, 6, 38, 18, 14], cursor.width),
    header: [
      {
        cells: [head('group'), head('number'), head('indicator'), head('unit'), head('frequency')],
      },
    ],
    rows: rows.length > 0 ? rows : [noneRow(5, label('none', lang, STYLES.body))],
  });
}
