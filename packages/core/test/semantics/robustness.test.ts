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

const value = fc.constantFrom(
  '0',
  '1',
  '2',
  '4.0',
  '0.95',
  '50%',
  '80%',
  '95%',
  '100%',
  '120%',
  '48h',
  '3d',
  '-2',
);
const condition = fc.oneof(
  fc.tuple(fc.constantFrom('>', '>=', '<', '<=', '=', '≥'), value).map(([op, v]) => `${op} ${v}`),
  fc.tuple(value, value).map(([low, high]) => `${low} .. ${high}`),
  fc.tuple(value, value).map(([low, high]) => `from ${low} to under ${high}`),
  value.map((v) => `under ${v}`),
);
const bands = fc
  .array(fc.tuple(fc.constantFrom('excellent', 'good', 'poor', 'nope'), condition), {
    maxLength: 4,
  })
  .map((list) => `bands { ${list.map(([level, cond]) => `${level} ${cond}`).join('  ')} }`);
const field = fc.oneof(
  fc
    .constantFrom(
      'percent',
      'count',
      'hours',
      'likert5',
      'agree',
      '"Hours/Days"',
      'count per month',
    )
    .map((u) => `unit ${u}`),
  fc.constantFrom('week', 'month', 'quarter', 'half', 'year').map((f) => `every ${f}`),
  fc.constantFrom('mean', 'sum', 'every', 'mean').map((a) => `aggregate ${a}`),
  fc.constantFrom('carry', 'missing').map((b) => `between measurements ${b}`),
  fc.constantFrom('higher', 'lower').map((b) => `better ${b}`),
  fc
    .constantFrom('x / y', 'survey s minimum 3 responses', 'min(a, 5%, 2)', 'mean()', 'a + 5% + 2')
    .map((m) => `measure ${m}`),
  condition.map((c) => `target ${c}`),
  bands,
);
const indicator = fc
  .tuple(fc.constantFrom('a', 'b', 'c'), fc.array(field, { maxLength: 8 }))
  .map(([id, fields]) => `kpi ${id} "${id}" { kind process ${fields.join(' ')} }`);
const assignment = fc
  .tuple(
    fc.constantFrom('a', 'b', 'c', 'd'),
    fc.option(value),
    fc.option(condition),
    fc.option(bands),
  )
  .map(([id, weight, target, own]) =>
    [id, weight ? `weight ${weight}` : '', target ? `target ${target}` : '', own ?? ''].join(' '),
  );
const position = fc
  .tuple(fc.constantFrom('p', 'q'), fc.boolean(), fc.array(assignment, { maxLength: 4 }))
  .map(
    ([id, inGroup, lines]) =>
      `position ${id} "${id}" ${inGroup ? 'in g' : ''} { ${lines.join('  ')} }`,
  );
const context = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('a', 'b', 'z'), fc.option(condition), fc.option(bands)), {
      maxLength: 2,
    }),
    fc.array(fc.tuple(fc.constantFrom('p', 'q'), fc.array(assignment, { maxLength: 3 })), {
      maxLength: 2,
    }),
  )
  .map(
    ([overrides, blocks]) =>
      `context x "X" { ${overrides.map(([id, t, b]) => `${id} ${t ? `target ${t}` : ''} ${b ?? ''}`).join(' ')} ` +
      `${blocks.map(([id, lines]) => `position ${id} { ${lines.join('  ')} }`).join(' ')} }`,
  );
const framework = fc
  .tuple(
    fc.array(indicator, { maxLength: 3 }),
    fc.array(position, { maxLength: 2 }),
    fc.array(context, { maxLength: 2 }),
  )
  .map(([kpis, positions, contexts]) =>
    [
      HEADER,
      'scale agree "A" from 1 to 5',
      'rating { ok "OK" from 50  ko "KO" under 60 }',
      'group g "G" { a, b }',
      ...kpis,
      ...positions,
      ...contexts,
    ].join('\n'),
  );

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

  test('random frameworks built from valid pieces never reach an internal error', () => {
    fc.assert(
      fc.property(framework, (text) => {
        const result = checkKpi(text);
        expect(withCode(result, 'KPI901')).toEqual([]);
      }),
      { numRuns: 300 },
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
        parts: [],
        conditions: [],
        quotas: [],
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
