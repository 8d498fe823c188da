/**
 * Where the next block of a document goes: the current page, the vertical position on it and
 * the box inside the margins. Blocks ask for the height they need and the cursor starts a new
 * page (same size and orientation) when it is not there, so no block is cut by a page edge.
 */

/** A page format: A4 in either orientation, with the margins every document uses. */
export interface PageFormat {
  layout: 'portrait' | 'landscape';
}

/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 };
/** Page margins in points (about 12 mm), with room for the footer below the bottom margin. */
const MARGIN = { top: 34, right: 34, bottom: 44, left: 34 };

export class PageCursor {
  /** The y where the next block starts. */
  y = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly format: PageFormat,
  ) {}

  /** The left edge of the text box. */
  get left(): number {
    return MARGIN.left;
  }

  /** The width of the text box. */
  get width(): number {
    return this.pageWidth - MARGIN.left - MARGIN.right;
  }

  /** The top of the text box. */
  get top(): number {
    return MARGIN.top;
  }

  /** The lowest y a block may reach. */
  get bottom(): number {
    return this.pageHeight - MARGIN.bottom;
  }

  /** The height of the text box of a page. */
  get pageBodyHeight(): number {
    return this.bottom - this.top;
  }

  /** The height left below the cursor on this page. */
  get room(): number {
    return this.bottom - this.y;
  }

  get pageWidth(): number {
    return this.format.layout === 'landscape' ? A4.long : A4.short;
  }

  get pageHeight(): number {
    return this.format.layout === 'landscape' ? A4.short : A4.long;
  }

  /** The y of the footer line, below the text box. */
  get footerY(): number {
    return this.pageHeight - MARGIN.bottom + 14;
  }

  /** Starts a new page of this format and puts the cursor at its top. */
  newPage(): void {
    this.doc.addPage({
      size: 'A4',
      layout: this.format.layout,
      margins: MARGIN,
    });
    this.y = this.top;
  }

  /**
   * Makes sure `height` points are free below the cursor, starting a new page when they are
   * not. A block taller than a whole page gets a fresh page and must split itself. Returns
   * true when it started a new page.
   */
  ensure(height: number): boolean {
    if (height <= this.room || this.y === this.top) return false;
    this.newPage();
    return true;
  }
}
