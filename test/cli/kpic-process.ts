/**
 * Helpers for the end-to-end tests: spawn the built `kpic` (packages/cli/dist/kpic.js, made by
 * `pnpm -r run build`) in a folder of files written for the test, with a clean environment.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const KPIC = join(REPO_ROOT, 'packages', 'cli', 'dist', 'kpic.js');

export interface KpicRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built kpic with `args` in `cwd`; colour variables are unset unless given. */
export function kpic(args: string[], cwd: string, env: Record<string, string> = {}): KpicRun {
  if (!existsSync(KPIC)) throw new Error(`${KPIC} is missing: run 'pnpm -r run build' first.`);
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'TERM']) delete base[name];

  const result = spawnSync(process.execPath, [KPIC, ...args], {
    cwd,
    env: { ...base, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

afterEach(() => {
  for (const folder of made.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder holding `files` (relative path to content); removed after the test. */
export function workspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'kpic-e2e-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** True when `text` looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+:\d+:\d+\)?$/m.test(text) || /node:internal/.test(text);
}
