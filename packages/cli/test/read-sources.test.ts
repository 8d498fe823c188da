/** Reading and decoding the found files, and naming them relative to the working directory. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSources, toUri } from '../src/read-sources.js';
import { tempFolder } from './temp-folder.js';

describe('readSources', () => {
  test('names each file by its path from the working directory, with forward slashes', async () => {
    const root = tempFolder({ 'fw/sub/a.kpi': 'kpi a "Chỉ số" {}\n' });
    const loaded = await readSources([join(root, 'fw', 'sub', 'a.kpi')], join(root, 'fw'));

    expect(loaded.problems).toEqual([]);
    expect(loaded.sources.map((source) => source.uri)).toEqual(['sub/a.kpi']);
    expect(loaded.sources[0]?.text).toBe('kpi a "Chỉ số" {}\n');
  });

  test('drops a UTF-8 byte-order mark while decoding', async () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode('kpi a "A" {}\n');
    const root = tempFolder({ 'a.kpi': new Uint8Array([...bom, ...body]) });
    const loaded = await readSources([join(root, 'a.kpi')], root);

    expect(loaded.sources[0]?.text).toBe('kpi a "A" {}\n');
  });

  test('reports a file it cannot read in one line, without a stack trace', async () => {
    const root = tempFolder({ 'a.kpi/': '' });
    const loaded = await readSources([join(root, 'a.kpi'), join(root, 'gone.kpi')], root);

    expect(loaded.sources).toEqual([]);
    expect(loaded.problems).toEqual([
      "cannot read 'a.kpi': it is a folder.",
      "cannot read 'gone.kpi': no such file or folder.",
    ]);
  });
});

describe('toUri', () => {
  test('leaves the folder with .. when the file lies outside the working directory', () => {
    expect(toUri(join('/work', 'other', 'a.kpi'), join('/work', 'here'))).toBe('../other/a.kpi');
  });
});
