/** Atomic writes: the target is either the old file or the whole new one, never a part. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../src/write-atomic.js';
import { tempFolder } from './temp-folder.js';

describe('writeFileAtomic', () => {
  test('creates missing folders, writes the text and leaves no temporary file', async () => {
    const root = tempFolder();
    const target = join(root, 'out', 'deep', 'x.rules.json');
    await writeFileAtomic(target, '{"a": 1}\n');

    expect(readFileSync(target, 'utf8')).toBe('{"a": 1}\n');
    expect(readdirSync(join(root, 'out', 'deep'))).toEqual(['x.rules.json']);
  });

  test('replaces an existing file whole', async () => {
    const root = tempFolder({ 'x.rules.json': 'old and longer than the new text' });
    await writeFileAtomic(join(root, 'x.rules.json'), 'new');

    expect(readFileSync(join(root, 'x.rules.json'), 'utf8')).toBe('new');
  });

  test('on failure rethrows, removes its temporary file and leaves the folder alone', async () => {
    const root = tempFolder();
    // A non-empty folder where the file should go makes the final rename fail.
    mkdirSync(join(root, 'x.rules.json'));
    writeFileSync(join(root, 'x.rules.json', 'keep'), 'kept');

    await expect(writeFileAtomic(join(root, 'x.rules.json'), 'new')).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['x.rules.json']);
    expect(readFileSync(join(root, 'x.rules.json', 'keep'), 'utf8')).toBe('kept');
  });
});
