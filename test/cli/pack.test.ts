/**
 * The published CLI: `pnpm pack` of packages/cli gives a tarball that installs globally on
 * its own (the build bundles the workspace packages and libraries into it) and runs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLEAN } from './frameworks.js';
import { REPO_ROOT, workspace } from './kpic-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'kpic-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the packed CLI', () => {
  test('installs from its tarball into an empty prefix and runs kpic', { timeout: 120_000 }, () => {
    const cli = join(REPO_ROOT, 'packages', 'cli');
    execFileSync('pnpm', ['pack', '--pack-destination', scratch], { cwd: cli, stdio: 'pipe' });
    const tarball = readdirSync(scratch).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBe('kpilang-cli-0.1.0.tgz');

    const prefix = join(scratch, 'prefix');
    // Offline: a tarball with no dependencies must install without a registry.
    const flags = ['--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund'];
    execFileSync('npm', ['install', ...flags, join(scratch, tarball!)], { stdio: 'pipe' });
    const windows = process.platform === 'win32';
    const bin = windows ? join(prefix, 'kpic.cmd') : join(prefix, 'bin', 'kpic');

    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' })).toBe('0.1.0\n');
    const checked = execFileSync(bin, ['check', 'fw'], { cwd: workspace(CLEAN), encoding: 'utf8' });
    expect(checked).toMatch(/^0 errors, \d+ warnings? in 2 files$/m);
  });
});
