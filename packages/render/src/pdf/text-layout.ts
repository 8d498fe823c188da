/**
 * Text set in a given width: paragraphs are split into runs of one face each (Noto Sans, or
 * the fallback face for the characters it lacks), broken into lines at spaces, and drawn line
 * by line at exact positions. The table and every block of a document lay text out here, so a
 * cell's height is known before anything is drawn and a row can move whole to the next page.
 *
 * Widths come from fontkit, the same shaping pdfkit draws with, and are cached per process:
 * they depend only on the font, the size and the text, never on the document.
 */
import type { Face, Weight } from './fonts.js';
import { faceFor, faces } from './fonts.js';

/** How a paragraph is set. */
export interface TextStyle {
  weight: Weight;
  /** The font size in points. */
  size: number;
  /** A fill colour pdfkit understands, such as `#333333`. */
  color: string;
  align?: 'left' | 'center' | 'right';
}

/** A paragraph to set: its text (line feeds start new lines) and style. */
export interface Paragraph {
  text: string;
  style: TextStyle;
  /** Extra space above the paragraph, in points, when it is not the first of its block. */
  spaceBefore?: number;
  /** Points by which every line is set in from the left of the box. */
  indent?: number;
  /**
   * Points added to `indent` for the paragraph's first line only; negative for a hanging
   * indent, where the first line starts left of the lines under it.
   */
  firstLineIndent?: number;
}

/** A run of text drawn with one face. */
export interface Run {
  face: Face;
  text: string;
  width: number;
}

/**
 * One set line: its runs, style, the vertical space it takes (gap above included) and the
 * points it is set in from the left of its box.
 */
export interface SetLine {
  runs: Run[];
  width: number;
  style: TextStyle;
  height: number;
  indent: number;
}

/** Line height as a multiple of the font size; room for stacked Vietnamese tone marks. */
const LINE_HEIGHT = 1.32;
/** Where the baseline sits below the top of a line, per unit of font size. */
const BASELINE = 1.02;

/** The height of one line of text in `size` points. */
export function lineHeight(size: number): number {
  return size * LINE_HEIGHT;
}

/**
 * `paragraphs` set in `width` points, as lines. Text is normalised to NFC first so a letter
 * written as a base and combining marks is drawn, and extracted, as the one precomposed
 * letter. A word wider than the room left by its line's indent is broken between characters.
 * An indent takes at most half the box, so a narrow cell keeps room for the text.
 */
export function setParagraphs(paragraphs: readonly Paragraph[], width: number): SetLine[] {
  const lines: SetLine[] = [];
  const indentIn = (points: number) => Math.min(Math.max(0, points), width / 2);
  for (const paragraph of paragraphs) {
    const first = lines.length;
    const rest = indentIn(paragraph.indent ?? 0);
    let indents = { first: indentIn(rest + (paragraph.firstLineIndent ?? 0)), rest };
    for (const text of paragraph.text.normalize('NFC').split('\n')) {
      lines.push(...setLinesOnce(text, paragraph.style, width, indents));
      indents = { first: rest, rest };
    }
    const opening = lines[first];
    if (first > 0 && opening && paragraph.spaceBefore) {
      lines[first] = { ...opening, height: opening.height + paragraph.spaceBefore };
    }
  }
  return lines;
}

/** The total height of `lines`. */
export function linesHeight(lines: readonly SetLine[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/** The width of `text` on one line in `style`. */
export function textWidth(text: string, style: TextStyle): number {
  return splitRuns(text, style).reduce((sum, run) => sum + run.width, 0);
}

/**
 * `text` made to fit on one line `width` points wide in `style`: as it is when it fits, else
 * cut after the last whole word that leaves room for an ellipsis, "…", with the spaces and
 * separators before the cut left out, so a line never ends in the middle of a word or on a
 * bare slash. When whole words would fill less than half the line (a word wider than it),
 * the cut falls between characters instead.
 */
export function fitOneLine(text: string, style: TextStyle, width: number): string {
  const whole = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (textWidth(whole, style) <= width) return whole;
  const room = width - textWidth(ELLIPSIS, style);
  let kept = '';
  for (const word of whole.split(' ')) {
    const longer = kept === '' ? word : `${kept} ${word}`;
    if (textWidth(longer, style) > room) break;
    kept = longer;
  }
  if (textWidth(kept, style) < room / 2) {
    // The most characters that fit, found by halving: only a few lengths are measured.
    const characters = clusters(whole);
    let fits = 0;
    let over = characters.length;
    while (over - fits > 1) {
      const middle = Math.floor((fits + over) / 2);
      if (textWidth(characters.slice(0, middle).join(''), style) <= room) fits = middle;
      else over = middle;
    }
    kept = characters.slice(0, fits).join('');
  }
  return `${kept.replace(/[\s/:;,·–-]+$/u, '')}${ELLIPSIS}`;
}

const ELLIPSIS = '…';

/**
 * Draws `lines` with their tops from `top`, each aligned in the box from `left` that is
 * `width` wide. Returns the y below the last line.
 */
export function drawLines(
  doc: PDFKit.PDFDocument,
  lines: readonly SetLine[],
  left: number,
  top: number,
  width: number,
): number {
  let y = top;
  let color: string | undefined;
  for (const line of lines) {
    y += line.height;
    const baseline = y - lineHeight(line.style.size) + line.style.size * BASELINE;
    const align = line.style.align ?? 'left';
    let x = left + line.indent;
    if (align === 'right') x += width - line.indent - line.width;
    else if (align === 'center') x += (width - line.indent - line.width) / 2;
    if (line.style.color !== color) {
      color = line.style.color;
      doc.fillColor(color);
    }
    for (const run of line.runs) {
      doc.font(run.face.name).fontSize(line.style.size);
      // The width is known, so pdfkit need not shape the run a second time to measure it.
      doc.text(run.text, x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        textWidth: run.width,
        wordCount: run.text.trim() === '' ? 0 : run.text.trim().split(/\s+/).length,
      } as PDFKit.Mixins.TextOptions);
      x += run.width;
    }
  }
  return y;
}

/** Where the lines of a text start: its first line, and the lines after it. */
interface Indents {
  first: number;
  rest: number;
}

/**
 * The lines of `text`, set once per process for each style, width and indents: a thousand
 * scorecards repeat the same indicators, bands and column headings. The lines are shared,
 * never changed.
 */
function setLinesOnce(
  text: string,
  style: TextStyle,
  width: number,
  indents: Indents,
): readonly SetLine[] {
  const key =
    `${style.weight} ${style.size} ${style.color} ${style.align} ${width} ` +
    `${indents.first} ${indents.rest}\u0000${text}`;
  let lines = setTexts.get(key);
  if (!lines) {
    if (setTexts.size >= SET_TEXTS_LIMIT) setTexts.clear();
    lines = setLines(text, style, width, indents);
    setTexts.set(key, lines);
  }
  return lines;
}

const setTexts = new Map<string, readonly SetLine[]>();
/** Enough for every distinct text of thousands of scorecards; a bound for long-lived callers. */
const SET_TEXTS_LIMIT = 100_000;

function setLines(text: string, style: TextStyle, width: number, indents: Indents): SetLine[] {
  const lines: SetLine[] = [];
  let current = '';
  let currentWidth = 0;
  // The line being filled is the first while no line has been pushed.
  const indent = () => (lines.length === 0 ? indents.first : indents.rest);
  const room = () => width - indent();
  const flush = () => {
    lines.push(makeLine(current.trimEnd(), style, indent()));
    current = '';
    currentWidth = 0;
  };
  for (const token of text.split(/(\s+)/)) {
    if (token === '') continue;
    if (/^\s+$/.test(token)) {
      if (current !== '') {
        current += ' ';
        currentWidth += textWidth(' ', style);
      }
      continue;
    }
    const tokenWidth = textWidth(token, style);
    if (current !== '' && currentWidth + tokenWidth > room()) flush();
    if (tokenWidth <= room()) {
      current += token;
      currentWidth += tokenWidth;
      continue;
    }
    for (const piece of breakWord(token, style, room() - currentWidth, width - indents.rest)) {
      if (current !== '') flush();
      current = piece;
      currentWidth = textWidth(piece, style);
    }
  }
  if (current !== '' || lines.length === 0) flush();
  return lines;
}

/**
 * A word wider than the box, cut into pieces of whole characters that fit: after the last
 * `_`, `/` or `-` that fits when there is one (formula names break there), else anywhere.
 */
function breakWord(word: string, style: TextStyle, firstWidth: number, width: number): string[] {
  const pieces: string[] = [];
  let rest = clusters(word);
  let room = firstWidth;
  while (rest.length > 0) {
    let fit = 0;
    while (fit < rest.length && textWidth(rest.slice(0, fit + 1).join(''), style) <= room) fit += 1;
    if (fit === rest.length) {
      pieces.push(rest.join(''));
      break;
    }
    let cut = Math.max(1, fit);
    for (let index = fit - 1; index > 0; index -= 1) {
      if ('_/-'.includes(rest[index]!)) {
        cut = index + 1;
        break;
      }
    }
    pieces.push(rest.slice(0, cut).join(''));
    rest = rest.slice(cut);
    room = width;
  }
  return pieces;
}

function makeLine(text: string, style: TextStyle, indent: number): SetLine {
  const runs = splitRuns(text, style);
  return {
    runs,
    width: runs.reduce((sum, run) => sum + run.width, 0),
    style,
    height: lineHeight(style.size),
    indent,
  };
}

/** `text` as runs of one face each; a combining mark stays with the letter it sits on. */
function splitRuns(text: string, style: TextStyle): Run[] {
  const set = faces()[style.weight];
  const runs: Run[] = [];
  let face: Face | undefined;
  let chunk = '';
  for (const cluster of clusters(text)) {
    const clusterFace = /^\s$/.test(cluster) && face ? face : faceFor(set, cluster.codePointAt(0)!);
    if (face && clusterFace !== face) {
      runs.push({ face, text: chunk, width: measure(face, style.size, chunk) });
      chunk = '';
    }
    face = clusterFace;
    chunk += cluster;
  }
  if (face && chunk !== '')
    runs.push({ face, text: chunk, width: measure(face, style.size, chunk) });
  return runs;
}

/** The characters of `text`, each with the combining marks that follow it. */
function clusters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

const widths = new Map<string, number>();

/**
 * The advance width of `text` in `face` at `size` points. pdfkit shapes a run word by word,
 * each word with the space after it, so widths are summed the same way and match what it draws.
 */
function measure(face: Face, size: number, text: string): number {
  let perPoint = 0;
  for (const word of text.match(/[^ \t]*[ \t]?/g) ?? []) {
    if (word === '') continue;
    const key = `${face.name}\u0000${word}`;
    let width = widths.get(key);
    if (width === undefined) {
      width = face.font.layout(word).advanceWidth / face.font.unitsPerEm;
      widths.set(key, width);
    }
    perPoint += width;
  }
  return perPoint * size;
}
