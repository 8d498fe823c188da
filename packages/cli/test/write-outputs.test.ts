/** Writing a build's files: text and bytes land whole, and a failure names its file. */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { planFolder, writeOutputs } from '../src/write-outputs.js';
import { tempFolder } from './temp-folder.js';

describe('writeOutputs', () => {
  test('writes text and bytes under their folders and leaves no temporary file', async () => {
    const root = tempFolder();
    const bytes = Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]);
    const files = [
      { target: join(root, 'x.rules.json'), data: '{}\n' },
      ...planFolder(join(root, 'html'), [{ path: 'index.html', data: '<p>Tỷ lệ</p>' }]),
      ...planFolder(join(root, 'pdf'), [{ path: 'nested/all.pdf', data: bytes }]),
    ];

    expect(await writeOutputs(files, root)).toEqual({ ok: true });
    expect(readFileSync(join(root, 'html', 'index.html'), 'utf8')).toBe('<p>Tỷ lệ</p>');
    expect(new Uint8Array(readFileSync(join(root, 'pdf', 'nested', 'all.pdf')))).toEqual(bytes);
    expect(readdirSync(join(root, 'pdf', 'nested'))).toEqual(['all.pdf']);
  });

  test('reports the file it could not write, relative to the working folder', async () => {
    const root = tempFolder();
    mkdirSync(join(root, 'out', 'html', 'index.html'), { recursive: true });
    writeFileSync(join(root, 'out', 'html', 'index.html', 'keep'), '');
    const files = planFolder(join(root, 'out', 'html'), [{ path: 'index.html', data: 'x' }]);

    expect(await writeOutputs(files, root)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^cannot write 'out\/html\/index\.html': .+\.$/),
    });
  });

  test('changes nothing when one file cannot be written: no new rule set beside old pages', async () => {
    const root = tempFolder();
    const out = join(root, 'out');
    mkdirSync(join(out, 'html', 'overview.html'), { recursive: true });
    writeFileSync(join(out, 'x.rules.json'), 'old rules');
    writeFileSync(join(out, 'html', 'index.html'), 'old index');
    const files = [
      { target: join(out, 'x.rules.json'), data: 'new rules' },
      ...planFolder(join(out, 'html'), [
        { path: 'index.html', data: 'new index' },
        { path: 'overview.html', data: 'new overview' },
        { path: 'catalogue.html', data: 'new catalogue' },
      ]),
    ];

    const outcome = await writeOutputs(files, root);
    expect(outcome).toEqual({
      ok: false,
      problem: expect.stringMatching(/^cannot write 'out\/html\/overview\.html': .+\.$/),
    });
    expect(readFileSync(join(out, 'x.rules.json'), 'utf8')).toBe('old rules');
    expect(readFileSync(join(out, 'html', 'index.html'), 'utf8')).toBe('old index');
    expect(readdirSync(out).sort()).toEqual(['html', 'x.rules.json']);
    expect(readdirSync(join(out, 'html')).sort()).toEqual(['index.html', 'overview.html']);
  });
});
