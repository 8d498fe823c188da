/**
 * One PDF file in memory: a pdfkit document set up so the same rule set always gives the same
 * bytes (fixed dates and file id from documentMetadata, nothing from the clock or a random
 * source), with its fonts registered, its title and language set, page numbers in a footer on
 * every page, and its bytes collected into a Buffer instead of a file.
 */
import PDFDocument from 'pdfkit';
import type { RuleSet } from '@kpilang/rule-set';
import { documentMetadata } from '../metadata.js';
import { htmlLang, inline, type Lang } from '../lang.js';
import { allFaces } from './fonts.js';
import { STYLES } from './styles.js';
import { drawLines, fitOneLine, setParagraphs } from './text-layout.js';

/** The pages one document of a file takes, and the text its footer shows. */
export interface PageRange {
  first: number;
  count: number;
  footer: string;
}

/** What a file says about itself in its metadata. */
export interface FileInfo {
  /** The document name from planDocuments, or `all`. */
  name: string;
  title: string;
  subject: string;
}

/** A new, empty pdfkit document for `ruleSet`, with no page yet. */
export function createPdf(ruleSet: RuleSet, lang: Lang, info: FileInfo): PDFKit.PDFDocument {
  const metadata = documentMetadata(ruleSet, info.name, lang, 'default');
  const agency = ruleSet.framework.agency;
  const doc = new PDFDocument({
    autoFirstPage: false,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: htmlLang(lang),
    displayTitle: true,
    // No default font: pdfkit would otherwise add an unembedded Helvetica to every file.
    font: null as unknown as string,
    info: {
      Title: info.title,
      Subject: info.subject,
      ...(agency ? { Author: inline(agency, lang) } : {}),
      Creator: 'kpilang',
      Producer: 'kpilang (pdfkit)',
      CreationDate: metadata.creationDate,
      ModDate: metadata.creationDate,
    },
  });
  // pdfkit derives the file identifier from the info dictionary; the documents of a rule set
  // use the id derived from its sources instead, the same in both PDF engines.
  (doc as unknown as { _id: Uint8Array })._id = Buffer.from(metadata.id, 'hex');
  for (const face of allFaces()) {
    // pdfkit takes a parsed fontkit font as well as a file; its types list only files.
    doc.registerFont(face.name, face.font as unknown as Buffer);
  }
  return doc;
}

/** Writes the footer of the pages of `range`: its text and "page/pages". */
export function drawFooters(doc: PDFKit.PDFDocument, range: PageRange): void {
  let fitted: { width: number; text: string } | undefined;
  for (let index = 0; index < range.count; index += 1) {
    const page = doc.switchToPage(range.first + index);
    const left = page.margins.left;
    const width = page.width - page.margins.left - page.margins.right;
    const top = page.height - page.margins.bottom + 12;
    const numberWidth = 40;
    // One line: a title too long for it ends in "…" (the bookmark and metadata hold it whole).
    const textWidth = width - numberWidth - 8;
    if (fitted?.width !== textWidth) {
      fitted = { width: textWidth, text: fitOneLine(range.footer, STYLES.hint, textWidth) };
    }
    const text = setParagraphs([{ text: fitted.text, style: STYLES.hint }], textWidth);
    drawLines(doc, text, left, top, textWidth);
    const number = setParagraphs(
      [{ text: `${index + 1}/${range.count}`, style: { ...STYLES.hint, align: 'right' } }],
      numberWidth,
    );
    drawLines(doc, number, left + width - numberWidth, top, numberWidth);
  }
}

/** Ends `doc` and resolves to its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
