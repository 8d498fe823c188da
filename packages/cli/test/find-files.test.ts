/** Finding the .kpi files under the paths of the command line. */
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findSourceFiles } from '../src/find-files.js';
import { tempFolder } from './temp-folder.js';

describe('findSourceFiles', () => {
  test('searches folders recursively, skipping dot-folders and node_modules', async () => {
    const root = tempFolder({
      'fw/a.kpi': '',
      'fw/deep/er/b.kpi': '',
      'fw/notes.txt': '',
      'fw/.git/c.kpi': '',
      'fw/.hidden.kpi': '',
      'fw/node_modules/pkg/d.kpi': '',
    });
    const found = await findSourceFiles(['fw'], root);

    expect(found.problems).toEqual([]);
    expect(found.files).toEqual([join(root, 'fw/a.kpi'), join(root, 'fw/deep/er/b.kpi')]);
  });

  test('takes a named file as given, and lists a file named twice once', async () => {
    const root = tempFolder({ 'fw/a.kpi': '', 'fw/b.kpi': '', 'other.txt': '' });
    const found = await findSourceFiles(['fw/a.kpi', 'fw', './fw/b.kpi', 'other.txt'], root);

    expect(found.files).toEqual([
      join(root, 'fw/a.kpi'),
      join(root, 'fw/b.kpi'),
      join(root, 'other.txt'),
    ]);
  });

  test('reads a file reached through a symbolic link only once, even in a link loop', async () => {
    const root = tempFolder({ 'fw/a.kpi': '', 'fw/sub/b.kpi': '' });
    symlinkSync('..', join(root, 'fw', 'sub', 'up'));
    const found = await findSourceFiles(['fw', 'fw/sub/up/sub/b.kpi'], root);

    expect(found.problems).toEqual([]);
    expect(found.files).toEqual([join(root, 'fw/a.kpi'), join(root, 'fw/sub/b.kpi')]);
  });

  test('reports each missing path and each folder without .kpi files, as written', async () => {
    const root = tempFolder({ 'fw/a.kpi': '', 'empty/': '', 'texts/readme.txt': '' });
    const found = await findSourceFiles(['missing.kpi', 'fw', 'empty', 'texts'], root);

    expect(found.problems).toEqual([
      "cannot use 'missing.kpi': no such file or folder.",
      "the folder 'empty' holds no .kpi files.",
      "the folder 'texts' holds no .kpi files.",
    ]);
  });
});
