/**
 * Keeps the examples of docs/diagnostics.md true: for every code, the section's example
 * reports that code when checked as it stands (next to the prelude of the page's
 * introduction), and its fixed example reports neither that code nor any other error. A
 * section that says `--format json` carries a fix is one whose diagnostic really carries one.
 */
import { describe, expect, test } from 'vitest';
import { ALL_CODES, type Code } from '@kpilang/core';
import {
  describeAll,
  diagnosticsOf,
  diagnosticsPrelude,
  kpiBlocks,
  readDoc,
  type KpiBlock,
} from './kpi-blocks.js';

/** Codes whose example cannot be written as text, and why. Their sections show a comment. */
const NOT_SHOWN_AS_TEXT: Partial<Record<Code, string>> = {
  KPI005:
    'an encoding error lives in the bytes of a file, which a text block cannot hold; ' +
    'packages/core/test/syntax tests it with TCVN3 bytes',
  KPI901: 'an internal error is a bug in kpic: no input is meant to give it',
};

const doc = readDoc('diagnostics.md');
const prelude = diagnosticsPrelude();

/** The text of the section headed `## KPInnn`, up to the next heading. */
function sectionOf(code: Code): { text: string; firstLine: number } {
  const start = doc.search(new RegExp(`^## ${code} `, 'm'));
  const next = doc.indexOf('\n## ', start + 1);
  const text = doc.slice(start, next === -1 ? undefined : next);
  return { text, firstLine: doc.slice(0, start).split('\n').length };
}

/** The section's example (its first block) and its fixed example (the first after **Fix**). */
function examplesOf(code: Code): { failing?: KpiBlock; fixed?: KpiBlock; section: string } {
  const { text, firstLine } = sectionOf(code);
  const blocks = kpiBlocks(text, firstLine);
  const fix = text.search(/\*\*Fix\*\*/);
  return {
    failing: blocks.find((block) => block.offset < fix),
    fixed: blocks.find((block) => block.offset > fix),
    section: text,
  };
}

/** The example's diagnostics: without the prelude when the block is marked `no-prelude`. */
function check(block: KpiBlock) {
  return diagnosticsOf(block.text, block.marker === 'no-prelude' ? undefined : prelude);
}

const shown = ALL_CODES.filter((code) => NOT_SHOWN_AS_TEXT[code] === undefined);

describe('the examples of docs/diagnostics.md', () => {
  test('the prelude of the introduction checks clean on its own', () => {
    expect(describeAll(diagnosticsOf(prelude))).toEqual([]);
  });

  test.each(shown)('%s: the example reports the code', (code) => {
    const { failing } = examplesOf(code);
    expect(failing, `${code} has no example before its **Fix**`).toBeDefined();

    const reported = check(failing!);
    expect(
      reported.map((diagnostic) => diagnostic.code),
      `docs/diagnostics.md:${failing!.line} reports:\n${describeAll(reported).join('\n')}`,
    ).toContain(code);
  });

  test.each(shown)('%s: the fixed example reports neither the code nor any error', (code) => {
    const { fixed } = examplesOf(code);
    expect(fixed, `${code} has no example after its **Fix**`).toBeDefined();

    const reported = check(fixed!);
    const unwanted = reported.filter(
      (diagnostic) => diagnostic.code === code || diagnostic.severity === 'error',
    );
    expect(describeAll(unwanted), `docs/diagnostics.md:${fixed!.line}`).toEqual([]);
  });

  test.each(shown)('%s: the section says a fix is carried exactly when it is', (code) => {
    const { failing, section } = examplesOf(code);
    const ownDiagnostics = check(failing!).filter((diagnostic) => diagnostic.code === code);
    const carries = ownDiagnostics.some((diagnostic) => (diagnostic.fixes?.length ?? 0) > 0);

    expect(/`--format json` carries/.test(section), `${code}: fixes carried: ${carries}`).toBe(
      carries,
    );
  });

  test('names as exceptions only codes of the table, each with a comment for an example', () => {
    for (const code of Object.keys(NOT_SHOWN_AS_TEXT) as Code[]) {
      expect(ALL_CODES).toContain(code);

      const { failing, fixed } = examplesOf(code);
      expect(failing?.text).toMatch(/^\/\/ .*\n$/);
      expect(fixed).toBeUndefined();
    }
  });
});
