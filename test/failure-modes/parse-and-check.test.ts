/**
 * The failure modes of ../shared/cases/failure-modes.md that concern parsing and checking,
 * run through the whole pipeline (`compileSources`), as the CLI and the editor see them.
 */
import { describe, expect, test } from 'vitest';
import { LineMap, type Diagnostic } from '@kpilang/core';
import { compileSources } from '@kpilang/core/emit';

const HEADER = 'framework t "T" { cycle quarterly }\n';

function compile(text: string, uri = 'a.kpi') {
  return compileSources([{ uri, text }], { emit: false });
}

function at(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

describe('B01: recovery keeps the rest of the file', () => {
  const text = [
    'kpi a "A" { unit percent better higher target >= 95% every quarter }',
    'kpi b "B" { unit percent better higher target >= = 90% every quarter }',
    'kpi c "C" { unit count better lower target <= 2 every month }',
    'position p "P" { a weight 50%  c weight 50% }',
    'kpi d "D" { unit percent bands { excellent > 95% good 80% ..',
  ].join('\n');

  test('reports the stray = and the unexpected end of file, and nothing about c', () => {
    const { diagnostics } = compile(HEADER + text);
    const syntax = at(diagnostics, 'KPI001');
    expect(syntax).toHaveLength(2);
    expect(syntax[0]?.range.start).toEqual({ line: 2, character: 49 });
    expect(syntax[1]?.message).toMatch(/end of file.*percentage/i);
    expect(diagnostics.some((d) => d.code === 'KPI101' && d.message.includes("'c'"))).toBe(false);
    expect(at(diagnostics, 'KPI201')).toHaveLength(0);
  });

  test('keeps kpi a, kpi c, position p and the excellent band of kpi d', () => {
    const { files } = compile(HEADER + text);
    const declarations = files[0]?.declarations ?? [];
    const ids = declarations.map((declaration) =>
      'id' in declaration ? declaration.id?.text : undefined,
    );
    expect(ids).toEqual(expect.arrayContaining(['a', 'c', 'p', 'd']));

    const d = declarations.find(
      (declaration) => declaration.kind === 'KpiDecl' && declaration.id?.text === 'd',
    );
    expect(d?.kind === 'KpiDecl' && d.bands?.bands[0]?.level.text).toBe('excellent');
  });
});

describe('B03: checks survive a partly parsed model', () => {
  const text =
    'position p "P" in { task_completion weight 30% }\nkpi k "K" { unit percent bands { good >= } }\n';

  test('reports the syntax errors and still checks the weights of p', () => {
    const { diagnostics } = compile(HEADER + text);
    expect(at(diagnostics, 'KPI001').length).toBeGreaterThanOrEqual(2);
    expect(at(diagnostics, 'KPI901')).toHaveLength(0);
    const weights = at(diagnostics, 'KPI201');
    expect(weights).toHaveLength(1);
    expect(weights[0]?.message).toContain('30%');
  });
});

describe('B05: CRLF line endings do not shift positions', () => {
  const lf =
    HEADER +
    'position p "P" in { task_completion weight 30% }\nkpi k "K" { unit percent bands { good >= } }\nkpi z "Z" { target >= 120% }\n';

  test('gives every diagnostic the range of the LF twin', () => {
    const fromLf = compile(lf).diagnostics;
    const fromCrlf = compile(lf.replace(/\n/g, '\r\n')).diagnostics;
    expect(fromCrlf.map((d) => [d.code, d.range])).toEqual(fromLf.map((d) => [d.code, d.range]));
  });

  test('reports 120% as outside the percent domain on line 4', () => {
    const text = HEADER + 'kpi z "Z" { unit percent target >= 120% }\n';
    const outside = at(compile(text.replace(/\n/g, '\r\n')).diagnostics, 'KPI304');
    expect(outside[0]?.range).toEqual({
      start: { line: 1, character: 35 },
      end: { line: 1, character: 39 },
    });
  });
});

describe('B06: columns are UTF-16 code units', () => {
  test('puts the out-of-scale 6 at character 53, after an emoji', () => {
    const { diagnostics } = compile(
      HEADER + 'kpi sat "Tỷ lệ hài lòng 😊" { unit likert5 target >= 6 }\n',
    );
    const outside = at(diagnostics, 'KPI304');
    expect(outside).toHaveLength(1);
    expect(outside[0]?.range.start).toEqual({ line: 1, character: 53 });
  });
});

describe('B08: a UTF-8 byte-order mark is invisible', () => {
  test('reads a file with a BOM exactly like its twin without one', () => {
    const text = HEADER + 'kpi z "Z" { unit percent target >= 120% }\n';
    const plain = compile(text).diagnostics;
    const withBom = compile('\uFEFF' + text).diagnostics;
    expect(withBom.map((d) => [d.code, d.range])).toEqual(plain.map((d) => [d.code, d.range]));
    expect(withBom.some((d) => d.range.start.line === 0 && d.code.startsWith('KPI00'))).toBe(false);
  });
});

describe('B14: weight sums are exact', () => {
  const kpis = ['a', 'b', 'c']
    .map(
      (id) => `kpi ${id} "${id}" { unit percent better higher bands { good >= 50%  poor < 50% } }`,
    )
    .join('\n');
  const levels = 'levels { good "Tốt" / "Good" points 100  poor "Kém" / "Poor" points 0 }\n';

  function weights(position: string) {
    return compile(`${HEADER}${levels}${kpis}\n${position}\n`).diagnostics.filter((d) =>
      d.code.startsWith('KPI2'),
    );
  }

  test('accepts 33.3% + 33.3% + 33.4%', () => {
    expect(weights('position p "P" { a weight 33.3%  b weight 33.3%  c weight 33.4% }')).toEqual(
      [],
    );
  });

  test('rejects 33.3% + 33.5% + 33.6% as 100.4%', () => {
    const found = weights('position q "Q" { a weight 33.3%  b weight 33.5%  c weight 33.6% }');
    expect(found.map((d) => d.code)).toEqual(['KPI201']);
    expect(found[0]?.message).toContain('100.4%');
  });

  test('recognises 0.1, 0.2, 0.7 as fractions and suggests percentages', () => {
    const found = weights('position r "R" { a weight 0.1  b weight 0.2  c weight 0.7 }');
    expect(found.map((d) => d.code)).toEqual(['KPI202']);
    expect(found[0]?.message).toMatch(/10%, 20%,? (and )?70%/);
  });
});

describe('B15: a value on a shared band edge', () => {
  test('reports that 95% falls in two bands when both include it', () => {
    const text =
      HEADER +
      'levels { excellent "X" points 100  good "G" points 80  poor "P" points 0 }\n' +
      'kpi t "Task completion" { unit percent better higher target >= 95%\n' +
      '  bands { excellent >= 95%  good 80% .. 95%  poor < 80% } }\n';
    const overlap = at(compile(text).diagnostics, 'KPI302');
    expect(overlap).toHaveLength(1);
    expect(overlap[0]?.message).toContain('95%');
  });
});

describe('every diagnostic lies inside its document', () => {
  test('for each failure-mode input above', () => {
    const inputs = [
      HEADER +
        'position p "P" in { task_completion weight 30% }\nkpi k "K" { unit percent bands { good >= } }',
      'kpi d "D" { unit percent bands { excellent > 95% good 80% ..',
      '\uFEFFkpi sat "Tỷ lệ 😊" { unit likert5 target >= 6 }\r\n',
    ];
    for (const text of inputs) {
      const map = new LineMap(text);
      const last = map.positionAt(text.length);
      for (const diagnostic of compile(text).diagnostics) {
        const { start, end } = diagnostic.range;
        expect(start.line <= end.line).toBe(true);
        expect(
          end.line < last.line || (end.line === last.line && end.character <= last.character),
        ).toBe(true);
      }
    }
  });
});
