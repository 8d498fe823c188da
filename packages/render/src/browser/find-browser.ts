/**
 * Finding a Chromium-family browser (Chrome, Chromium or Edge) to print with: the path the
 * user gave, else the KPIC_BROWSER or CHROME_PATH variable, the usual command names on PATH
 * and the usual install locations on Linux, macOS and Windows. Nothing is ever downloaded.
 */
import { access, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { posix, win32 } from 'node:path';
import { RenderError } from '../errors.js';

/** What the search reads from the machine; the real process by default, a stand-in in tests. */
export interface BrowserSearchPlaces {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
}

/** How to get a browser, for the message that says none was found. */
export const BROWSER_HELP =
  'Install one (on Debian or Ubuntu: apt-get install chromium; otherwise Google Chrome or ' +
  'Microsoft Edge), or give its path with --browser <path>.';

/**
 * The executable of a Chromium-family browser. `explicit`, when given, must be an existing
 * file: otherwise this throws a RenderError `browser-not-found` naming it. Without it, the
 * first browser found in the usual places, or undefined when there is none.
 */
export async function findBrowser(
  explicit?: string,
  places: BrowserSearchPlaces = { platform: process.platform, env: process.env },
): Promise<string | undefined> {
  if (explicit !== undefined) {
    if (await isFile(explicit)) return explicit;
    const found = await stat(explicit).catch(() => undefined);
    const why = found?.isDirectory()
      ? 'it is a folder; give the browser program inside it'
      : 'the file does not exist';
    throw new RenderError(
      'browser-not-found',
      `No browser at ${explicit}: ${why}. ${BROWSER_HELP}`,
    );
  }
  for (const candidate of browserCandidates(places)) {
    if (await isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** Every path where a browser may be, in the order they are tried. */
export function browserCandidates({ platform, env }: BrowserSearchPlaces): string[] {
  const fromEnv = [env.KPIC_BROWSER, env.CHROME_PATH].filter(
    (path): path is string => typeof path === 'string' && path !== '',
  );
  // Paths are built for the platform searched, whatever the machine running the search.
  const path = platform === 'win32' ? win32 : posix;
  const suffix = platform === 'win32' ? '.exe' : '';
  const pathDirs = (env.PATH ?? env.Path ?? '').split(path.delimiter);
  const onPath = COMMANDS.flatMap((command) =>
    pathDirs.filter((dir) => dir !== '').map((dir) => path.join(dir, `${command}${suffix}`)),
  );
  return [...fromEnv, ...onPath, ...installPaths(platform, env)];
}

function installPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => typeof root === 'string' && root !== '',
    );
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
      'Chromium\\Application\\chrome.exe',
    ];
    return roots.flatMap((root) => apps.map((app) => win32.join(root, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ];
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function isExecutable(path: string): Promise<boolean> {
  if (!(await isFile(path))) return false;
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command names of Chromium-family browsers, most specific first. */
const COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
  'msedge',
  'chrome',
];
