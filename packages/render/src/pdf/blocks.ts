/**
 * The blocks every PDF document is built from besides tables: paragraphs kept whole on a page,
 * the title block that opens each document, and section headings kept with what follows them.
 */
import type { Bilingual, RuleSet } from '@kpilang/rule-set';
import type { LabelKey, Lang } from '../lang.js';
import { bilingual, label } from './bilingual.js';
import type { PageCursor } from './page-cursor.js';
import { STYLES } from './styles.js';
import { drawLines, linesHeight, setParagraphs, type Paragraph } from './text-layout.js';

/** Where a block goes across the page: from `left`, `width` points wide. */
export interface Span {
  left: number;
  width: number;
}

/**
 * Draws `paragraphs` as one block that a page break never cuts (unless it is taller than a
 * page), with `keepWithNext` points below it on the same page. Returns the block's height.
 */
export function drawBlock(
  cursor: PageCursor,
  paragraphs: readonly Paragraph[],
  options: { span?: Span; keepWithNext?: number } = {},
): number {
  const span = options.span ?? { left: cursor.left, width: cursor.width };
  const lines = setParagraphs(paragraphs, span.width);
  const height = linesHeight(lines);
  cursor.ensure(height + (options.keepWithNext ?? 0));
  cursor.y = drawLines(cursor.doc, lines, span.left, cursor.y, span.width);
  return height;
}

/** The height `paragraphs` take set `width` points wide. */
export function blockHeight(paragraphs: readonly Paragraph[], width: number): number {
  return linesHeight(setParagraphs(paragraphs, width));
}

/**
 * The opening of a document on a fresh page: the agency and framework at the top left, then
 * the title centred and, under it, what the document is about (a position, or the framework).
 */
export function drawTitleBlock(
  cursor: PageCursor,
  ruleSet: RuleSet,
  lang: Lang,
  title: LabelKey,
  subject: Bilingual | undefined,
): void {
  const framework = ruleSet.framework;
  const issuer = bilingual(framework.agency, lang, STYLES.agency);
  const span = { left: cursor.left, width: cursor.width * 0.5 };
  if (issuer.length > 0) drawBlock(cursor, issuer, { span });
  cursor.y += 10;
  drawBlock(cursor, label(title, lang, STYLES.title));
  if (subject) {
    cursor.y += 2;
    drawBlock(cursor, bilingual(subject, lang, STYLES.subtitle));
  }
  cursor.y += 10;
}

/** A section heading, kept on the page of the first `keepWithNext` points of its section. */
export function drawHeading(
  cursor: PageCursor,
  paragraphs: readonly Paragraph[],
  keepWithNext = 60,
): void {
  cursor.y += 8;
  if (cursor.y > cursor.bottom) cursor.newPage();
  drawBlock(cursor, paragraphs, { keepWithNext });
  cursor.y += 4;
}
