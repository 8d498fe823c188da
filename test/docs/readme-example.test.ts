/**
 * Keeps the README's short example true: it checks clean, and the two edits the README
 * describes report what the README says they report.
 */
import { describe, expect, test } from 'vitest';
import { diagnosticsOf, kpiBlocks, readDoc } from './kpi-blocks.js';

const example = kpiBlocks(readDoc('../README.md'))[0]!.text;

function codesOf(text: string): string[] {
  return diagnosticsOf(text).map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
}

describe("the README's example", () => {
  test('checks with no diagnostic at all', () => {
    expect(codesOf(example)).toEqual([]);
  });

  test("with the paper's 'excellent > 95%', reports exactly 95% as unrated", () => {
    const edited = example.replace('excellent from 95%', 'excellent > 95%');
    expect(edited).not.toBe(example);
    expect(codesOf(edited)).toEqual([
      expect.stringMatching(/^KPI301 .*leaves exactly 95% unrated/),
    ]);
  });

  test('without the good band too, reports 80% to 95% unrated and the unrated target', () => {
    const edited = example
      .replace('excellent from 95%', 'excellent > 95%')
      .replace(/\n\s*good\s+from 80% to under 95%/, '');
    const reported = codesOf(edited);
    expect(reported).toHaveLength(2);
    expect(reported).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^KPI301 .*80% to 95% unrated/),
        expect.stringMatching(/^KPI305 .*exactly 95% meets the target/),
      ]),
    );
  });
});
