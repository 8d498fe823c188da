/**
 * Diagnostics as a person reads them in a terminal, like a modern compiler prints them:
 * `file:line:col: severity CODE message`, the source line, a caret under the range, then any
 * related places and fixes, and a closing summary. Lines and columns are 1-based, columns in
 * UTF-16 code units as editors count them. Colour is decided by the caller.
 */
import { LineMap, type Diagnostic, type Severity } from '@kpilang/core';
import type { Colors } from './colors.js';

export interface TextFormatOptions {
  /** The decoded text of each file by uri, for the source lines; a missing file shows none. */
  texts: ReadonlyMap<string, string>;
  /** How many files were read, for the summary. */
  fileCount: number;
  colors: Colors;
}

/** The whole report: every diagnostic in the order given, then the summary line. */
export function formatDiagnosticsText(
  diagnostics: readonly Diagnostic[],
  options: TextFormatOptions,
): string {
  const lineMaps = new Map<string, LineMap>();
  const lineMapOf = (uri: string): LineMap | undefined => {
    const text = options.texts.get(uri);
    if (text === undefined) return undefined;
    if (!lineMaps.has(uri)) lineMaps.set(uri, new LineMap(text));
    return lineMaps.get(uri);
  };

  const blocks = diagnostics.map((diagnostic) =>
    formatDiagnostic(diagnostic, lineMapOf(diagnostic.uri), options.colors),
  );
  blocks.push(formatSummary(diagnostics, options.fileCount, options.colors));
  return `${blocks.join('\n')}\n`;
}

/** One diagnostic: the header line, the source excerpt, then notes and fixes. */
export function formatDiagnostic(
  diagnostic: Diagnostic,
  lineMap: LineMap | undefined,
  colors: Colors,
): string {
  const paint = severityColor(diagnostic.severity, colors);
  const header =
    `${colors.bold(location(diagnostic.uri, diagnostic.range.start))} ` +
    `${paint(colors.bold(diagnostic.severity))} ${colors.dim(diagnostic.code)} ` +
    colors.bold(printable(diagnostic.message));
  const lines = [header];
  if (lineMap) lines.push(...excerpt(diagnostic, lineMap, paint, colors));

  for (const related of diagnostic.related ?? []) {
    const where = location(related.uri, related.range.start);
    lines.push(`  ${colors.cyan('note')}: ${where} ${printable(related.message)}`);
  }
  for (const fix of diagnostic.fixes ?? []) {
    lines.push(`  ${colors.green('help')}: ${printable(fix.title)}`);
  }
  return lines.join('\n');
}

/** "2 errors, 3 warnings in 4 files"; info and hints are counted only when there are some. */
export function formatSummary(
  diagnostics: readonly Diagnostic[],
  fileCount: number,
  colors: Colors,
): string {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const parts = [
    (errors > 0 ? colors.red : colors.green)(plural(errors, 'error')),
    (warnings > 0 ? colors.yellow : (text: string) => text)(plural(warnings, 'warning')),
  ];
  if (count('info') > 0) parts.push(`${count('info')} info`);
  if (count('hint') > 0) parts.push(plural(count('hint'), 'hint'));

  return colors.bold(`${parts.join(', ')} in ${plural(fileCount, 'file')}`);
}

/** The source line of the range's start and, under it, a caret or underline. */
function excerpt(
  diagnostic: Diagnostic,
  lineMap: LineMap,
  paint: (text: string) => string,
  colors: Colors,
): string[] {
  const { start, end } = diagnostic.range;
  const line = lineMap.lineText(start.line);
  const from = Math.min(start.character, line.length);
  // A range over several lines is underlined to the end of its first line.
  const to = end.line === start.line ? clamp(end.character, from, line.length) : line.length;
  const cut = lineWindow(line, from, to);
  const shown = { ...cut, text: printable(cut.text) };

  const number = String(start.line + 1);
  const gutter = ' '.repeat(number.length);
  const underlined = graphemes(shown.text.slice(shown.from, shown.to)).length;
  const underline = '^'.repeat(Math.max(1, underlined));
  return [
    `${colors.blue(` ${number} |`)} ${shown.text}`,
    `${colors.blue(` ${gutter} |`)} ${padding(shown.text.slice(0, shown.from))}${paint(underline)}`,
  ];
}

/** The text of a line as printed, and the range to underline in it. */
interface Shown {
  text: string;
  from: number;
  to: number;
}

/** Lines longer than this many UTF-16 units are shown as a window around the range. */
const LONGEST_SHOWN_LINE = 160;

/** How much of a long line the window shows before the start of the range. */
const CONTEXT_BEFORE = 40;

/**
 * The part of `line` to print, with `from` and `to` moved into it. A generated or minified
 * line can be hundreds of kilobytes long: printing it whole floods the terminal, and splitting
 * it into graphemes takes time that grows faster than its length. A cut end is marked with `…`
 * and never falls inside a surrogate pair or before a combining accent.
 */
function lineWindow(line: string, from: number, to: number): Shown {
  if (line.length <= LONGEST_SHOWN_LINE) return { text: line, from, to };

  let begin = Math.max(0, from - CONTEXT_BEFORE);
  while (begin > 0 && continuesCharacter(line, begin)) begin -= 1;
  let finish = Math.min(line.length, begin + LONGEST_SHOWN_LINE);
  while (finish < line.length && continuesCharacter(line, finish)) finish += 1;

  const head = begin > 0 ? '…' : '';
  const text = `${head}${line.slice(begin, finish)}${finish < line.length ? '…' : ''}`;
  const shift = head.length - begin;
  return { text, from: from + shift, to: Math.min(to, finish) + shift };
}

/** True when the code unit at `index` belongs to the character before it. */
function continuesCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code >= 0xdc00 && code <= 0xdfff) || /\p{M}/u.test(text[index] ?? '');
}

/**
 * Blank space as wide as `prefix` on screen: one space per character as the eye sees it
 * (a letter with combining accents is one), and a tab where the line has a tab, so that the
 * caret lines up under Vietnamese text however it was normalised.
 */
function padding(prefix: string): string {
  return graphemes(prefix)
    .map((grapheme) => (grapheme === '\t' ? '\t' : ' '))
    .join('');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}

/** `file:line:col:` with 1-based line and column; `kpic:` for a diagnostic without a file. */
function location(uri: string, position: { line: number; character: number }): string {
  if (uri === '') return 'kpic:';
  return `${printable(uri)}:${position.line + 1}:${position.character + 1}:`;
}

/**
 * `text` with each control character (other than tab) replaced by a visible symbol of the same
 * length: ␛ for escape, ␀ for NUL, and so on. A file or name holding an escape sequence must not
 * be able to clear or recolour the terminal it is reported on, and a stray NUL or bell should be
 * seen. One UTF-16 unit stands for one, so columns and ranges are unchanged.
 */
function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (control) => {
    const code = control.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    return code === 0x7f ? '\u2421' : '\ufffd';
  });
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function severityColor(severity: Severity, colors: Colors): (text: string) => string {
  switch (severity) {
    case 'error':
      return colors.red;
    case 'warning':
      return colors.yellow;
    case 'info':
      return colors.blue;
    case 'hint':
      return colors.cyan;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
