/** `kpic check` end to end: exit codes, text and JSON output, colour, file problems. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BROKEN, CLEAN } from './frameworks.js';
import { hasStackTrace, kpic, workspace } from './kpic-process.js';

describe('kpic check', () => {
  test('exits 0 on a clean framework and says so in the summary', () => {
    const result = kpic(['check', 'fw'], workspace(CLEAN));

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^0 errors, \d+ warnings? in 2 files$/m);
  });

  test('exits 1 on an error and prints file:line:col, the code, the line and a caret', () => {
    const result = kpic(['check', 'fw'], workspace(BROKEN));
    const lines = result.stdout.split('\n');
    const header = lines.findIndex((line) => line.startsWith('fw/positions.kpi:8:'));

    expect(result.code).toBe(1);
    expect(lines[header]).toMatch(/^fw\/positions\.kpi:8:\d+: error KPI\d{3} \S/);
    expect(lines[header + 1]).toBe(' 8 |     excellent >>> 95%');
    const column = Number(/:8:(\d+):/.exec(lines[header]!)?.[1]);
    expect(lines[header + 2]!.indexOf('^')).toBe(' 8 | '.length + column - 1);
    expect(result.stdout).toMatch(/^[1-9]\d* errors?, \d+ warnings? in 2 files$/m);
  });

  test('prints a JSON array of LSP-shaped diagnostics with --format json', () => {
    const result = kpic(['check', 'fw', '--format', 'json'], workspace(BROKEN));
    const diagnostics = JSON.parse(result.stdout) as Record<string, unknown>[];
    const leading = ['code', 'severity', 'message', 'file', 'range'];

    expect(result.code).toBe(1);
    for (const diagnostic of diagnostics) {
      expect(Object.keys(diagnostic).slice(0, 5)).toEqual(leading);
      expect(diagnostic.code).toMatch(/^KPI\d{3}$/);
    }
    // The syntax error on line 8 (zero-based 7), at the second '>' (zero-based column 15).
    expect(diagnostics).toContainEqual({
      code: 'KPI001',
      severity: 'error',
      message: expect.any(String),
      file: 'fw/positions.kpi',
      range: { start: { line: 7, character: 15 }, end: { line: 7, character: expect.any(Number) } },
    });
  });

  test('names files relative to the working directory, whatever path was given', () => {
    const root = workspace(BROKEN);
    const fromInside = kpic(['check', '.', '--format', 'json'], join(root, 'fw'));
    const absolute = kpic(['check', join(root, 'fw'), '--format', 'json'], root);

    expect(JSON.parse(fromInside.stdout)[0].file).toBe('positions.kpi');
    expect(JSON.parse(absolute.stdout)[0].file).toBe('fw/positions.kpi');
  });

  test('exits 2 on a missing path even when the other files have errors', () => {
    const result = kpic(['check', 'fw', 'nowhere/file.kpi'], workspace(BROKEN));

    expect(result.code).toBe(2);
    expect(result.stderr).toBe("kpic: cannot use 'nowhere/file.kpi': no such file or folder.\n");
    expect(result.stdout).toBe('');
  });

  test('exits 2 with one line, never a stack trace, for a missing file or an empty folder', () => {
    const root = workspace({ 'empty/readme.txt': 'no kpi here' });
    for (const path of ['missing.kpi', 'empty']) {
      const result = kpic(['check', path], root);

      expect(result.code).toBe(2);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^kpic: /);
      expect(hasStackTrace(result.stderr)).toBe(false);
    }
  });

  test('exits 2 with one line for a path that is not a regular file', () => {
    const root = workspace({});
    execFileSync('mkfifo', [join(root, 'pipe.kpi')]);
    const result = kpic(['check', 'pipe.kpi'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toBe("kpic: 'pipe.kpi' is neither a file nor a folder.\n");
  });

  test('reports a file that is not UTF-8 as one error naming the file, not a crash', () => {
    const latin1 = Uint8Array.from([...Buffer.from('kpi a "Ch'), 0xe9, ...Buffer.from('" {}\n')]);
    const root = workspace({ ...CLEAN, 'fw/old.kpi': latin1 });
    const result = kpic(['check', 'fw', '--format', 'json'], root);
    const diagnostics = JSON.parse(result.stdout) as Record<string, string>[];
    const encoding = diagnostics.filter((diagnostic) => diagnostic.code === 'KPI005');

    expect(result.code).toBe(1);
    expect(encoding).toHaveLength(1);
    expect(encoding[0]?.file).toBe('fw/old.kpi');
    expect(encoding[0]?.message).toContain('fw/old.kpi');
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  test('reads the rest of a file that is not UTF-8, so its framework header still counts', () => {
    const header = Uint8Array.from([
      ...Buffer.from('framework f "Khung '),
      0xe9,
      ...Buffer.from('" { cycle quarterly }\n'),
    ]);
    const root = workspace({ 'fw/f.kpi': header });
    const diagnostics = JSON.parse(kpic(['check', 'fw', '--format', 'json'], root).stdout) as {
      code: string;
      range: { start: { line: number; character: number } };
    }[];

    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('KPI010');
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'KPI005')?.range.start).toEqual({
      line: 0,
      character: 19,
    });
  });

  test('colours only when asked: never in a pipe, with FORCE_COLOR, not with NO_COLOR', () => {
    const root = workspace(BROKEN);

    expect(kpic(['check', 'fw'], root).stdout).not.toContain('\u001b[');
    expect(kpic(['check', 'fw'], root, { FORCE_COLOR: '1' }).stdout).toContain('\u001b[31m');
    expect(kpic(['check', 'fw'], root, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain(
      '\u001b[',
    );
  });

  test('takes FORCE_COLOR=0 and FORCE_COLOR=false as asking for no colour', () => {
    const root = workspace(BROKEN);

    for (const value of ['0', 'false']) {
      expect(kpic(['check', 'fw'], root, { FORCE_COLOR: value }).stdout).not.toContain('\u001b[');
    }
  });
});
