/**
 * Golden tests on the paper's real tables and on the Decree 335/2025 example. The
 * as-published check is pinned diagnostic by diagnostic (file, code, severity, range), and
 * the rule sets built from the corrected CEMA framework and from the decree are pinned byte
 * for byte. After an intended change, regenerate both with
 * `UPDATE_GOLDEN=1 pnpm exec vitest run test/golden` and review the diff like code.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT } from '../cli/kpic-process.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const here = join(REPO_ROOT, 'test', 'golden');

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes?: { title: string; edits: { file: string; newText: string }[] }[];
}

/** Compares `actual` with the golden file `name`, or rewrites the file under UPDATE_GOLDEN=1. */
function golden(name: string, actual: string): string {
  const path = join(here, name);
  if (UPDATE || !existsSync(path)) writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
}

describe('examples/cema/as-published', () => {
  const run = kpic(['check', 'examples/cema/as-published', '--format', 'json'], REPO_ROOT);
  const diagnostics = JSON.parse(run.stdout) as JsonDiagnostic[];

  test('fails the check with exit code 1', () => {
    expect(run.code).toBe(1);
  });

  test('reports the pinned diagnostics: file, code, severity and range', () => {
    const pinned = diagnostics.map(({ file, code, severity, range }) => ({
      file,
      code,
      severity,
      range,
    }));
    const actual = `${JSON.stringify(pinned, null, 1)}\n`;
    expect(actual).toBe(golden('cema-as-published.diagnostics.json', actual));
  });

  /** The one diagnostic with `code` whose message mentions every fragment. */
  function find(code: string, ...fragments: string[]): JsonDiagnostic {
    const matches = diagnostics.filter(
      (diagnostic) =>
        diagnostic.code === code &&
        fragments.every((fragment) => diagnostic.message.includes(fragment)),
    );
    expect(matches, `${code} with ${fragments.join(', ')}`).toHaveLength(1);
    return matches[0] as JsonDiagnostic;
  }

  test("finds Table 2's weights summing to 75%, with a fix rebalancing them to 33%, 40%, 27%", () => {
    const found = find('KPI201', 'ethnic_policy_officer', '75%');
    expect(found.severity).toBe('error');
    expect(found.fixes?.map((fix) => fix.title)).toEqual([
      "Rebalance the weights of 'ethnic_policy_officer' to 100% (33%, 40%, 27%)",
    ]);
  });

  test('finds task completion leaving 80% to 95% unrated, and its 95% objective unrated', () => {
    expect(find('KPI301', 'task_completion', '80%', '95%').severity).toBe('error');
    expect(find('KPI305', 'task_completion', 'exactly 95%').severity).toBe('warning');
  });

  test('finds record quality leaving 70% to 90% unrated', () => {
    find('KPI301', 'records_quality', '70%', '90%');
  });

  test('finds audit compliance leaving exactly the count 2 unrated', () => {
    find('KPI301', 'audit_compliance', 'exactly 2');
  });

  test('finds collaborating-unit satisfaction leaving 3.0 to 4.0 unrated, with a fix', () => {
    const found = find('KPI301', 'partner_satisfaction', '3.0 to 4.0');
    expect(found.fixes?.map((fix) => fix.title)).toEqual([
      "Extend 'improve' to 4.0 to close the gap",
    ]);
  });

  test("Table 2's gaps below the lowest band get no fix: nothing ends where they start", () => {
    const edgeGaps = diagnostics.filter(
      (diagnostic) => diagnostic.code === 'KPI301' && diagnostic.file.endsWith('ethnic-policy.kpi'),
    );
    expect(edgeGaps.length).toBeGreaterThan(0);
    expect(edgeGaps.map((diagnostic) => diagnostic.fixes)).toEqual(edgeGaps.map(() => undefined));
  });

  test('finds the monthly update measure without an aggregation in a quarterly cycle', () => {
    const found = find('KPI401', 'database_updates', 'monthly', 'quarterly');
    expect(found.file).toBe('examples/cema/as-published/head-of-personnel.kpi');
    expect(found.fixes?.map((fix) => fix.edits.map((edit) => edit.newText))).toEqual([
      ['\n  aggregate mean'],
      ['\n  aggregate sum'],
    ]);
  });

  test('finds the annual approval rate that cannot be rated in three quarters of four', () => {
    find('KPI402', 'policy_approval', '3 quarters of 4');
  });

  test("warns that Appendix 1's catalogue indicators have no thresholds", () => {
    const noBands = diagnostics.filter((diagnostic) => diagnostic.code === 'KPI602');
    expect(noBands.map((diagnostic) => diagnostic.severity)).toEqual([
      'warning',
      'warning',
      'warning',
      'warning',
    ]);
    expect(noBands.every((diagnostic) => diagnostic.file.endsWith('catalogue.kpi'))).toBe(true);
  });
});

describe('examples/cema/framework', () => {
  const out = mkdtempSync(join(tmpdir(), 'kpic-golden-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('checks clean: no errors and no warnings', () => {
    const run = kpic(['check', 'examples/cema/framework', '--format', 'json'], REPO_ROOT);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  test('builds the pinned rule set, byte for byte', () => {
    const run = kpic(['build', 'examples/cema/framework', '--out', out], REPO_ROOT);
    expect(run.code).toBe(0);

    const built = readFileSync(join(out, 'cema.rules.json'), 'utf8');
    expect(built).toBe(golden('cema.rules.json', built));
  });
});

describe('examples/vn-decree-335', () => {
  const out = mkdtempSync(join(tmpdir(), 'kpilang-golden-decree-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  test('builds the pinned rule set, byte for byte: parts, conditions and the quota', () => {
    const run = kpic(['build', 'examples/vn-decree-335/framework', '--out', out], REPO_ROOT);
    expect(run.code).toBe(0);

    const built = readFileSync(join(out, 'vn_decree_335.rules.json'), 'utf8');
    expect(built).toBe(golden('vn-decree-335.rules.json', built));
    const rules = JSON.parse(built);
    expect(rules.parts.map((part: { points: string }) => part.points)).toEqual(['30', '70']);
    expect(rules.quotas[0].demoteTo).toBe('completed_well');
  });
});
