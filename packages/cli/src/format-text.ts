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
    colors.bold(diagnostic.message);
  const lines = [header];
  if (lineMap) lines.push(...excerpt(diagnostic, lineMap, paint, colors));

  for (const related of diagnostic.related ?? []) {
    const where = location(related.uri, related.range.start);
    lines.push(`  ${colors.cyan('note')}: ${where} ${related.message}`);
  }
  for (const fix of diagnostic.fixes ?? []) {
    lines.push(`  ${colors.green('help')}: ${fix.title}`);
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
  const text = lineMap.lineText(start.line);
  const from = Math.min(start.character, text.length);
  // A range over several lines is underlined to the end of its first line.
  const to = end.line === start.line ? clamp(end.character, from, text.length) : text.length;

  const number = String(start.line + 1);
  const gutter = ' '.repeat(number.length);
  const underline = '^'.repeat(Math.max(1, graphemes(text.slice(from, to)).length));
  return [
    `${colors.blue(` ${number} |`)} ${text}`,
    `${colors.blue(` ${gutter} |`)} ${padding(text.slice(0, from))}${paint(underline)}`,
  ];
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
  return `${uri}:${position.line + 1}:${position.character + 1}:`;
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
