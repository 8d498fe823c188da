/**
 * A reader that stops early (`kpic check | head`) must not make kpic print a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { hasStackTrace, KPIC, workspace } from './kpic-process.js';

/**
 * A framework with thousands of diagnostics (errors among them: an ambiguous unit), so the
 * report is far longer than a pipe holds.
 */
function noisyFramework(): Record<string, string> {
  const kpis = Array.from({ length: 3000 }, (_, i) => `kpi k${i} "K ${i}" { unit "Hours/Days" }`);
  return { 'fw/a.kpi': `framework f "F" { cycle quarterly }\n${kpis.join('\n')}\n` };
}

describe('kpic writing into a closed pipe', () => {
  test.each([['text'], ['json']])(
    'stops quietly when the reader of its %s output goes away',
    (format) => {
      const root = workspace(noisyFramework());
      const script = `"${process.execPath}" "${KPIC}" check fw --format ${format} | head -c 10 >/dev/null`;
      const result = spawnSync('sh', ['-c', script], { cwd: root, encoding: 'utf8' });

      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
    },
  );

  test('still exits with the code of the check: 1, the framework has errors', () => {
    const root = workspace(noisyFramework());
    const script = `set -o pipefail; "${process.execPath}" "${KPIC}" check fw | head -c 10 >/dev/null`;
    const result = spawnSync('bash', ['-c', script], { cwd: root, encoding: 'utf8' });

    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });
});
