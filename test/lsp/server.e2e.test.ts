/**
 * The language server end to end: the built `kpilang-language-server` process driven over
 * stdio by a JSON-RPC client, on the bundled examples. The diagnostics it publishes must be
 * exactly those `kpic check --format json` prints for the same folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Range } from 'vscode-languageserver-protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, REPO, TestClient } from './lsp-client.js';

const AS_PUBLISHED = join(REPO, 'examples/cema/as-published');
const FRAMEWORK = join(REPO, 'examples/cema/framework');
const KPIC = join(REPO, 'packages/cli/dist/kpic.js');
const SEVERITY: Record<string, number> = { error: 1, warning: 2, info: 3, hint: 4 };

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  range: unknown;
}

interface LspDiagnostic {
  code: string;
  severity: number;
  message: string;
  range: unknown;
}

/** What `kpic check --format json` reports, by file URI, in the server's shape. */
function kpicDiagnostics(folder: string): Map<string, object[]> {
  const run = spawnSync(process.execPath, [KPIC, 'check', folder, '--format', 'json'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  const byUri = new Map<string, object[]>();
  for (const entry of JSON.parse(run.stdout) as JsonDiagnostic[]) {
    const uri = fileUri(join(REPO, entry.file));
    const list = byUri.get(uri) ?? [];
    list.push({
      code: entry.code,
      severity: SEVERITY[entry.severity],
      message: entry.message,
      range: entry.range,
    });
    byUri.set(uri, list);
  }
  return byUri;
}

function shape(diagnostics: LspDiagnostic[]): object[] {
  return diagnostics.map(({ code, severity, message, range }) => ({
    code,
    severity,
    message,
    range,
  }));
}

const codes = (diagnostics: { code?: unknown }[] | undefined) =>
  (diagnostics ?? []).map((diagnostic) => diagnostic.code);

describe('the language server over stdio', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = new TestClient();
    await client.initialize(join(REPO, 'examples/cema'));
  });

  afterAll(async () => {
    // Shutdown then exit ends the server with code 0.
    expect(await client.close()).toBe(0);
  });

  it('answers initialize with the features it serves', async () => {
    const other = new TestClient();
    try {
      const result = (await other.initialize(AS_PUBLISHED)) as {
        capabilities: Record<string, unknown>;
        serverInfo: { name: string };
      };
      expect(result.serverInfo.name).toBe('kpilang-language-server');
      for (const capability of [
        'hoverProvider',
        'completionProvider',
        'definitionProvider',
        'referencesProvider',
        'renameProvider',
        'documentSymbolProvider',
        'workspaceSymbolProvider',
        'foldingRangeProvider',
        'codeActionProvider',
        'semanticTokensProvider',
        'inlayHintProvider',
      ]) {
        expect(result.capabilities).toHaveProperty(capability);
      }
      expect(result.capabilities['textDocumentSync']).toMatchObject({ change: 2 });
    } finally {
      await other.close();
    }
  });

  it('is also `kpic lsp`, and refuses an unknown option in one line', async () => {
    const viaKpic = new TestClient(['lsp', '--stdio'], [KPIC]);
    try {
      const result = (await viaKpic.initialize(AS_PUBLISHED)) as { serverInfo: { name: string } };
      expect(result.serverInfo.name).toBe('kpilang-language-server');
    } finally {
      expect(await viaKpic.close()).toBe(0);
    }
    const refused = spawnSync(process.execPath, [KPIC, 'lsp', '--bogus'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe("kpic lsp: unknown option '--bogus'\n");
  });

  it('publishes, for every file of a framework, open or not, what kpic check reports', async () => {
    const expected = kpicDiagnostics('examples/cema/as-published');
    const files = ['catalogue.kpi', 'ethnic-policy.kpi', 'framework.kpi', 'head-of-personnel.kpi'];
    const uris = files.map((name) => fileUri(join(AS_PUBLISHED, name)));
    // The closed files are read from disk when the workspace is scanned.
    await client.waitFor(
      () => (uris.every((uri) => client.latest(uri)) ? true : undefined),
      'diagnostics for every as-published file',
    );
    for (const uri of uris) {
      expect(shape(client.latest(uri)?.diagnostics as LspDiagnostic[]), uri).toEqual(
        expected.get(uri) ?? [],
      );
    }
    expect([...expected.keys()].every((uri) => uris.includes(uri))).toBe(true);

    // Opening a file changes nothing: its editor text is the disk text.
    const uri = client.open(join(AS_PUBLISHED, 'ethnic-policy.kpi'));
    const opened = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === 1),
      'diagnostics of the opened file',
    );
    expect(shape(opened.diagnostics as LspDiagnostic[])).toEqual(expected.get(uri));
  });

  it('drops the weight diagnostic once a weight is edited to make 100%', async () => {
    const path = join(AS_PUBLISHED, 'ethnic-policy.kpi');
    const uri = fileUri(path);
    client.open(path);
    const line = readFileSync(path, 'utf8')
      .split('\n')
      .findIndex((text) => text.includes('public_service_satisfaction weight 20%'));
    expect(line).toBeGreaterThan(0);
    const character = readFileSync(path, 'utf8').split('\n')[line]!.indexOf('20%');
    const version = client.edit(
      uri,
      { start: { line, character }, end: { line, character: character + 2 } },
      '45',
    );
    const after = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === version),
      'diagnostics after the edit',
    );
    expect(codes(after.diagnostics)).not.toContain('KPI201');
    // Undo: the error is back.
    const undone = client.edit(
      uri,
      { start: { line, character }, end: { line, character: character + 2 } },
      '20',
    );
    const back = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === undone),
      'diagnostics after the undo',
    );
    expect(codes(back.diagnostics)).toContain('KPI201');
  });

  it('rebalances the weights with a quick fix, and the weight error goes', async () => {
    const path = join(AS_PUBLISHED, 'ethnic-policy.kpi');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    const opened = await client.waitFor(
      () =>
        client.published.find(
          (params) =>
            params.uri === uri &&
            params.version === 1 &&
            codes(params.diagnostics).includes('KPI201'),
        ),
      'the weight error',
    );
    const error = opened.diagnostics.find((diagnostic) => diagnostic.code === 'KPI201')!;
    const actions = await client.request<
      { title: string; edit: { changes: Record<string, { range: Range; newText: string }[]> } }[]
    >('textDocument/codeAction', {
      textDocument: { uri },
      range: error.range,
      context: { diagnostics: [error] },
    });
    const rebalance = actions.find((action) => action.title.startsWith('Rebalance'));
    expect(rebalance?.title).toBe(
      "Rebalance the weights of 'ethnic_policy_officer' to 100% (33%, 40%, 27%)",
    );
    // Apply the edits as an editor would, last first so earlier ranges stay valid.
    const edits = [...(rebalance?.edit.changes[uri] ?? [])].sort(
      (a, b) =>
        b.range.start.line - a.range.start.line ||
        b.range.start.character - a.range.start.character,
    );
    expect(edits).toHaveLength(3);
    let version = 1;
    for (const edit of edits) version = client.edit(uri, edit.range, edit.newText);
    const after = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === version),
      'diagnostics after the quick fix',
    );
    expect(codes(after.diagnostics)).not.toContain('KPI201');
    // Put the file back as it is on disk for the tests that follow.
    client.open(path, text);
  });

  it('ends fast successive edits with the diagnostics of the last version', async () => {
    const path = join(AS_PUBLISHED, 'ethnic-policy.kpi');
    const uri = fileUri(path);
    const text = readFileSync(path, 'utf8');
    client.open(path, text);
    const line = text
      .split('\n')
      .findIndex((candidate) => candidate.includes('public_service_satisfaction weight 20%'));
    const character = text.split('\n')[line]!.indexOf('20%');
    const countBefore = client.published.length;
    let last = 0;
    // Twenty keystrokes with no pause: 21, 22, ... 40, then 45, which makes 100%.
    for (let value = 21; value <= 40; value++) {
      last = client.edit(
        uri,
        { start: { line, character }, end: { line, character: character + 2 } },
        String(value),
      );
    }
    last = client.edit(
      uri,
      { start: { line, character }, end: { line, character: character + 2 } },
      '45',
    );
    const final = await client.waitFor(
      () => client.published.find((params) => params.uri === uri && params.version === last),
      'diagnostics of the last version',
    );
    expect(codes(final.diagnostics)).not.toContain('KPI201');
    // Debounced: far fewer publications for this file than edits, none for a version that
    // was already replaced when it was published after the last one.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = client.published.slice(countBefore).filter((params) => params.uri === uri);
    expect(later.length).toBeLessThan(21);
    expect(later.at(-1)?.version).toBe(last);
  });

  it(
    'hovers an indicator with its unit, bands and weights, and a position with its ' + 'total',
    async () => {
      const path = join(FRAMEWORK, 'administrative.kpi');
      const uri = client.open(path);
      const lines = readFileSync(path, 'utf8').split('\n');
      const line = lines.findIndex((text) => text.startsWith('kpi response_time'));
      const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line, character: 6 },
      });
      const text = hover.contents.value;
      expect(text).toContain('response_time');
      expect(text).toContain('| Unit | hours |');
      expect(text).toContain('| Better | lower |');
      expect(text).toMatch(/\| excellent \| under 8 \| 100 \|/);
      expect(text).toContain('| `administrative_officer` | 40% |');

      const officer = join(FRAMEWORK, 'administrative-officer.kpi');
      const officerUri = client.open(officer);
      const officerLine = readFileSync(officer, 'utf8')
        .split('\n')
        .findIndex((t) => t.startsWith('position'));
      const positionHover = await client.request<{ contents: { value: string } }>(
        'textDocument/hover',
        {
          textDocument: { uri: officerUri },
          position: { line: officerLine, character: 12 },
        },
      );
      expect(positionHover.contents.value).toContain('| **Total** | **100%** |');
    },
  );

  it('completes units after `unit` and levels inside bands', async () => {
    const path = join(FRAMEWORK, 'administrative.kpi');
    const text = readFileSync(path, 'utf8');
    const uri = client.open(path, text);
    const lines = text.split('\n');
    const unitLine = lines.findIndex((candidate) => candidate.trim() === 'unit hours');
    const items = await client.request<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: unitLine, character: lines[unitLine]!.indexOf('hours') },
    });
    const labels = items.map((item) => item.label);
    expect(labels).toEqual(
      expect.arrayContaining(['percent', 'hours', 'days', 'count', 'likert5']),
    );
    expect(labels).not.toContain('kpi');

    const bandLine = lines.findIndex((candidate) => candidate.trim().startsWith('good'));
    const levels = await client.request<{ label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: bandLine, character: lines[bandLine]!.indexOf('good') },
    });
    expect(levels.map((item) => item.label)).toEqual(
      expect.arrayContaining(['excellent', 'good', 'poor']),
    );
  });

  it(
    'renames an indicator across the files of its framework, and refuses a taken ' + 'name',
    async () => {
      const path = join(FRAMEWORK, 'administrative.kpi');
      const uri = client.open(path);
      const line = readFileSync(path, 'utf8')
        .split('\n')
        .findIndex((text) => text.startsWith('kpi response_time'));
      const edit = await client.request<{ changes: Record<string, { newText: string }[]> }>(
        'textDocument/rename',
        { textDocument: { uri }, position: { line, character: 8 }, newName: 'reply_time' },
      );
      const files = Object.keys(edit.changes).map((changed) => changed.split('/').at(-1));
      expect(files.sort()).toEqual([
        'administrative-officer.kpi',
        'administrative.kpi',
        'contexts.kpi',
      ]);
      expect(
        Object.values(edit.changes)
          .flat()
          .every((change) => change.newText === 'reply_time'),
      ).toBe(true);
      // administrative.kpi: the group member and the declaration.
      expect(edit.changes[uri]).toHaveLength(2);

      await expect(
        client.request('textDocument/rename', {
          textDocument: { uri },
          position: { line, character: 8 },
          newName: 'coordination_quality',
        }),
      ).rejects.toThrow(/already an indicator named 'coordination_quality'/);
      await expect(
        client.request('textDocument/rename', {
          textDocument: { uri },
          position: { line, character: 8 },
          newName: 'thời_gian',
        }),
      ).rejects.toThrow(/ASCII letters/);
    },
  );

  it('survives garbage and a request it cannot serve', async () => {
    // A body that is not JSON, under a correct header.
    const body = Buffer.from('{"jsonrpc": "2.0", "id": 99, "method": ', 'utf8');
    client.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    client.process.stdin.write(body);
    // An unknown method is answered with an error.
    await expect(client.request('kpilang/noSuchMethod', {})).rejects.toThrow();
    // A position past the end of a file that is not open is answered with nothing.
    const nothing = await client.request('textDocument/hover', {
      textDocument: { uri: 'untitled:nowhere' },
      position: { line: 3, character: 1e9 },
    });
    expect(nothing).toBeNull();
    // Parameters without the shape LSP gives them are answered with an error.
    await expect(client.request('textDocument/hover', { textDocument: null })).rejects.toThrow(
      /textDocument.uri must be a string/,
    );
    await expect(
      client.request('textDocument/completion', {
        textDocument: { uri: fileUri(join(FRAMEWORK, 'goals.kpi')) },
        position: { line: -5, character: 'x' },
      }),
    ).rejects.toThrow(/position must have a line and a character/);
    // A field the request needs, missing or of the wrong type, is named in the error.
    const goals = { uri: fileUri(join(FRAMEWORK, 'goals.kpi')) };
    const at = { line: 0, character: 0 };
    for (const [method, params, reason] of [
      ['textDocument/hover', { textDocument: goals }, /position must have/],
      ['textDocument/references', { textDocument: goals, position: at }, /context/],
      ['textDocument/rename', { textDocument: goals, position: at, newName: 5 }, /newName/],
      ['workspace/symbol', { query: 5 }, /query must be a string/],
      ['textDocument/inlayHint', { textDocument: goals }, /range must have/],
      ['textDocument/codeAction', { textDocument: goals }, /range must have/],
    ] as const) {
      await expect(client.request(method, params), method).rejects.toThrow(reason);
    }
    // Still serving.
    const path = join(FRAMEWORK, 'administrative.kpi');
    const uri = client.open(path);
    const symbols = await client.request<{ name: string }[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    expect(symbols.map((symbol) => symbol.name)).toEqual([
      'administrative',
      'response_time',
      'coordination_quality',
    ]);
    expect(client.process.exitCode).toBeNull();
  });

  it(
    'ignores a didOpen whose text is not a string, and goes on serving its ' + 'framework',
    async () => {
      const goals = join(FRAMEWORK, 'goals.kpi');
      const goalsUri = fileUri(goals);
      // Notifications get no answer, so the server can only leave the malformed one out.
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: goalsUri, languageId: 'kpilang', version: 1, text: null },
      });
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 42, languageId: 'kpilang', version: 1, text: 'kpi' },
      });
      const path = join(FRAMEWORK, 'administrative.kpi');
      const uri = client.open(path);
      await client.waitFor(() => client.latest(uri), 'diagnostics of administrative.kpi');
      const line = readFileSync(path, 'utf8')
        .split('\n')
        .findIndex((text) => text.startsWith('kpi response_time'));
      const hover = await client.request<{ contents: { value: string } } | null>(
        'textDocument/hover',
        { textDocument: { uri }, position: { line, character: 6 } },
      );
      expect(hover?.contents.value).toContain('response_time');
      // The file keeps its disk text: its goals still resolve.
      const symbols = await client.request<{ name: string }[]>('workspace/symbol', { query: '' });
      expect(symbols.length).toBeGreaterThan(0);
      await client.connection.sendNotification('textDocument/didClose', {
        textDocument: { uri: goalsUri },
      });
    },
  );

  it('follows files created and deleted on disk, as the editor reports them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpilang-lsp-'));
    cpSync(FRAMEWORK, folder, { recursive: true });
    const watcher = new TestClient();
    try {
      await watcher.initialize(folder);
      const header = fileUri(join(folder, 'framework.kpi'));
      await watcher.waitFor(() => watcher.latest(header), 'the first diagnostics');

      const extra = join(folder, 'extra.kpi');
      writeFileSync(extra, 'kpi orphan "Mồ côi" / "Orphan" {\n  kind output\n}\n');
      await watcher.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(extra), type: 1 }],
      });
      const created = await watcher.waitFor(
        () =>
          watcher.latest(fileUri(extra))?.diagnostics.length
            ? watcher.latest(fileUri(extra))
            : undefined,
        'diagnostics of the new file',
      );
      expect(codes(created.diagnostics)).toContain('KPI104');

      unlinkSync(extra);
      const count = watcher.published.length;
      await watcher.connection.sendNotification('workspace/didChangeWatchedFiles', {
        changes: [{ uri: fileUri(extra), type: 3 }],
      });
      const cleared = await watcher.waitFor(
        () => watcher.published.slice(count).find((params) => params.uri === fileUri(extra)),
        'the deleted file cleared',
      );
      expect(cleared.diagnostics).toEqual([]);
    } finally {
      await watcher.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it(
    'checks a file opened with no workspace folder together with the files beside ' + 'it',
    async () => {
      const loose = new TestClient();
      try {
        await loose.initialize(undefined);
        const path = join(FRAMEWORK, 'administrative.kpi');
        const uri = loose.open(path);
        // Alone, the file would have no framework header (KPI010) and unknown goals (KPI101).
        const expected = kpicDiagnostics('examples/cema/framework').get(uri) ?? [];
        const published = await loose.waitFor(() => {
          const latest = loose.latest(uri);
          return latest && !codes(latest.diagnostics).includes('KPI010') ? latest : undefined;
        }, 'diagnostics with the header beside it');
        expect(shape(published.diagnostics as LspDiagnostic[])).toEqual(expected);
      } finally {
        await loose.close();
      }
    },
  );

  it('reads a workspace folder added later, and forgets one removed', async () => {
    const multi = new TestClient();
    try {
      await multi.initialize(FRAMEWORK);
      const header = fileUri(join(FRAMEWORK, 'framework.kpi'));
      await multi.waitFor(() => multi.latest(header), 'the first folder');
      const added = fileUri(join(AS_PUBLISHED, 'ethnic-policy.kpi'));
      expect(multi.latest(added)).toBeUndefined();

      await multi.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: fileUri(AS_PUBLISHED), name: 'as-published' }], removed: [] },
      });
      const found = await multi.waitFor(() => multi.latest(added), 'the added folder');
      expect(codes(found.diagnostics)).toContain('KPI201');

      await multi.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [{ uri: fileUri(AS_PUBLISHED), name: 'as-published' }] },
      });
      const cleared = await multi.waitFor(
        () => (multi.latest(added)?.diagnostics.length === 0 ? multi.latest(added) : undefined),
        'the removed folder cleared',
      );
      expect(cleared.diagnostics).toEqual([]);
    } finally {
      await multi.close();
    }
  });
});
