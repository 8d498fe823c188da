/**
 * Writing an output file so that readers only ever see the old file or the whole new one:
 * the content goes to a temporary file in the same folder (so the rename stays on one file
 * system), is flushed to disk, and is then renamed over the target in one step.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` (text as UTF-8, or bytes as they are) to `target` atomically, creating its
 * folder if needed. On failure the temporary file is removed, the target is left as it was,
 * and the error is rethrown.
 */
export async function writeFileAtomic(target: string, content: string | Uint8Array): Promise<void> {
  const folder = dirname(target);
  await mkdir(folder, { recursive: true });

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
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
