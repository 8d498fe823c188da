/**
 * The first step of `check` and `build`: turn the paths on the command line into the list of
 * .kpi files to read. Files are taken as given; folders are searched recursively for *.kpi,
 * skipping dot-folders and node_modules. Problems are collected, not thrown, so that the user
 * sees every bad path at once.
 */
import { realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { describeFsError } from './fs-errors.js';

export interface FoundFiles {
  /** Absolute paths, each once, in a stable order. */
  files: string[];
  /** One line per path that could not be used, ready to print after `kpic: `. */
  problems: string[];
}

/**
 * Finds the .kpi files under `paths` (resolved against `cwd`). Never throws on a bad path. A
 * file reached by several paths (through a symbolic link, or a link that loops back to its
 * folder) is listed once, by the first of its paths in sorted order, so it is not read twice.
 */
export async function findSourceFiles(paths: readonly string[], cwd: string): Promise<FoundFiles> {
  const candidates = new Set<string>();
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const found = await filesUnder(absolute, path);
    if (typeof found === 'string') problems.push(found);
    else found.forEach((file) => candidates.add(file));
  }

  const files: string[] = [];
  const seen = new Set<string>();
  for (const file of [...candidates].sort()) {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) continue;
    seen.add(real);
    files.push(file);
  }
  return { files, problems };
}

/** The .kpi files at `absolute`, or a one-line problem naming the path as the user wrote it. */
async function filesUnder(absolute: string, written: string): Promise<string[] | string> {
  let kind: 'file' | 'folder';
  try {
    const stats = await stat(absolute);
    if (stats.isFile()) kind = 'file';
    else if (stats.isDirectory()) kind = 'folder';
    else return `'${written}' is neither a file nor a folder.`;
  } catch (error) {
    return `cannot use '${written}': ${describeFsError(error)}.`;
  }
  if (kind === 'file') return [absolute];

  const found = await glob(['**/*.kpi'], {
    cwd: absolute,
    absolute: true,
    dot: false,
    onlyFiles: true,
    ignore: ['**/node_modules/**'],
  });
  if (found.length === 0) return `the folder '${written}' holds no .kpi files.`;
  return found.map((file) => resolve(file));
}
