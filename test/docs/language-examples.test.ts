/**
 * Keeps the examples of docs/language.md true: every ```kpi block parses and reads without
 * a KPI0xx diagnostic (syntax, files, dates) unless it is marked `<!-- fragment -->`, and the
 * short tour says what `kpic check` reports on it, as it is and with `> 95%`.
 */
import { describe, expect, test } from 'vitest';
import {
  describeAll,
  diagnosticsOf,
  diagnosticsPrelude,
  kpiBlocks,
  readDoc,
} from './kpi-blocks.js';

const doc = readDoc('language.md');
const prelude = diagnosticsPrelude();
const blocks = kpiBlocks(doc);
const whole = blocks.filter((block) => block.marker !== 'fragment');

/** The tour: the first block of the page, a complete framework. */
const tour = blocks[0]!.text;

describe('the examples of docs/language.md', () => {
  test('has examples, and most of them are whole declarations', () => {
    expect(whole.length).toBeGreaterThan(blocks.length / 2);
  });

  test.each(whole.map((block) => [block.line, block] as const))(
    'the block at line %i parses without a syntax, file or date diagnostic',
    (_line, block) => {
      const syntax = diagnosticsOf(block.text, prelude).filter((diagnostic) =>
        diagnostic.code.startsWith('KPI0'),
      );
      expect(describeAll(syntax)).toEqual([]);
    },
  );

  test('the tour checks with one warning, the process-only position (KPI604)', () => {
    const reported = diagnosticsOf(tour);

    expect(reported.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['KPI604', 'warning'],
    ]);
  });

  test("the tour with '> 95%' reports one error, KPI301, that leaves exactly 95% unrated", () => {
    const changed = tour.replace('excellent from 95%', 'excellent > 95%');
    expect(changed).not.toBe(tour);

    const errors = diagnosticsOf(changed).filter((diagnostic) => diagnostic.severity === 'error');
    expect(errors.map((diagnostic) => diagnostic.code)).toEqual(['KPI301']);
    expect(errors[0]!.message).toContain('exactly 95% unrated');
  });
});
