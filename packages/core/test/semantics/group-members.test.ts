/**
 * Group members: an indicator listed twice in one group counts once and gets KPI105, with a
 * fix that removes the repeat and the separator before it.
 */
import { describe, expect, test } from 'vitest';
import { LineMap, type Range } from '../../src/syntax/source.js';
import { checkKpi, codesOf, HEADER, only } from './helpers.js';

const KPIS =
  'kpi a "A" { kind output measure x / y unit percent better higher target >= 90%\n' +
  '  bands { excellent >= 90%  poor < 90% } every quarter source "S" }\n' +
  'kpi b "B" { kind output measure x / y unit percent better higher target >= 90%\n' +
  '  bands { excellent >= 90%  poor < 90% } every quarter source "S" }\n';

/** Applies one edit of a fix to `text`. */
function applyEdit(text: string, edit: { range: Range; newText: string }): string {
  const map = new LineMap(text);
  const start = map.offsetAt(edit.range.start);
  return text.slice(0, start) + edit.newText + text.slice(map.offsetAt(edit.range.end));
}

describe('a group that lists an indicator twice', () => {
  const text = `${HEADER}${KPIS}group g "G" { a, b, a }\nposition p "P" in g { a weight 50%  b weight 50% }\n`;

  test('gets one KPI105 warning at the repeat, and the weights still add up', () => {
    const result = checkKpi(text);
    const diagnostic = only(result, 'KPI105');

    expect(diagnostic.severity).toBe('warning');
    const repeat = text.indexOf('{ a, b, a }') + '{ a, b, '.length;
    expect(diagnostic.range).toEqual(new LineMap(text).rangeOf(repeat, repeat + 1));
    expect(diagnostic.message).toBe(
      "Group 'g' lists 'a' twice; it counts once, so remove the repeat.",
    );
    expect(codesOf(result)).not.toContain('KPI201');
    expect(codesOf(result)).not.toContain('KPI205');
  });

  test('has a fix that leaves the group as if written once', () => {
    const fix = only(checkKpi(text), 'KPI105').fixes?.[0];
    const edit = fix?.edits[0];
    expect(edit).toBeDefined();

    const fixed = applyEdit(text, edit!);
    expect(fixed).toContain('group g "G" { a, b }');
    expect(codesOf(checkKpi(fixed))).toEqual([]);
  });

  test('is not reported for a group that lists each indicator once', () => {
    const once = text.replace('{ a, b, a }', '{ a, b }');
    expect(codesOf(checkKpi(once))).not.toContain('KPI105');
  });
});
