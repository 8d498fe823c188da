/** The JSON report: an array of LSP-shaped diagnostics named by relative file. */
import { describe, expect, test } from 'vitest';
import { makeDiagnostic, type Range } from '@kpilang/core';
import { formatDiagnosticsJson } from '../src/format-json.js';

const where: Range = { start: { line: 3, character: 4 }, end: { line: 3, character: 9 } };

describe('formatDiagnosticsJson', () => {
  test('prints an array of {code, severity, message, file, range} with zero-based ranges', () => {
    const diagnostic = makeDiagnostic('KPI201', 'fw/positions.kpi', where, ['head', '75']);
    const parsed: unknown = JSON.parse(formatDiagnosticsJson([diagnostic]));

    expect(parsed).toEqual([
      {
        code: 'KPI201',
        severity: 'error',
        message: diagnostic.message,
        file: 'fw/positions.kpi',
        range: where,
      },
    ]);
  });

  test('names related places and fix edits by file too, and keeps data', () => {
    const diagnostic = makeDiagnostic('KPI306', 'a.kpi', where, ['0.95', '95%'], {
      related: [{ uri: 'b.kpi', range: where, message: 'declared here' }],
      fixes: [{ title: 'Write 95%', edits: [{ uri: 'a.kpi', range: where, newText: '95%' }] }],
      data: { meant: '95' },
    });
    const [entry] = JSON.parse(formatDiagnosticsJson([diagnostic])) as Record<string, unknown>[];

    expect(entry?.related).toEqual([{ file: 'b.kpi', range: where, message: 'declared here' }]);
    expect(entry?.fixes).toEqual([
      { title: 'Write 95%', edits: [{ file: 'a.kpi', range: where, newText: '95%' }] },
    ]);
    expect(entry?.data).toEqual({ meant: '95' });
  });

  test('prints an empty array when there is nothing to report', () => {
    expect(formatDiagnosticsJson([])).toBe('[]\n');
  });
});
