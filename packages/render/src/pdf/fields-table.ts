/**
 * The grid of labelled fields that heads a form: two fields per row, each a shaded label
 * beside its value, with blank values left as room to write in.
 */
import type { LabelKey, Lang } from '../lang.js';
import { label } from './bilingual.js';
import type { PageCursor } from './page-cursor.js';
import { FILLS, STYLES } from './styles.js';
import { columnWidths, type Table, type TableRow } from './table.js';
import type { Paragraph } from './text-layout.js';

/** One field: the LABELS key of its name and its value (empty for a field to fill in). */
export type Field = [LabelKey, Paragraph[]];

/** `fields` two to a row, across the width of the page; rows of blanks get room to write. */
export function fieldsTable(cursor: PageCursor, fields: readonly Field[], lang: Lang): Table {
  const rows: TableRow[] = [];
  for (let index = 0; index < fields.length; index += 2) {
    const pair = fields.slice(index, index + 2);
    const blank = pair.every(([, value]) => value.length === 0);
    rows.push({
      // A field left alone on the last row takes the rest of the row.
      cells: pair.flatMap(([key, value]) => [
        { paragraphs: label(key, lang, STYLES.field), fill: FILLS.field },
        { paragraphs: value, colSpan: pair.length === 1 ? 3 : 1 },
      ]),
      ...(blank ? { minHeight: 22 } : {}),
    });
  }
  return { columns: columnWidths([16, 34, 16, 34], cursor.width), header: [], rows };
}
