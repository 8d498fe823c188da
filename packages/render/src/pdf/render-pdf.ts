/**
 * The default PDF engine: draws the overview, the group catalogue and every position
 * scorecard with pdfkit, from the rule set alone, in memory. It needs no browser and nothing
 * outside its npm dependencies, and gives the same bytes for the same rule set.
 */
import type { RuleSet } from '@kpilang/rule-set';
import { findContext, planDocuments, scorecardPosition, type DocumentRef } from '../documents.js';
import { filledNames, type FilledPerson } from '../filled.js';
import { inline, LABELS, type Lang } from '../lang.js';
import type { OutputFile } from '../output.js';
import { CATALOGUE_FORMAT, drawCatalogue } from './catalogue.js';
import { drawOverview, OVERVIEW_FORMAT } from './overview.js';
import { PageCursor } from './page-cursor.js';
import { createPdf, drawFooters, finishPdf } from './pdf-file.js';
import { drawScorecard, SCORECARD_FORMAT } from './scorecard.js';

/** How to render: the language of the documents' fixed words and framework text. */
export interface PdfOptions {
  lang: Lang;
}

/**
 * Every document of `ruleSet` as a PDF: `<name>.pdf` for each entry of planDocuments, in its
 * order, then `all.pdf` with every document, each starting on a new page. Nothing is written
 * to disk; the caller writes the files.
 */
export async function renderPdf(ruleSet: RuleSet, options: PdfOptions): Promise<OutputFile[]> {
  const { lang } = options;
  const documents = planDocuments(ruleSet);
  const files: OutputFile[] = [];
  for (const document of documents) {
    const title = documentTitle(ruleSet, document, lang);
    files.push({
      path: `${document.name}.pdf`,
      data: await renderFile(ruleSet, [document], lang, { name: document.name, title }),
    });
  }
  const allTitle = `${inline(LABELS.index, lang)}: ${inline(ruleSet.framework.label, lang)}`;
  files.push({
    path: 'all.pdf',
    data: await renderFile(ruleSet, documents, lang, { name: 'all', title: allTitle }),
  });
  return files;
}

/**
 * The filled scorecards of `people` as PDFs: `scorecard-<person>.pdf` for each (named by
 * `filledNames`, like the HTML pages), then `all.pdf` with every one, each from a new page
 * and bookmarked by person. Throws when a person's position is not the rule set's.
 */
export async function renderFilledPdf(
  ruleSet: RuleSet,
  results: { period: string; people: readonly FilledPerson[] },
  options: PdfOptions,
): Promise<OutputFile[]> {
  const { lang } = options;
  const names = filledNames(results.people);
  const parts = results.people.map((person) => filledPart(ruleSet, person, lang));
  const files: OutputFile[] = [];
  for (const [index, part] of parts.entries()) {
    files.push({
      path: `${names[index]}.pdf`,
      data: await renderParts(ruleSet, [part], lang, { name: names[index]!, title: part.title }),
    });
  }
  const allTitle =
    `${inline(LABELS.results, lang)} ${results.period}: ` +
    `${inline(ruleSet.framework.label, lang)}`;
  files.push({
    path: 'all.pdf',
    data: await renderParts(ruleSet, parts, lang, { name: 'all', title: allTitle }),
  });
  return files;
}

/** A document to draw: its title (footer, bookmark) and how to draw it from a new page. */
interface Part {
  title: string;
  draw(doc: PDFKit.PDFDocument): void;
}

function filledPart(ruleSet: RuleSet, person: FilledPerson, lang: Lang): Part {
  const ref = {
    position: person.position,
    ...(person.context === null ? {} : { context: person.context }),
  };
  const position = scorecardPosition(ruleSet, ref);
  if (!position) {
    throw new Error(
      `Person '${person.person}' holds position '${person.position}', which the rule set lacks.`,
    );
  }
  const title =
    `${documentTitle(ruleSet, { kind: 'scorecard', name: '', ...ref }, lang)}: ` +
    `${person.person}, ${person.period}`;
  return {
    title,
    draw: (doc) => {
      const cursor = new PageCursor(doc, SCORECARD_FORMAT);
      cursor.newPage();
      drawScorecard(cursor, ruleSet, position, ref.context, lang, person);
    },
  };
}

/** One file holding `documents`, each from a new page, with a bookmark each when several. */
async function renderFile(
  ruleSet: RuleSet,
  documents: readonly DocumentRef[],
  lang: Lang,
  file: { name: string; title: string },
): Promise<Buffer> {
  const parts = documents.map((document) => ({
    title: documentTitle(ruleSet, document, lang),
    draw: (doc: PDFKit.PDFDocument) => drawDocument(doc, ruleSet, document, lang),
  }));
  return renderParts(ruleSet, parts, lang, file);
}

/** One file holding `parts`, each from a new page, with a bookmark each when several. */
async function renderParts(
  ruleSet: RuleSet,
  documents: readonly Part[],
  lang: Lang,
  file: { name: string; title: string },
): Promise<Buffer> {
  const subject = [inline(ruleSet.framework.label, lang), ruleSet.framework.version]
    .filter(Boolean)
    .join(' ');
  const doc = createPdf(ruleSet, lang, { ...file, subject });
  for (const document of documents) {
    const before = doc.bufferedPageRange();
    const first = before.start + before.count;
    const { title } = document;
    document.draw(doc);
    const after = doc.bufferedPageRange();
    drawFooters(doc, { first, count: after.start + after.count - first, footer: title });
    if (documents.length > 1) {
      // A bookmark points at the page that is current when it is added: the document's first.
      doc.switchToPage(first);
      doc.outline.addItem(title);
    }
    // Its page numbers are written, so its pages can go out now instead of piling up in memory.
    doc.flushPages();
  }
  return finishPdf(doc);
}

function drawDocument(
  doc: PDFKit.PDFDocument,
  ruleSet: RuleSet,
  document: DocumentRef,
  lang: Lang,
): void {
  switch (document.kind) {
    case 'overview': {
      const cursor = new PageCursor(doc, OVERVIEW_FORMAT);
      cursor.newPage();
      drawOverview(cursor, ruleSet, lang);
      return;
    }
    case 'catalogue': {
      const cursor = new PageCursor(doc, CATALOGUE_FORMAT);
      cursor.newPage();
      drawCatalogue(cursor, ruleSet, lang);
      return;
    }
    case 'scorecard': {
      const position = scorecardPosition(ruleSet, document);
      if (!position) {
        throw new Error(`The document plan names an unknown position '${document.position}'.`);
      }
      const cursor = new PageCursor(doc, SCORECARD_FORMAT);
      cursor.newPage();
      drawScorecard(cursor, ruleSet, position, document.context, lang);
      return;
    }
  }
}

/**
 * The title of a document, for its metadata, its footer and its bookmark: "Phiếu đánh giá KPI:
 * Trưởng phòng Tổ chức cán bộ (Đắk Lắk)".
 */
function documentTitle(ruleSet: RuleSet, document: DocumentRef, lang: Lang): string {
  switch (document.kind) {
    case 'overview':
      return `${inline(LABELS.overview, lang)}: ${inline(ruleSet.framework.label, lang)}`;
    case 'catalogue':
      return `${inline(LABELS.catalogue, lang)}: ${inline(ruleSet.framework.label, lang)}`;
    case 'scorecard': {
      const position = scorecardPosition(ruleSet, document);
      const context = findContext(ruleSet, document.context);
      const name = position ? inline(position.label, lang) : document.position;
      const where = context ? inline(context.label, lang) : inline(LABELS.base, lang);
      return `${inline(LABELS.scorecard, lang)}: ${name} (${where})`;
    }
  }
}
