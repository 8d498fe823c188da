/**
 * Keeps the diagnostic table, its documentation and its tests in step: every code has a
 * section of its own in docs/diagnostics.md with an example and a fix, and at least one
 * test outside this file names it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ALL_CODES, CODES } from '@kpilang/core';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'diagnostics.md'), 'utf8');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith('.test.ts') && !path.endsWith('diagnostics-doc.test.ts') ? [path] : [];
  });
}

const allTests = [
  join(root, 'test'),
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'test')),
]
  .filter((dir) => {
    try {
      return statSync(dir).isDirectory();
    } catch {
      return false;
    }
  })
  .flatMap(testFiles)
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');

describe('docs/diagnostics.md', () => {
  test.each(ALL_CODES)('%s has a section with its slug, an example and a fix', (code) => {
    const heading = new RegExp(`^## ${code} \`${CODES[code].slug}\`$`, 'm');
    expect(doc).toMatch(heading);

    const start = doc.search(heading);
    const next = doc.indexOf('\n## ', start + 1);
    const section = doc.slice(start, next === -1 ? undefined : next);
    expect(section).toContain('```kpi');
    expect(section.toLowerCase()).toMatch(/\*\*fix\*\*|\*\*how to fix\*\*/);
    expect(section).toContain(`Severity: ${CODES[code].severity}`);
  });

  test('documents no code that the table does not have', () => {
    const documented = [...doc.matchAll(/^## (KPI\d{3}) /gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual([...ALL_CODES].sort());
  });

  test.each(ALL_CODES)('%s is exercised by at least one test', (code) => {
    expect(allTests).toContain(code);
  });
});
