/**
 * The checker never throws: on partly parsed trees it skips what is missing, on token soup
 * it reports nothing internal, every range lies inside its document, and an exception inside
 * one check becomes KPI901 at the node being checked while the other checks still run.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { KpiDecl, SourceFile } from '../../src/syntax/ast.js';
import { checkFiles } from '../../src/semantics/check.js';
import { parseSource } from '../../src/syntax/parse.js';
import { LineMap } from '../../src/syntax/source.js';
import { checkKpi, HEADER, only, rangeIn, withCode } from './helpers.js';

const WORDS = [
  'framework',
  'levels',
  'rating',
  'goal',
  'scale',
  'kpi',
  'group',
  'position',
  'context',
  'in',
  'weight',
  'target',
  'bands',
  'unit',
  'percent',
  'count',
  'likert5',
  'every',
  'quarter',
  'month',
  'aggregate',
  'sum',
  'between',
  'measurements',
  'measure',
  'survey',
  'better',
  'higher',
  'kind',
  'process',
  'points',
  'from',
  'to',
  'under',
  'source',
  'a',
  'b',
  'good',
  'poor',
  'excellent',
  '{',
  '}',
  '(',
  ')',
  ',',
  '/',
  '+',
  '-',
  '*',
  '>',
  '>=',
  '<',
  '<=',
  '=',
  '..',
  '95%',
  '0.5',
  '48h',
  '3d',
  '2',
  '120%',
  '"Tỷ lệ"',
  '"A" / "B"',
  '\n',
  '\r\n',
  '// note\n',
];

describe('partly parsed input', () => {
  test('B03: a position with no group name and a band with no value still get the weight check', () => {
    const text =
      HEADER +
      'position p "P" in { task_completion weight 30% }\nkpi k "K" { unit percent bands { good >= } }\n';
    const result = checkKpi(text);

    expect(result.syntax.length).toBeGreaterThanOrEqual(2);
    expect(withCode(result, 'KPI901')).toEqual([]);
    expect(only(result, 'KPI201').message).toBe("The weights of 'p' sum to 30%, not 100%.");
  });

  test('token soup never throws, never reports an internal error, and stays inside the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }), (tokens) => {
        const text = tokens.join(' ');
        const result = checkKpi(text);
        const map = new LineMap(text);
        const end = map.positionAt(text.length);

        expect(withCode(result, 'KPI901')).toEqual([]);
        for (const diagnostic of result.diagnostics) {
          const { start, last } = { start: diagnostic.range.start, last: diagnostic.range.end };
          expect(
            start.line < last.line ||
              (start.line === last.line && start.character <= last.character),
          ).toBe(true);
          expect(
            last.line < end.line || (last.line === end.line && last.character <= end.character),
          ).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('no files at all give an empty model and no diagnostics', () => {
    expect(checkFiles([])).toEqual({
      model: {
        levels: [],
        rating: [],
        goals: [],
        scales: [],
        indicators: [],
        groups: [],
        positions: [],
        contexts: [],
      },
      diagnostics: [],
    });
  });
});

describe('KPI901 an exception inside a check', () => {
  test('becomes an error at the node, and the other checks still run', () => {
    const text =
      HEADER +
      'kpi broken "B" { unit percent bands { good >= 50% poor < 50% } }\n' +
      'position p "P" { broken weight 30% }\n';
    const file: SourceFile = parseSource(text, 'test.kpi').file;
    const broken = file.declarations.find((decl): decl is KpiDecl => decl.kind === 'KpiDecl');
    // A tree no parser produces: the bands clause has no list. The checker must survive it.
    Object.assign(broken!.bands!, { bands: undefined });

    const { diagnostics } = checkFiles([file]);
    const internal = diagnostics.filter((diagnostic) => diagnostic.code === 'KPI901');

    expect(internal.length).toBeGreaterThanOrEqual(1);
    expect(internal[0]?.severity).toBe('error');
    expect(internal[0]?.uri).toBe('test.kpi');
    expect(internal[0]?.range).toEqual(rangeIn(text, 'kpi broken', 'broken'));
    expect(internal[0]?.message).toMatch(
      /^kpic failed while checking \(.+\): .+\. Please report this\.$/,
    );
    expect(diagnostics.some((diagnostic) => diagnostic.code === 'KPI201')).toBe(true);
  });
});
