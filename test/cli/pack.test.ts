/**
 * The published CLI: `pnpm pack` of packages/cli gives a tarball whose only dependency is
 * @kpilang/render (the compiler, the schema and their libraries are bundled into it), and the
 * tarballs of cli, render and rule-set, laid out as a package manager installs them, run
 * `kpic` from the installed files alone.
 *
 * Tests run without a registry, so the libraries render and rule-set depend on (handlebars,
 * pdfkit, playwright-core, the font, zod) are linked from the workspace's own install rather
 * than downloaded; every file of ours comes from the tarballs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CLEAN } from './frameworks.js';
import { REPO_ROOT, workspace } from './kpic-process.js';

const scratch = mkdtempSync(join(tmpdir(), 'kpic-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Packs a workspace package into the scratch folder; returns the tarball's path. */
function pack(name: string): string {
  const output = execFileSync('pnpm', ['pack', '--pack-destination', scratch], {
    cwd: join(REPO_ROOT, 'packages', name),
    encoding: 'utf8',
  });
  const tarball = output.trim().split('\n').pop()!.trim();
  return tarball.startsWith('/') ? tarball : join(scratch, tarball);
}

/** Unpacks a tarball into `node_modules/<name>` under `prefix`, as an install would. */
function unpack(tarball: string, prefix: string, name: string): string {
  const folder = join(prefix, 'node_modules', name);
  mkdirSync(folder, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', folder, '--strip-components=1']);
  return folder;
}

/** Links the third-party dependencies of an unpacked package from the workspace install. */
function linkLibraries(folder: string, workspacePackage: string, prefix: string): void {
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  for (const name of Object.keys(manifest.dependencies ?? {})) {
    if (name.startsWith('@kpilang/')) continue;
    const installed = join(REPO_ROOT, 'packages', workspacePackage, 'node_modules', name);
    const link = join(prefix, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(installed), link, 'dir');
  }
}

describe('the packed CLI', () => {
  test('depends on @kpilang/render alone and runs from its tarballs', { timeout: 120_000 }, () => {
    const tarballs = { cli: pack('cli'), render: pack('render'), 'rule-set': pack('rule-set') };
    expect(tarballs.cli).toMatch(/kpilang-cli-0\.1\.0\.tgz$/);

    const prefix = join(scratch, 'prefix');
    const cli = unpack(tarballs.cli, prefix, '@kpilang/cli');
    const manifest = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    // pnpm pack turns workspace:* into the version, so a registry install finds the package.
    expect(manifest.dependencies).toEqual({ '@kpilang/render': '0.1.0' });

    const root = workspace(CLEAN);
    const run = (args: string[]) => {
      const result = spawnSync(process.execPath, [join(cli, 'dist', 'kpic.js'), ...args], {
        cwd: root,
        encoding: 'utf8',
      });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    // Without the renderer, --html says what is missing instead of failing with a stack.
    expect(run(['build', 'fw', '--html', '--out', 'bare'])).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^kpic: --html and --pdf need the package @kpilang\/render/m),
    });

    const render = unpack(tarballs.render, prefix, '@kpilang/render');
    const ruleSet = unpack(tarballs['rule-set'], prefix, '@kpilang/rule-set');
    linkLibraries(render, 'render', prefix);
    linkLibraries(ruleSet, 'rule-set', prefix);

    expect(run(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    expect(run(['check', 'fw']).stdout).toMatch(/^0 errors, \d+ warnings? in 2 files$/m);
    expect(run(['build', 'fw', '--out', 'plain'])).toMatchObject({
      code: 0,
      stdout: 'Wrote plain/demo.rules.json\n',
    });
  });
});
