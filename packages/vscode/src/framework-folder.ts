/**
 * Finds the framework folder of a `.kpi` file, the folder the extension's commands hand to
 * `kpic build`. A framework is a folder of `.kpi` files, one of which holds the `framework`
 * header, and it may keep files in sub-folders; so the search starts at the file's own folder
 * and goes up until a folder holds the header.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** A line that opens the framework header, such as `framework cema "..." {`. */
const HEADER = /^[ \t]*framework[ \t]+[A-Za-z]/m;

/**
 * The nearest folder, from `file`'s own folder up to `boundary` (a workspace folder), that
 * directly holds a `.kpi` file with a framework header. Without one, or when `file` is
 * outside `boundary`, it is `file`'s own folder: kpic then says what is missing.
 */
export async function findFrameworkFolder(file: string, boundary?: string): Promise<string> {
  const start = dirname(file);
  if (boundary === undefined || !isInside(start, boundary)) return start;

  for (let folder = start; ; folder = dirname(folder)) {
    if (await holdsHeader(folder)) return folder;
    if (relative(folder, boundary) === '' || dirname(folder) === folder) return start;
  }
}

async function holdsHeader(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.kpi')) continue;
    const text = await readFile(join(folder, entry.name), 'utf8').catch(() => '');
    if (HEADER.test(text)) return true;
  }
  return false;
}

function isInside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside === '' || (inside.split(sep)[0] !== '..' && !isAbsolute(inside));
}
