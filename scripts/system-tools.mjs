/**
 * Makes sure the programs the tests need beside Node are installed: a Chromium-family
 * browser (the browser PDF engine prints with it, and tests render pages with it),
 * pdftotext from poppler-utils (tests read the text back out of every PDF), and Python 3
 * with its jsonschema package (a test validates the rule set the way a Python consumer would).
 *
 * `pnpm test` and .ci/run call this first. When all are found it prints nothing. Otherwise,
 * as root on a machine with apt-get (a fresh CI box), it installs the missing ones; anywhere
 * else it prints the command to run and exits 1, since installing system packages is the
 * owner's call.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome'];

/** Each tool: what the tests use it for, how to tell it is there, and how to install it. */
const TOOLS = [
  {
    name: `a browser (${BROWSERS.join(', ')})`,
    use: 'to print PDFs',
    found: () => BROWSERS.some(onPath),
    // fonts-noto-core gives the browser a font with every Vietnamese diacritic.
    apt: ['chromium', 'fonts-noto-core'],
    mac: 'brew install --cask chromium',
  },
  {
    name: 'pdftotext',
    use: 'to read PDFs back',
    found: () => onPath('pdftotext'),
    apt: ['poppler-utils'],
    mac: 'brew install poppler',
  },
  {
    name: "Python 3's jsonschema package",
    use: 'to check the rule set against its schema from Python',
    found: () =>
      spawnSync('python3', ['-c', 'import jsonschema'], { stdio: 'ignore' }).status === 0,
    apt: ['python3-jsonschema'],
    mac: 'python3 -m pip install jsonschema',
  },
];

const missing = TOOLS.filter((tool) => !tool.found());
if (missing.length === 0) process.exit(0);
const APT_PACKAGES = missing.flatMap((tool) => tool.apt);
const needs = new Intl.ListFormat('en', { type: 'conjunction' }).format(
  missing.map((tool) => `${tool.name} ${tool.use}`),
);

const isRoot = process.getuid?.() === 0;
if (isRoot && onPath('apt-get')) {
  console.log(
    `system-tools: installing ${APT_PACKAGES.join(' ')} with apt-get, because the tests need ` +
      `${needs}.`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // One install for every missing package. apt-get's hundreds of lines of progress are kept
  // back and shown only if it fails.
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

console.error(`The tests need ${needs}, which this machine lacks. ${howToInstall()}`);
process.exit(1);

/** What to run on this machine, as the user would type it. */
function howToInstall() {
  let command;
  if (onPath('apt-get')) {
    const sudo = isRoot ? '' : 'sudo ';
    command = `${sudo}apt-get update && ${sudo}apt-get install -y ${APT_PACKAGES.join(' ')}`;
  } else if (process.platform === 'darwin') {
    command = missing.map((tool) => tool.mac).join(' && ');
  } else {
    return (
      'Install Chromium (or Google Chrome), poppler-utils (which has pdftotext) and Python 3 ' +
      'with its jsonschema package with your package manager, then run the tests again.'
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
