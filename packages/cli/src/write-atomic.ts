/**
 * Writing an output file so that readers only ever see the old file or the whole new one:
 * the content goes to a temporary file in the same folder (so the rename stays on one file
 * system), is flushed to disk, and is then renamed over the target in one step.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` (text as UTF-8, or bytes as they are) to `target` atomically, creating its
 * folder if needed. On failure the temporary file is removed, the target is left as it was,
 * and the error is rethrown.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = await stageFile(target, content);
  try {
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * The first half of writeFileAtomic: writes `content` to a temporary file beside `target`,
 * flushed to disk, and returns its path, for the caller to rename over `target` once every
 * file of a set is staged. A target that is a folder is refused here, where nothing has
 * changed yet, rather than when the rename fails. On failure nothing is left behind.
 */
export async function stageFile(target: string, content: string | Uint8Array): Promise<string> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  }

  // A dot-name is skipped by kpic's own file search, and the random part keeps two
  // concurrent builds from sharing one temporary file.
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const temporary = join(folder, `.${basename(target)}.${suffix}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    return temporary;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
