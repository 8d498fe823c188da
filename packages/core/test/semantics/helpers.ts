/**
 * Helpers of the checker's tests: check a text (parse + check, as one file), pick the
 * diagnostics of one code, find the range of a piece of the text, so that tests assert
 * ranges against the text itself rather than against hand-counted columns, and apply a fix
 * to the text, so that tests can check it again.
 */
import type { Diagnostic, Fix } from '../../src/diagnostics/diagnostic.js';
import { checkFiles, type CheckResult } from '../../src/semantics/check.js';
import { parseSource } from '../../src/syntax/parse.js';
import { LineMap, type Range } from '../../src/syntax/source.js';

/** A framework header with a quarterly cycle and the three levels of the paper's matrix. */
export const HEADER =
  'framework t "T" { cycle quarterly }\n' +
  'levels { excellent "Xuất sắc" / "Excellent" points 100  good "Tốt" / "Good" points 80  ' +
  'poor "Kém" / "Poor" points 0 }\n';

export interface Checked extends CheckResult {
  /** The syntax diagnostics, which tests expect to be empty unless they test recovery. */
  syntax: Diagnostic[];
  text: string;
}

/** Parses and checks `text` as the only file of a framework. */
export function checkKpi(text: string, uri = 'test.kpi'): Checked {
  const parsed = parseSource(text, uri);
  return { ...checkFiles([parsed.file]), syntax: parsed.diagnostics, text };
}

/** Parses and checks several files together, in the order given. */
export function checkKpiFiles(
  files: Record<string, string>,
): CheckResult & { syntax: Diagnostic[] } {
  const parsed = Object.entries(files).map(([uri, text]) => parseSource(text, uri));
  return {
    ...checkFiles(parsed.map((result) => result.file)),
    syntax: parsed.flatMap((result) => result.diagnostics),
  };
}

/** The diagnostics of `code`, in the order found. */
export function withCode(result: { diagnostics: Diagnostic[] }, code: string): Diagnostic[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** The codes reported, sorted, without duplicates. */
export function codesOf(result: { diagnostics: Diagnostic[] }): string[] {
  return [...new Set(result.diagnostics.map((diagnostic) => diagnostic.code))].sort();
}

/** The range of the `occurrence`-th (from 0) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`'${needle}' appears fewer than ${occurrence + 1} times`);
  }
  return new LineMap(text).rangeOf(offset, offset + needle.length);
}

/** The range of `needle` inside the first appearance of `around` (which must contain it). */
export function rangeIn(text: string, around: string, needle: string): Range {
  const start = text.indexOf(around);
  const inner = around.indexOf(needle);
  if (start < 0 || inner < 0)
    throw new Error(`'${needle}' is not in '${around}', or that is not in the text`);
  const offset = start + inner;
  return new LineMap(text).rangeOf(offset, offset + needle.length);
}

/** The single diagnostic of `code`; fails the test when there is none or several. */
export function only(result: { diagnostics: Diagnostic[] }, code: string): Diagnostic {
  const found = withCode(result, code);
  if (found.length !== 1) {
    const all = result.diagnostics
      .map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)
      .join('\n');
    throw new Error(`expected one ${code}, found ${found.length}:\n${all}`);
  }
  return found[0] as Diagnostic;
}

/**
 * `text` with every edit of `fix` applied, as an editor applies a quick fix: all ranges are
 * read against the text before the fix, so the edits are applied from the last to the first.
 * Every edit must be in `uri`, and no two may overlap.
 */
export function applyFix(text: string, fix: Fix | undefined, uri = 'test.kpi'): string {
  if (!fix) throw new Error('there is no fix to apply');
  const map = new LineMap(text);
  const edits = fix.edits.map((edit) => {
    if (edit.uri !== uri) throw new Error(`an edit of '${fix.title}' is in ${edit.uri}`);
    return { start: map.offsetAt(edit.range.start), end: map.offsetAt(edit.range.end), edit };
  });
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  let limit = text.length;
  for (const { start, end, edit } of edits) {
    if (end > limit) throw new Error(`the edits of '${fix.title}' overlap`);
    result = result.slice(0, start) + edit.newText + result.slice(end);
    limit = start;
  }
  return result;
}
