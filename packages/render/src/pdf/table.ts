/**
 * A ruled table drawn on pdfkit that breaks across pages the way a printed form must: the
 * header rows are drawn again at the top of every page, and a row is never cut by a page edge
 * unless it alone is taller than a page, in which case its cells continue line by line on the
 * next page. pdfkit's own table neither repeats headers nor continues tall rows, hence this.
 */
import type { PageCursor } from './page-cursor.js';
import {
  drawLines,
  linesHeight,
  setParagraphs,
  type Paragraph,
  type SetLine,
} from './text-layout.js';

export interface TableCell {
  paragraphs: readonly Paragraph[];
  /** How many columns the cell spans; 1 when absent. */
  colSpan?: number;
  /** A background colour. */
  fill?: string;
  valign?: 'top' | 'middle';
  /**
   * The cell carries on the cell above it (a group name beside its members): no rule between
   * them, and its text is drawn only when its row is the first on a page.
   */
  continued?: boolean;
}

export interface TableRow {
  cells: readonly TableCell[];
  /** The least height of the row, as room to write in. */
  minHeight?: number;
  /** Points below this row that must be on its page too (the block the table leads into). */
  keepWithNext?: number;
}

export interface Table {
  /** The column widths in points, left to right. */
  columns: readonly number[];
  /** Rows repeated at the top of every page the table is on. */
  header: readonly TableRow[];
  rows: readonly TableRow[];
}

/** One row across all `columns` of a table that has nothing to list, saying so ("Không có"). */
export function noneRow(columns: number, paragraphs: readonly Paragraph[]): TableRow {
  return { cells: [{ paragraphs, colSpan: columns }] };
}

/** The ruling and spacing of every table. */
export const TABLE_STYLE = {
  paddingX: 3.5,
  paddingY: 2.5,
  ruleWidth: 0.5,
  ruleColor: '#4a4a4a',
};

/** The least room in which a row taller than a page starts rather than move to the next. */
const SPLIT_ROOM = 60;

interface SetCell {
  cell: TableCell;
  x: number;
  width: number;
  lines: SetLine[];
}

interface SetRow {
  row: TableRow;
  cells: SetCell[];
}

/** Draws `table` from the cursor down, with its left edge at `left` (the margin by default). */
export function drawTable(cursor: PageCursor, table: Table, left = cursor.left): void {
  const tableWidth = table.columns.reduce((sum, width) => sum + width, 0);
  const header = table.header.map((row) => setRow(row, table.columns, left));
  const headerHeight = header.reduce((sum, row) => sum + rowHeight(row, true), 0);
  const pageRoom = cursor.pageBodyHeight - headerHeight;

  let atTop = true;
  const startPage = () => {
    for (const row of header) {
      const height = rowHeight(row, true);
      drawRow(cursor, row, height, true);
      cursor.y += height;
    }
    atTop = true;
  };
  const endPage = () => rule(cursor.doc, left, cursor.y, left + tableWidth, cursor.y);

  const rows = table.rows.map((row) => setRow(row, table.columns, left));
  const first = rows[0];
  cursor.ensure(headerHeight + (first ? keepHeight(first, true, pageRoom) : 0));
  startPage();

  for (let row of rows) {
    let height = rowHeight(row, atTop);
    if (!atTop && keepHeight(row, false, pageRoom) > cursor.room) {
      endPage();
      cursor.newPage();
      startPage();
      height = rowHeight(row, true);
    }
    // Only a row taller than a whole page gets here: it is cut line by line across pages.
    while (height > cursor.room) {
      const [part, rest] = splitRow(row, cursor.room);
      drawRow(cursor, part, cursor.room, atTop);
      cursor.y = cursor.bottom;
      endPage();
      cursor.newPage();
      startPage();
      row = rest;
      height = rowHeight(row, true);
    }
    drawRow(cursor, row, height, atTop);
    cursor.y += height;
    atTop = false;
  }
  endPage();
}

/**
 * The height `row` needs on its page: itself, and what must follow it when that can fit. A
 * row taller than a whole page needs only room for a few lines, since it is split anyway.
 */
function keepHeight(row: SetRow, atTop: boolean, pageRoom: number): number {
  const height = rowHeight(row, atTop);
  if (height > pageRoom) return Math.min(height, SPLIT_ROOM);
  const kept = height + (row.row.keepWithNext ?? 0);
  return kept <= pageRoom ? kept : height;
}

function setRow(row: TableRow, columns: readonly number[], left: number): SetRow {
  const cells: SetCell[] = [];
  let column = 0;
  let x = left;
  for (const cell of row.cells) {
    const span = cell.colSpan ?? 1;
    const width = columns.slice(column, column + span).reduce((sum, w) => sum + w, 0);
    const textWidth = Math.max(1, width - 2 * TABLE_STYLE.paddingX);
    cells.push({ cell, x, width, lines: setParagraphs(cell.paragraphs, textWidth) });
    column += span;
    x += width;
  }
  return { row, cells };
}

function rowHeight(row: SetRow, atTop: boolean): number {
  let height = row.row.minHeight ?? 0;
  for (const cell of row.cells) {
    if (cell.cell.continued && !atTop) continue;
    height = Math.max(height, linesHeight(cell.lines) + 2 * TABLE_STYLE.paddingY);
  }
  return height;
}

/** `row` cut so its first part fills `room` points; the rest goes on the next page. */
function splitRow(row: SetRow, room: number): [SetRow, SetRow] {
  const textRoom = room - 2 * TABLE_STYLE.paddingY;
  const taken = row.cells.map((cell) => {
    let count = 0;
    let height = 0;
    while (count < cell.lines.length && height + cell.lines[count]!.height <= textRoom) {
      height += cell.lines[count]!.height;
      count += 1;
    }
    return count;
  });
  // A line taller than a whole page still has to go somewhere: it goes here, clipped.
  const stuck = taken.every((count) => count === 0);
  const part = row.cells.map((cell, i) => {
    const count = stuck ? Math.min(1, cell.lines.length) : taken[i]!;
    return [
      { ...cell, lines: cell.lines.slice(0, count) },
      { ...cell, lines: cell.lines.slice(count) },
    ] as const;
  });
  const rest = { ...row.row, minHeight: 0 };
  return [
    { row: rest, cells: part.map(([first]) => first) },
    { row: rest, cells: part.map(([, second]) => second) },
  ];
}

function drawRow(cursor: PageCursor, row: SetRow, height: number, atTop: boolean): void {
  const doc = cursor.doc;
  const top = cursor.y;
  // Fills first, so that no cell's background covers half of its neighbour's rule.
  for (const { cell, x, width } of row.cells) {
    if (cell.fill) doc.rect(x, top, width, height).fill(cell.fill);
  }
  for (const { cell, x, width, lines } of row.cells) {
    if (cell.continued && !atTop) continue;
    const spare = height - 2 * TABLE_STYLE.paddingY - linesHeight(lines);
    const offset = cell.valign === 'middle' ? Math.max(0, spare / 2) : 0;
    const textLeft = x + TABLE_STYLE.paddingX;
    const textTop = top + TABLE_STYLE.paddingY + offset;
    drawLines(doc, lines, textLeft, textTop, width - 2 * TABLE_STYLE.paddingX);
  }
  // The rules of the row as one path: a rule above each cell (none above a continued cell),
  // one between neighbours and one at each end.
  for (const { cell, x, width } of row.cells) {
    if (!cell.continued || atTop) doc.moveTo(x, top).lineTo(x + width, top);
    doc.moveTo(x, top).lineTo(x, top + height);
  }
  const last = row.cells.at(-1);
  if (last) doc.moveTo(last.x + last.width, top).lineTo(last.x + last.width, top + height);
  strokeRules(doc);
}

function rule(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number): void {
  doc.moveTo(x1, y1).lineTo(x2, y2);
  strokeRules(doc);
}

function strokeRules(doc: PDFKit.PDFDocument): void {
  doc.lineWidth(TABLE_STYLE.ruleWidth).strokeColor(TABLE_STYLE.ruleColor).stroke();
}

/** The height `table` takes when no page break falls inside it. */
export function tableHeight(table: Table): number {
  return [...table.header, ...table.rows]
    .map((row) => setRow(row, table.columns, 0))
    .reduce((sum, row) => sum + rowHeight(row, false), 0);
}

/** The width of `table`. */
export function tableWidth(table: Table): number {
  return table.columns.reduce((sum, width) => sum + width, 0);
}

/** Column widths in the proportions of `weights`, filling `width` points. */
export function columnWidths(weights: readonly number[], width: number): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => (weight / total) * width);
}
