/**
 * Deeply nested input gets KPI004, never a stack overflow: thousands of brackets, long chains
 * of unary minus, unclosed brackets, and calls inside calls.
 */
import { describe, expect, test } from 'vitest';
import type { Expr } from '../../src/syntax/ast.js';
import { find, parseKpi } from './helpers.js';

function codes(text: string): string[] {
  return parseKpi(text).diagnostics.map((diagnostic) => diagnostic.code);
}

/** How many brackets and negations wrap the innermost part of a formula. */
function depthOf(expr: Expr | undefined): number {
  let depth = 0;
  let current = expr;
  while (current?.kind === 'Paren' || current?.kind === 'Negation') {
    depth += 1;
    current = current.kind === 'Paren' ? current.inner : current.operand;
  }
  return depth;
}

describe('nesting limits', () => {
  for (const count of [10_000, 100_000]) {
    test(`${count} nested brackets give one KPI004 and the rest of the file still parses`, () => {
      const formula = `${'('.repeat(count)}x${')'.repeat(count)}`;
      const result = parseKpi(
        `kpi a "A" { measure ${formula} unit percent }\nkpi b "B" { unit count }`,
      );
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['KPI004']);

      const a = find(result.file, 'KpiDecl', 'a');
      const formulaNode =
        a.measurement?.kind === 'FormulaMeasurement' ? a.measurement.formula : undefined;
      expect(depthOf(formulaNode)).toBe(64);
      expect(a.unit?.name?.text).toBe('percent');
      expect(find(result.file, 'KpiDecl', 'b').unit?.name?.text).toBe('count');
    });
  }

  test('100,000 unary minus signs give one KPI004', () => {
    const result = parseKpi(`kpi a "A" { measure ${'-'.repeat(100_000)}x every month }`);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['KPI004']);
    expect(find(result.file, 'KpiDecl', 'a').every?.value?.text).toBe('month');
  });

  test('alternating minus and brackets count both kinds of level', () => {
    expect(codes(`kpi a "A" { measure ${'-('.repeat(32)}x${')'.repeat(32)} }`)).toEqual([]);
    expect(codes(`kpi a "A" { measure ${'-('.repeat(33)}x${')'.repeat(33)} }`)).toEqual(['KPI004']);
  });

  test('binary minus between operands does not count as nesting', () => {
    const formula = Array.from({ length: 60 }, (_, index) => `(m${index})`).join(' - ');
    expect(codes(`kpi a "A" { measure ${formula} }`)).toEqual([]);
  });

  test('10,000 unclosed brackets give KPI004 and a syntax error, not a crash', () => {
    const result = parseKpi(`kpi a "A" { measure ${'('.repeat(10_000)} }\ngoal g "G"`);
    const found = result.diagnostics.map((diagnostic) => diagnostic.code);
    expect(found[0]).toBe('KPI004');
    expect(found).toContain('KPI001');
    expect(find(result.file, 'GoalDecl', 'g').label?.vi.value).toBe('G');
  });

  test('calls nested inside calls are limited like brackets', () => {
    const formula = `${'min(a, '.repeat(5_000)}b${')'.repeat(5_000)}`;
    expect(codes(`kpi a "A" { measure ${formula} }`)).toEqual(['KPI004']);
  });

  test('a large flat file parses in reasonable time', () => {
    const declarations = Array.from(
      { length: 5_000 },
      (_, index) =>
        `kpi k${index} "Chỉ số ${index}" { unit percent better higher target >= 95% ` +
        `bands { excellent > 95% good 80% .. 95% poor < 80% } every quarter }`,
    );
    const started = performance.now();
    const result = parseKpi(declarations.join('\n'));
    const elapsed = performance.now() - started;
    expect(result.diagnostics).toEqual([]);
    expect(result.file.declarations).toHaveLength(5_000);
    expect(elapsed).toBeLessThan(10_000);
  });

  test('thousands of broken lines between declarations do not exhaust the stack', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `oops ${index}\ngoal g${index} "G"`);
    const result = parseKpi(lines.join('\n'));
    expect(result.diagnostics.every((diagnostic) => diagnostic.code === 'KPI001')).toBe(true);
    expect(result.diagnostics).toHaveLength(20_000);
    expect(result.file.declarations).toHaveLength(20_000);
  });

  test('thousands of broken lines inside one block do not exhaust the stack', () => {
    const lines = Array.from({ length: 20_000 }, (_, index) => `oops ${index} every month`);
    const result = parseKpi(`kpi a "A" {\n${lines.join('\n')}\n}\ngoal g "G"`);
    expect(result.diagnostics.some((diagnostic) => diagnostic.code === 'KPI901')).toBe(false);
    expect(find(result.file, 'GoalDecl', 'g').label?.vi.value).toBe('G');
  });
});
