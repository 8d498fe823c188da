/**
 * Makes sure the two programs the tests need beside Node are installed: a Chromium-family
 * browser (the browser PDF engine prints with it, and tests render pages with it) and
 * pdftotext from poppler-utils (tests read the text back out of every PDF).
 *
 * `pnpm test` and .ci/run call this first. When both are found it prints nothing. Otherwise,
 * as root on a machine with apt-get (a fresh CI box), it installs them; anywhere else it
 * prints the command to run and exits 1, since installing system packages is the owner's call.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome'];
const PDFTOTEXT = 'pdftotext';
// fonts-noto-core gives the browser a font with every Vietnamese diacritic.
const APT_PACKAGES = ['chromium', 'poppler-utils', 'fonts-noto-core'];

const missing = [];
if (!BROWSERS.some(onPath)) missing.push(`a browser (${BROWSERS.join(', ')})`);
if (!onPath(PDFTOTEXT)) missing.push('pdftotext');
if (missing.length === 0) process.exit(0);

const isRoot = process.getuid?.() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(
    `system-tools: installing ${APT_PACKAGES.join(' ')} with apt-get, because the tests ` +
      `need ${missing.join(' and ')}: they print PDFs with Chromium and read them with pdftotext.`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt-get's hundreds of lines of progress are kept back and shown only if it fails.
  for (const args of [['update'], ['install', '-y', ...APT_PACKAGES]]) {
    const result = spawnSync('apt-get', args, {
      env,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (result.status !== 0) {
      const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd().split('\n');
      console.error(output.slice(-40).join('\n'));
      console.error(`system-tools: apt-get ${args.join(' ')} failed (exit ${result.status}).`);
      process.exit(1);
    }
  }
  console.log('system-tools: installed.');
  process.exit(0);
}

console.error(
  `The tests need ${missing.join(' and ')}, which this machine lacks. ${howToInstall()}`,
);
process.exit(1);

/** What to run on this machine, as the user would type it. */
function howToInstall() {
  let command;
  if (onPath('apt-get')) {
    const sudo = isRoot ? '' : 'sudo ';
    command = `${sudo}apt-get update && ${sudo}apt-get install -y ${APT_PACKAGES.join(' ')}`;
  } else if (process.platform === 'darwin') {
    command = 'brew install --cask chromium && brew install poppler';
  } else {
    return (
      'Install Chromium (or Google Chrome) and poppler-utils (which has pdftotext) with ' +
      'your package manager, then run the tests again.'
    );
  }
  return `Install them with:\n\n  ${command}\n\nthen run the tests again.`;
}

/** True when an executable called `name` is on the PATH. */
function onPath(name) {
  const folders = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  return folders.some((folder) => {
    try {
      // Windows finds `pdftotext` as pdftotext.exe.
      const file = process.platform === 'win32' ? `${name}.exe` : name;
      accessSync(join(folder, file), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
