/** The text report: location, severity and code, source line, caret, notes and summary. */
import { describe, expect, test } from 'vitest';
import pc from 'picocolors';
import { makeDiagnostic, type Diagnostic, type Range } from '@kpilang/core';
import { formatDiagnosticsText } from '../src/format-text.js';

const plain = pc.createColors(false);

function range(line: number, from: number, to: number, endLine = line): Range {
  return { start: { line, character: from }, end: { line: endLine, character: to } };
}

function gap(uri: string, where: Range): Diagnostic {
  return makeDiagnostic('KPI301', uri, where, ["'task_completion'", 'from 80 to 95']);
}

function report(diagnostics: Diagnostic[], texts: Record<string, string>, fileCount = 1): string {
  return formatDiagnosticsText(diagnostics, {
    texts: new Map(Object.entries(texts)),
    fileCount,
    colors: plain,
  });
}

describe('formatDiagnosticsText', () => {
  test('prints file:line:col with 1-based numbers, severity, code and message', () => {
    const text = 'kpi a "A" {\n  bands { good > 95% }\n}\n';
    const diagnostic = gap('fw/a.kpi', range(1, 10, 20));
    const lines = report([diagnostic], { 'fw/a.kpi': text }).split('\n');

    expect(lines[0]).toBe(`fw/a.kpi:2:11: error KPI301 ${diagnostic.message}`);
  });

  test('shows the source line and underlines exactly the range', () => {
    const text = 'kpi a "A" {\n  bands { good > 95% }\n}\n';
    const lines = report([gap('a.kpi', range(1, 10, 20))], { 'a.kpi': text }).split('\n');

    expect(lines[1]).toBe(' 2 |   bands { good > 95% }');
    expect(lines[2]).toBe('   |           ^^^^^^^^^^');
    expect(lines[2]!.indexOf('^') - '   | '.length).toBe(10);
  });

  test('keeps the caret under the right word after a Vietnamese label', () => {
    const line = 'kpi a "Tỷ lệ hoàn thành" { unit phần_trăm }';
    const start = line.indexOf('phần_trăm');
    const diagnostic = gap('a.kpi', range(0, start, start + 9));
    const lines = report([diagnostic], { 'a.kpi': line }).split('\n');

    expect(lines[0]).toContain(`a.kpi:1:${start + 1}:`);
    expect(lines[2]).toBe(`   | ${' '.repeat(start)}^^^^^^^^^`);
  });

  test('lines the caret up under decomposed accents, one column per visible letter', () => {
    const label = 'Tỷ lệ'.normalize('NFD');
    const line = `kpi a "${label}" x`;
    const start = line.length - 1;
    const diagnostic = gap('a.kpi', range(0, start, start + 1));
    const lines = report([diagnostic], { 'a.kpi': line }).split('\n');

    expect(lines[2]).toBe(`   | ${' '.repeat('kpi a "Tỷ lệ" '.length)}^`);
  });

  test('copies tabs into the padding so the caret lines up under tab-indented text', () => {
    const lines = report([gap('a.kpi', range(0, 2, 5))], { 'a.kpi': '\t\tbad' }).split('\n');

    expect(lines[2]).toBe('   | \t\t^^^');
  });

  test('marks an empty range with a single caret and a range over lines to its line end', () => {
    const text = 'abc\ndef\n';
    const empty = report([gap('a.kpi', range(0, 1, 1))], { 'a.kpi': text }).split('\n');
    const spanning = report([gap('a.kpi', range(0, 1, 2, 1))], { 'a.kpi': text }).split('\n');

    expect(empty[2]).toBe('   |  ^');
    expect(spanning[2]).toBe('   |  ^^');
  });

  test('shows a window of a very long line around the range, and does so quickly', () => {
    const line = `${'x '.repeat(100_000)}target${' y'.repeat(100_000)}`;
    const start = line.indexOf('target');
    const started = performance.now();
    const lines = report([gap('a.kpi', range(0, start, start + 6))], { 'a.kpi': line }).split('\n');

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines[1]!.length).toBeLessThan(200);
    expect(lines[1]).toMatch(/^ 1 \| …x x .* y y…$/);
    const caret = lines[2]!.indexOf('^');
    expect(lines[1]!.slice(caret, caret + 6)).toBe('target');
    expect(lines[2]!.slice(caret)).toBe('^^^^^^');
  });

  test('reports thousands of diagnostics on one very long line in time proportional to them', () => {
    const line = '# '.repeat(100_000);
    const diagnostics = Array.from({ length: 5_000 }, (_, index) =>
      gap('a.kpi', range(0, index * 40, index * 40 + 1)),
    );
    const started = performance.now();
    const text = report(diagnostics, { 'a.kpi': line });

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(text.split('\n')).toHaveLength(5_000 * 3 + 2);
  });

  test('underlines only the shown part of a range over a very long line', () => {
    const line = `kpi a "A" { ${'x '.repeat(300_000)}}`;
    const started = performance.now();
    const lines = report([gap('a.kpi', range(0, 12, line.length - 1))], { 'a.kpi': line }).split(
      '\n',
    );

    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lines[1]).toMatch(/^ 1 \| kpi a "A" \{ x x .*…$/);
    expect(lines[2]).toMatch(/^ {3}\| {13}\^+$/);
    expect(lines[2]!.length).toBe(lines[1]!.length - 1);
  });

  test('shows control characters as visible symbols, never as terminal commands', () => {
    const line = 'kpi a "\u001b[2J\u0007" { x }';
    const start = line.indexOf('x');
    const diagnostic = makeDiagnostic('KPI002', 'a\u001b.kpi', range(0, start, start + 1), [
      '\u001b[31m',
    ]);
    const text = report([diagnostic], { 'a\u001b.kpi': line });
    const lines = text.split('\n');

    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(lines[0]).toBe(
      `a\u241b.kpi:1:${start + 1}: error KPI002 '\u241b[31m' is not part of the language here.`,
    );
    expect(lines[1]).toBe(' 1 | kpi a "\u241b[2J\u2407" { x }');
    expect(lines[2]!.indexOf('^')).toBe(lines[1]!.indexOf(' x ') + 1);
  });

  test('prints related places as notes and fixes as help', () => {
    const diagnostic: Diagnostic = {
      ...gap('a.kpi', range(0, 0, 3)),
      related: [{ uri: 'b.kpi', range: range(4, 2, 3), message: 'the base value' }],
      fixes: [{ title: "Change '0.95' to '95%'", edits: [] }],
    };
    const lines = report([diagnostic], { 'a.kpi': 'abc' }).split('\n');

    expect(lines[3]).toBe('  note: b.kpi:5:3: the base value');
    expect(lines[4]).toBe("  help: Change '0.95' to '95%'");
  });

  test('prints only the header when the file text is not known', () => {
    const lines = report([gap('gone.kpi', range(0, 0, 1))], {}).split('\n');

    expect(lines[1]).toBe('1 error, 0 warnings in 1 file');
  });

  test('ends with a summary that counts errors, warnings and files', () => {
    const warning = makeDiagnostic('KPI104', 'a.kpi', range(0, 0, 1), ['unused']);
    const info = makeDiagnostic('KPI605', 'a.kpi', range(0, 0, 1), ['x']);
    const all = [gap('a.kpi', range(0, 0, 1)), warning, warning, info];
    const text = report(all, { 'a.kpi': 'a' }, 4);

    expect(text.trimEnd().split('\n').at(-1)).toBe('1 error, 2 warnings, 1 info in 4 files');
  });

  test('prints just the summary when there is nothing to report', () => {
    expect(report([], {}, 2)).toBe('0 errors, 0 warnings in 2 files\n');
  });

  test('adds colour codes only when asked to', () => {
    const colored = formatDiagnosticsText([gap('a.kpi', range(0, 0, 1))], {
      texts: new Map([['a.kpi', 'a']]),
      fileCount: 1,
      colors: pc.createColors(true),
    });

    expect(colored).toContain('\u001b[31m');
    expect(report([gap('a.kpi', range(0, 0, 1))], { 'a.kpi': 'a' })).not.toContain('\u001b[');
  });
});
