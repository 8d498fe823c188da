/**
 * Where the templates come from: the built-in folder shipped with the package (layouts at its
 * top, partials in `partials/`) and an agency's own folder of `.hbs` files. Only reads text;
 * compiling and checking the templates is `template-environment.ts`'s job.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RenderError } from '../errors.js';

/**
 * The built-in templates folder. This module sits one level below the package's `src/` or
 * `dist/`, so the same relative path finds `templates/` under vitest and once built.
 */
export const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** One template file: its name without `.hbs`, the path to show in messages, its text. */
export interface TemplateFile {
  name: string;
  path: string;
  text: string;
}

/**
 * Every `.hbs` file directly inside `folder`, sorted by name so that the same folder always
 * loads the same way. Other files and subfolders are left alone, so an agency can keep a
 * README or its logo's source beside its templates. An unreadable folder is a RenderError
 * `templates-folder` naming it.
 */
export async function readTemplateFolder(folder: string): Promise<TemplateFile[]> {
  let names: string[];
  try {
    const entries = await readdir(folder, { withFileTypes: true });
    names = entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    throw new RenderError(
      'templates-folder',
      `Cannot read the templates folder ${folder}: ${reason(error)}`,
    );
  }
  return Promise.all(
    names.map(async (fileName) => {
      const path = join(folder, fileName);
      try {
        return {
          name: fileName.slice(0, -'.hbs'.length),
          path,
          text: await readFile(path, 'utf8'),
        };
      } catch (error) {
        throw new RenderError(
          'templates-folder',
          `Cannot read the template ${path}: ${reason(error)}`,
        );
      }
    }),
  );
}

/** The short system reason of a file error ("no such file or directory"), or its message. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
