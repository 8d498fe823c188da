/**
 * The files the server checks, end to end: the built server over stdio, on a copy of the
 * CEMA framework in a temporary folder. The server must check the files `kpic check` would
 * read for the folder, whatever the editor reports or closes.
 */
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileUri, REPO, TestClient } from './lsp-client.js';

const FRAMEWORK = join(REPO, 'examples/cema/framework');

const codes = (diagnostics: { code?: unknown }[] | undefined) =>
  (diagnostics ?? []).map((diagnostic) => diagnostic.code);

describe('the files the language server checks', () => {
  let folder: string;
  let client: TestClient;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'kpilang-lsp-files-'));
    cpSync(FRAMEWORK, folder, { recursive: true });
    client = new TestClient();
    await client.initialize(folder);
    await client.waitFor(
      () => client.latest(fileUri(join(folder, 'administrative.kpi'))),
      'the first diagnostics',
    );
  });

  afterEach(async () => {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('leaves out files in node_modules and dot-folders that the editor reports', async () => {
    const administrative = readFileSync(join(folder, 'administrative.kpi'), 'utf8');
    // Copies that kpic check skips: a package's file and an editor's local history.
    const copies = [
      join(folder, 'node_modules/some-package/administrative.kpi'),
      join(folder, '.history/administrative_20240101.kpi'),
    ];
    for (const copy of copies) {
      mkdirSync(join(copy, '..'), { recursive: true });
      writeFileSync(copy, administrative);
    }
    const extra = join(folder, 'extra.kpi');
    writeFileSync(extra, 'goal extra_goal "Mục tiêu thêm" / "Extra goal"\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [...copies, extra].map((path) => ({ uri: fileUri(path), type: 1 })),
    });

    const uri = fileUri(join(folder, 'administrative.kpi'));
    const count = client.published.length;
    await client.waitFor(
      () => client.published.slice(count).find((params) => params.uri === fileUri(extra)),
      'the diagnostics of the new file',
    );
    expect(codes(client.latest(uri)?.diagnostics)).not.toContain('KPI103');
    const published = new Set(client.published.map((params) => params.uri));
    expect(copies.filter((copy) => published.has(fileUri(copy)))).toEqual([]);
  });

  it(
    'clears diagnostics under the URI they were published under, however the editor spells ' + 'it',
    async () => {
      // Another valid spelling of the same files: lowercase hex in the percent-encoding.
      const accented = join(folder, 'Kế hoạch');
      cpSync(FRAMEWORK, accented, { recursive: true });
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: readdirSync(accented).map((name) => ({
          uri: fileUri(join(accented, name)),
          type: 1,
        })),
      });
      const spelled = (path: string) =>
        fileUri(path).replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase());
      const path = join(accented, 'administrative.kpi');
      const serverUri = fileUri(path);
      expect(spelled(path)).not.toBe(serverUri);
      await client.waitFor(() => client.latest(serverUri), 'the closed file published');

      const count = client.published.length;
      const editorUri = spelled(path);
      client.connection.sendNotification('textDocument/didOpen', {
        textDocument: {
          uri: editorUri,
          languageId: 'kpilang',
          version: 1,
          text: readFileSync(path, 'utf8'),
        },
      });
      await client.waitFor(() => client.latest(editorUri), 'the open file published');
      // The server's own spelling is cleared, before the editor's is published.
      const after = client.published.slice(count);
      const cleared = after.findIndex((params) => params.uri === serverUri);
      expect(after[cleared]?.diagnostics).toEqual([]);
      expect(cleared).toBeLessThan(after.findIndex((params) => params.uri === editorUri));

      // A file never saved is cleared under the editor's spelling when it is closed.
      const unsaved = spelled(join(accented, 'unsaved.kpi'));
      client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: unsaved, languageId: 'kpilang', version: 1, text: 'kpi x "X" {\n}\n' },
      });
      await client.waitFor(
        () => (client.latest(unsaved)?.diagnostics.length ? true : undefined),
        'the unsaved file checked',
      );
      client.connection.sendNotification('textDocument/didClose', {
        textDocument: { uri: unsaved },
      });
      await client.waitFor(
        () => (client.latest(unsaved)?.diagnostics.length === 0 ? true : undefined),
        'the unsaved file cleared once closed',
      );
    },
  );

  it(
    'keeps the decoding error of a file closed after the editor opened it under its own ' + 'URI',
    async () => {
      const path = join(folder, 'Kế hoạch.kpi');
      // Windows-1258 bytes, not UTF-8: kpic check reports KPI005.
      writeFileSync(path, Buffer.from([0x67, 0x6f, 0x61, 0x6c, 0x20, 0xd0, 0x0a]));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(path), type: 1 }],
      });
      await client.waitFor(
        () =>
          codes(client.latest(fileUri(path))?.diagnostics).includes('KPI005') ? true : undefined,
        'the decoding error of the closed file',
      );

      const editorUri = fileUri(path).replace(/%[0-9A-F]{2}/g, (code) => code.toLowerCase());
      client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: editorUri, languageId: 'kpilang', version: 1, text: 'goal \ufffd\n' },
      });
      await client.waitFor(() => client.latest(editorUri), 'the open file published');
      client.connection.sendNotification('textDocument/didClose', {
        textDocument: { uri: editorUri },
      });
      await client.waitFor(
        () => (codes(client.latest(editorUri)?.diagnostics).includes('KPI005') ? true : undefined),
        'the decoding error back once the file is closed',
      );
    },
  );

  it('checks alone a local-history copy the editor opens, so it duplicates nothing', async () => {
    const copy = join(folder, '.history/administrative_20240101.kpi');
    mkdirSync(join(copy, '..'), { recursive: true });
    writeFileSync(copy, readFileSync(join(folder, 'administrative.kpi'), 'utf8'));
    const copyUri = client.open(copy);
    const alone = await client.waitFor(() => client.latest(copyUri), 'the copy checked');
    // On its own it has no header and unknown goals, but no duplicate of the framework's.
    expect(codes(alone.diagnostics)).toContain('KPI010');
    expect(codes(alone.diagnostics)).not.toContain('KPI103');
    // Touch the framework so it is checked again with the copy open: still no duplicates.
    const uri = client.open(join(folder, 'administrative.kpi'));
    const framework = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === 1),
      'the framework checked again',
    );
    expect(codes(framework.diagnostics)).not.toContain('KPI103');
  });

  it('drops a file that is not a .kpi file when the editor closes it', async () => {
    const administrative = join(folder, 'administrative.kpi');
    const draft = join(folder, 'draft.txt');
    writeFileSync(draft, readFileSync(administrative, 'utf8'));

    // Open as kpilang, the draft is checked with the framework: its indicators are duplicates.
    const draftUri = client.open(draft);
    await client.waitFor(
      () => (codes(client.latest(draftUri)?.diagnostics).includes('KPI103') ? true : undefined),
      'the duplicates while the draft is open',
    );
    await client.connection.sendNotification('textDocument/didClose', {
      textDocument: { uri: draftUri },
    });
    // Closed, it is no file kpic check would read: it leaves the framework.
    await client.waitFor(
      () => (client.latest(draftUri)?.diagnostics.length === 0 ? true : undefined),
      'the draft cleared once closed',
    );
    const uri = fileUri(administrative);
    expect(codes(client.latest(uri)?.diagnostics)).not.toContain('KPI103');
  });
});

describe('the first scan of a workspace folder', () => {
  it(
    'reads every file before checking, so each is published once, with its ' + 'framework',
    async () => {
      const client = new TestClient();
      try {
        // No debounce: a check that ran while files were still being read would publish.
        await client.initialize(FRAMEWORK, { debounceMs: 0 });
        const names = readdirSync(FRAMEWORK).filter((name) => name.endsWith('.kpi'));
        const uris = names.map((name) => fileUri(join(FRAMEWORK, name)));
        await client.waitFor(
          () => (uris.every((uri) => client.latest(uri)) ? true : undefined),
          'every file published',
        );
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(client.published.map((params) => params.uri).sort()).toEqual(uris.sort());
        expect(client.published.flatMap((params) => codes(params.diagnostics))).not.toContain(
          'KPI010',
        );
      } finally {
        await client.close();
      }
    },
  );
});
