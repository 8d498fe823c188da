/**
 * findBrowser: a given path must exist; otherwise the environment variables, the command
 * names on PATH and the usual install folders are tried in that order.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError, browserCandidates, findBrowser } from '@kpilang/render';

/** A fresh folder with a file `name`, executable unless `mode` says otherwise. */
function fakeBrowser(name: string, mode = 0o755): string {
  const folder = mkdtempSync(join(tmpdir(), 'kpic-browser-find-'));
  const path = join(folder, name);
  writeFileSync(path, '#!/bin/sh\nexit 1\n');
  chmodSync(path, mode);
  return path;
}

describe('findBrowser', () => {
  it('returns a given path that exists', async () => {
    const path = fakeBrowser('my-chrome');
    expect(await findBrowser(path)).toBe(path);
  });

  it('refuses a given path that does not exist, saying how to get a browser', async () => {
    const missing = join(tmpdir(), 'kpic-no-such-browser', 'chrome');
    const error = await findBrowser(missing).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).code).toBe('browser-not-found');
    expect((error as RenderError).message).toContain(missing);
    expect((error as RenderError).message).toContain('apt-get install chromium');
    expect((error as RenderError).message).toContain('--browser <path>');
  });

  it('says so when the given path is a folder', async () => {
    const folder = join(fakeBrowser('chrome'), '..');
    const error = await findBrowser(folder).catch((reason: unknown) => reason);
    expect((error as RenderError).message).toContain(`No browser at ${folder}: it is a folder`);
  });

  it('prefers KPIC_BROWSER, then a browser command on PATH', async () => {
    const chosen = fakeBrowser('custom-browser');
    const onPath = fakeBrowser('google-chrome');
    const folder = join(onPath, '..');
    const env = { KPIC_BROWSER: chosen, PATH: folder };
    expect(await findBrowser(undefined, { platform: 'linux', env })).toBe(chosen);
    expect(await findBrowser(undefined, { platform: 'linux', env: { PATH: folder } })).toBe(onPath);
  });

  it('skips a file on PATH that cannot be run', async () => {
    const notExecutable = fakeBrowser('chromium', 0o644);
    const found = await findBrowser(undefined, {
      platform: 'linux',
      env: { PATH: join(notExecutable, '..') },
    });
    expect(found).not.toBe(notExecutable);
  });

  it('finds nothing where there is nothing to find', async () => {
    expect(await findBrowser(undefined, { platform: 'win32', env: {} })).toBeUndefined();
  });

  it('knows the usual install folders of each system', () => {
    const linux = browserCandidates({ platform: 'linux', env: {} });
    expect(linux).toContain('/usr/bin/chromium');
    expect(linux).toContain('/usr/bin/google-chrome-stable');
    const mac = browserCandidates({ platform: 'darwin', env: { HOME: '/Users/me' } });
    expect(mac).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(mac).toContain(
      '/Users/me/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    const windows = browserCandidates({
      platform: 'win32',
      env: { PROGRAMFILES: 'C:\\Program Files', Path: 'C:\\bin' },
    });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows).toContain('C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(windows).toContain('C:\\bin\\msedge.exe');
  });
});
