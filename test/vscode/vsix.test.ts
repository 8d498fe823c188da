/**
 * The packaged VS Code extension: `pnpm run package` of packages/vscode gives a .vsix that
 * carries everything the extension needs and no node_modules, and the language server and the
 * kpic build inside it run from the unpacked files alone, outside the workspace. The commands
 * run there too, in a stand-in for VS Code (fake-vscode.ts), since no VS Code runs in tests.
 *
 * One file packages once for all of these: packaging rewrites packages/vscode/dist, which a
 * test in another file running at the same time could find half written.
 */
import { execFileSync, fork, spawn } from 'node:child_process';
import { builtinModules } from 'node:module';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AdmZip from 'adm-zip';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  firstProblem,
  formatBuildReport,
  runKpicBuild,
} from '../../packages/vscode/src/kpic-build.js';
import { REPO_ROOT } from '../cli/kpic-process.js';
import { fakeContext, FakeUri, state } from './fake-vscode.js';

vi.mock('vscode', async () => (await import('./fake-vscode.js')).vscode);
// The client library as the extension imports it: a recorder of what the client is given.
vi.mock(
  '../../packages/vscode/node_modules/vscode-languageclient/lib/node/main.js',
  async () => (await import('./fake-vscode.js')).languageClientModule,
);

const EXTENSION = join(REPO_ROOT, 'packages', 'vscode');
const scratch = mkdtempSync(join(tmpdir(), 'kpilang-vsix-'));
const vsix = join(scratch, 'kpilang.vsix');
/** The .vsix unpacked; its files are under `extension/`. */
const unpacked = join(scratch, 'unpacked', 'extension');
let entries: string[] = [];
let zip: AdmZip;

interface Manifest {
  name: string;
  main: string;
  engines: Record<string, string>;
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string; title: string; category: string }[];
  };
}

beforeAll(() => {
  // The package script as a developer runs it, writing the .vsix to the scratch folder.
  execFileSync('pnpm', ['run', 'package', '--out', vsix], { cwd: EXTENSION, stdio: 'pipe' });
  zip = new AdmZip(vsix);
  entries = zip.getEntries().map((entry) => entry.entryName);
  zip.extractAllTo(join(scratch, 'unpacked'), true);
}, 180_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const manifest = (): Manifest => JSON.parse(zip.readAsText('extension/package.json')) as Manifest;

describe('the .vsix', () => {
  test('holds the client, the server, kpic with its templates, and the language files', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        'extension/package.json',
        'extension/readme.md',
        'extension/LICENSE.txt',
        'extension/dist/extension.js',
        'extension/dist/server.mjs',
        'extension/dist/kpic/bin/kpic.mjs',
        'extension/dist/templates/page.hbs',
        'extension/dist/templates/partials/scorecard.hbs',
        'extension/syntaxes/kpi.tmLanguage.json',
        'extension/language-configuration.json',
        'extension/snippets/kpilang.json',
      ]),
    );
  });

  test('carries no node_modules, sources or build scripts', () => {
    const unwanted = entries.filter((entry) =>
      /(^|\/)node_modules\/|^extension\/(src|scripts)\/|\.ts$|tsconfig|^extension\/dist\/types\//.test(
        entry,
      ),
    );
    expect(unwanted).toEqual([]);
  });

  test('contributes the kpilang language, its grammar, configuration and snippets', () => {
    const { contributes, main, engines } = manifest();
    expect(engines.vscode).toBe('^1.91.0');
    expect(entries).toContain(`extension/${main.replace(/^\.\//, '')}`);
    expect(contributes.languages).toEqual([
      expect.objectContaining({ id: 'kpilang', extensions: ['.kpi'] }),
    ]);
    expect(contributes.grammars).toEqual([
      expect.objectContaining({ language: 'kpilang', scopeName: 'source.kpi' }),
    ]);
    expect(contributes.snippets).toEqual([expect.objectContaining({ language: 'kpilang' })]);
    const paths = [
      contributes.languages[0]!.configuration,
      contributes.grammars[0]!.path,
      contributes.snippets[0]!.path,
    ];
    for (const path of paths) expect(entries).toContain(`extension/${path.replace(/^\.\//, '')}`);
    expect(contributes.commands.map((command) => command.command).sort()).toEqual([
      'kpilang.buildFramework',
      'kpilang.openScorecardPreview',
    ]);
  });

  test('carries the repository grammar unchanged', () => {
    const shipped = zip.readAsText('extension/syntaxes/kpi.tmLanguage.json');
    expect(shipped).toBe(readFileSync(join(REPO_ROOT, 'grammar', 'kpi.tmLanguage.json'), 'utf8'));
    expect((JSON.parse(shipped) as { scopeName: string }).scopeName).toBe('source.kpi');
  });

  test('the client requires nothing but vscode and Node built-ins', () => {
    const code = readFileSync(join(unpacked, 'dist', 'extension.js'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!);
    expect(required).toContain('vscode');
    expect(required.filter((name) => name !== 'vscode' && !isBuiltin(name))).toEqual([]);
  });
});

// The server and kpic run from the unpacked .vsix in a temporary folder, where no node_modules
// is within reach: whatever they need must be inside the bundles.
describe('the packaged language server', () => {
  test('answers initialize over stdio and publishes diagnostics', async () => {
    const folder = join(scratch, 'workspace');
    mkdirSync(folder);
    const file = join(folder, 'framework.kpi');
    const text = [
      'framework demo "Demo" { cycle quarterly }',
      'levels { good "Good" points 100  poor "Poor" points 0 }',
      'kpi done "Done" { kind output measure done unit percent better higher target >= 90%',
      '  bands { good from 90%  poor under 90% } every quarter source "HR" }',
      'position clerk "Clerk" { done weight 75% }',
      '',
    ].join('\n');
    writeFileSync(file, text);

    const server = spawn(process.execPath, [join(unpacked, 'dist', 'server.mjs'), '--stdio'], {
      cwd: scratch,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const connection = createMessageConnection(
      new StreamMessageReader(server.stdout),
      new StreamMessageWriter(server.stdin),
    );
    const uri = pathToFileURL(file).href;
    const published = new Promise<{ code?: string | number }[]>((resolve) => {
      connection.onNotification(
        'textDocument/publishDiagnostics',
        (params: { uri: string; diagnostics: { code?: string | number }[] }) => {
          if (params.uri === uri && params.diagnostics.length > 0) resolve(params.diagnostics);
        },
      );
    });
    connection.listen();

    try {
      const result = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(folder).href,
        workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'workspace' }],
        capabilities: {},
      })) as { capabilities: Record<string, unknown>; serverInfo?: { name: string } };
      expect(result.capabilities).toMatchObject({
        hoverProvider: true,
        definitionProvider: true,
        documentSymbolProvider: true,
      });
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'kpilang', version: 1, text },
      });
      // The weights add up to 75%: the bundled checker reports it.
      const diagnostics = await published;
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toContain('KPI201');

      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});

describe('the packaged language server over node IPC', () => {
  test('answers initialize when started as the extension starts it', async () => {
    // vscode-languageclient forks the module with --node-ipc and the editor's process id.
    const server = fork(
      join(unpacked, 'dist', 'server.mjs'),
      ['--node-ipc', `--clientProcessId=${process.pid}`],
      { cwd: scratch, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] },
    );
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    const connection = createMessageConnection(
      new IPCMessageReader(server),
      new IPCMessageWriter(server),
    );
    connection.listen();

    try {
      const result = (await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        capabilities: {},
      })) as { capabilities: Record<string, unknown> };
      expect(result.capabilities).toMatchObject({ renameProvider: { prepareProvider: true } });
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      expect(await exited).toBe(0);
    } finally {
      connection.dispose();
      server.kill();
    }
  });
});

describe('the packaged kpic build', () => {
  const kpic = () => join(unpacked, 'dist', 'kpic', 'bin', 'kpic.mjs');

  test('writes the rule set and the HTML documents of a correct framework', async () => {
    const out = join(scratch, 'out-framework');
    const outcome = await runKpicBuild({
      kpic: kpic(),
      folder: join(REPO_ROOT, 'examples', 'cema', 'framework'),
      out,
      lang: 'en',
    });
    expect(outcome).toMatchObject({
      exitCode: 0,
      cancelled: false,
      problems: [],
      diagnostics: [],
      ruleSet: join(out, 'cema.rules.json'),
      htmlIndex: join(out, 'html', 'index.html'),
    });
    const index = readFileSync(outcome.htmlIndex!, 'utf8');
    expect(index).toContain('href="./scorecard-head_of_personnel.html"');
    expect(existsSync(join(out, 'html', 'scorecard-head_of_personnel.html'))).toBe(true);
    expect(existsSync(join(out, 'pdf'))).toBe(false);
  });

  test(
    'reports the errors of a broken framework with absolute paths and writes ' + 'nothing',
    async () => {
      const folder = join(REPO_ROOT, 'examples', 'cema', 'as-published');
      const out = join(scratch, 'out-as-published');
      const outcome = await runKpicBuild({ kpic: kpic(), folder, out, lang: 'both' });
      expect(outcome.exitCode).toBe(1);
      expect(outcome.htmlIndex).toBeUndefined();
      expect(existsSync(out)).toBe(false);

      const first = firstProblem(outcome)!;
      expect(first.severity).toBe('error');
      expect(existsSync(first.file)).toBe(true);
      const report = formatBuildReport(outcome, folder);
      expect(report).toContain(
        `${first.file}:${first.range.start.line + 1}:${first.range.start.character + 1}: ` +
          `error ${first.code} ${first.message}`,
      );
      expect(report.at(-1)).toMatch(
        /^The framework has \d+ errors, \d+ warnings; nothing was written/,
      );
    },
  );

  test('says in one line what it cannot read', async () => {
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    const noKpi = await runKpicBuild({
      kpic: kpic(),
      folder: empty,
      out: join(empty, 'out'),
      lang: 'both',
    });
    expect(noKpi).toMatchObject({ exitCode: 2, diagnostics: [] });
    expect(noKpi.problems).toEqual([`the folder '${empty}' holds no .kpi files.`]);

    const templates = join(scratch, 'no-such-templates');
    const noTemplates = await runKpicBuild({
      kpic: kpic(),
      folder: join(REPO_ROOT, 'examples', 'cema', 'framework'),
      out: join(scratch, 'out-templates'),
      lang: 'both',
      templates,
    });
    expect(noTemplates).toMatchObject({ exitCode: 2, diagnostics: [] });
    expect(noTemplates.problems).toEqual([
      `Cannot read the templates folder ${templates}: no such file or directory`,
    ]);
    expect(formatBuildReport(noTemplates, templates).at(-1)).toBe(noTemplates.problems[0]);
  });

  test('stops when cancelled', async () => {
    const abort = new AbortController();
    abort.abort();
    const outcome = await runKpicBuild({
      kpic: kpic(),
      folder: join(REPO_ROOT, 'examples', 'cema', 'framework'),
      out: join(scratch, 'out-cancelled'),
      lang: 'both',
      signal: abort.signal,
    });
    expect(outcome.cancelled).toBe(true);
    expect(existsSync(join(scratch, 'out-cancelled'))).toBe(false);
  });
});

function isBuiltin(name: string): boolean {
  return name.startsWith('node:') || builtinModules.includes(name.split('/')[0]!);
}

describe('the commands, in a stand-in VS Code', () => {
  const workspace = join(scratch, 'commands-workspace');
  const framework = join(workspace, 'cema');
  const published = join(workspace, 'as-published');

  beforeAll(() => {
    cpSync(join(REPO_ROOT, 'examples', 'cema', 'framework'), framework, { recursive: true });
    cpSync(join(REPO_ROOT, 'examples', 'cema', 'as-published'), published, { recursive: true });
    mkdirSync(join(framework, 'notes'));
    writeFileSync(join(framework, 'notes', 'todo.kpi'), '// Indicators still to write.\n');
  });

  beforeEach(async () => {
    state.reset();
    state.workspaceFolder = workspace;
    const { registerCommands } = await import('../../packages/vscode/src/commands.js');
    registerCommands(fakeContext(unpacked) as never);
  });

  const run = (command: string, path: string) =>
    state.commands.get(command)!(FakeUri.file(path)) as Promise<void>;

  test(
    'Build framework lists the problems of a broken framework and goes to the ' + 'first',
    async () => {
      state.answer = (message) => (message.kind === 'error' ? 'Go to First Error' : undefined);
      await run('kpilang.buildFramework', join(published, 'catalogue.kpi'));

      expect(state.messages).toEqual([
        {
          kind: 'error',
          text: expect.stringMatching(
            /^kpilang: The framework has \d+ errors, \d+ warnings; nothing/,
          ),
          items: ['Go to First Error', 'Show Output'],
        },
      ]);
      // The framework folder is the one with the header, and every problem has its place.
      expect(state.output[0]).toBe(
        `kpic build ${published} --html --out ${join(published, 'out')} --lang both`,
      );
      const problems = state.output.slice(1, -1);
      expect(problems.length).toBeGreaterThan(5);
      for (const line of problems) {
        expect(line).toMatch(/^\/.+\.kpi:\d+:\d+: (error|warning|info|hint) KPI\d{3} /);
      }
      const first = problems.find((line) => line.includes(': error '))!;
      const [, file, line, column] = /^(.+?):(\d+):(\d+):/.exec(first)!;
      expect(state.shown).toEqual([
        {
          path: file,
          selection: expect.objectContaining({
            startLine: Number(line) - 1,
            startCharacter: Number(column) - 1,
          }),
        },
      ]);
      expect(existsSync(join(published, 'out'))).toBe(false);
    },
  );

  test('Build framework writes the documents and offers the preview', async () => {
    state.answer = (message) => (message.kind === 'info' ? 'Open Preview' : undefined);
    await run('kpilang.buildFramework', framework);

    expect(state.messages).toEqual([
      {
        kind: 'info',
        text: 'kpilang: Built the framework into out/html/index.html (0 errors, 0 warnings).',
        items: ['Open Preview', 'Open in Browser'],
      },
    ]);
    expect(existsSync(join(framework, 'out', 'cema.rules.json'))).toBe(true);
    expect(state.panels).toHaveLength(1);
    const page = state.panels[0]!.webview.html;
    expect(page).toContain("script-src 'nonce-");
    expect(page).toContain('href="./scorecard-head_of_personnel.html"');
  });

  test('a build asked for while another runs waits for it', async () => {
    await Promise.all([
      run('kpilang.buildFramework', framework),
      run('kpilang.buildFramework', join(framework, 'framework.kpi')),
    ]);
    expect(state.messages.map((message) => message.kind)).toEqual(['info', 'info']);
    // Each build starts the output afresh: run one after the other, the second's report
    // is all that is left.
    expect(state.output.filter((line) => line.startsWith('Built the framework'))).toHaveLength(1);
  });

  test('the preview follows links between the documents and nothing else', async () => {
    await run('kpilang.openScorecardPreview', join(framework, 'notes', 'todo.kpi'));
    const panel = state.panels[0]!;
    expect(panel.title).toBe('Scorecards: index');

    await panel.post({ type: 'open', href: './overview.html' });
    expect(panel.title).toBe('Scorecards: overview');
    expect(panel.webview.html).toContain('data-kpilang="index"');

    const overview = panel.webview.html;
    await panel.post({ type: 'open', href: '../../cema.rules.json' });
    await panel.post({ type: 'open', href: '../cema.rules.json' });
    expect(panel.webview.html).toBe(overview);
    expect(state.messages.map((message) => message.kind)).toEqual(['warning', 'warning']);

    await panel.post({ type: 'open', href: './%E0%A4%A.html' });
    expect(state.messages.map((message) => message.kind)).toEqual([
      'warning',
      'warning',
      'warning',
    ]);
    // A page that is not there (a scorecard a later build removed) gives the index.
    await panel.post({ type: 'open', href: './scorecard-nobody.html' });
    expect(panel.title).toBe('Scorecards: index');
    await panel.post({ type: 'open', href: 'overview.html' });

    await panel.post({ type: 'browser' });
    expect(state.external).toEqual([join(framework, 'out', 'html', 'overview.html')]);
    await panel.post({ type: 'index' });
    expect(panel.title).toBe('Scorecards: index');
  });

  test('the documents are in the language the settings ask for', async () => {
    state.settings['kpilang.build.lang'] = 'en';
    await run('kpilang.openScorecardPreview', join(framework, 'framework.kpi'));
    expect(state.output[0]).toMatch(/ --lang en$/);
    expect(state.panels[0]!.webview.html).toMatch(/<html lang="en">/);
  });

  test('activation starts the bundled server over IPC for kpilang files', async () => {
    const { languageClientModule } = await import('./fake-vscode.js');
    const extension = await import('../../packages/vscode/src/extension.js');
    await extension.activate(fakeContext(unpacked) as never);

    const client = languageClientModule.clients.at(-1)!;
    expect(client.started).toBe(true);
    expect(client.id).toBe('kpilang');
    const { run: started, debug } = client.serverOptions as {
      run: { module: string; transport: number };
      debug: { module: string; transport: number; options: { execArgv: string[] } };
    };
    expect(started).toEqual({ module: join(unpacked, 'dist', 'server.mjs'), transport: 1 });
    expect(existsSync(started.module)).toBe(true);
    expect(debug.options.execArgv).toEqual(expect.arrayContaining(['--nolazy']));
    expect(client.clientOptions).toMatchObject({
      documentSelector: [{ scheme: 'file', language: 'kpilang' }],
      synchronize: { fileEvents: { pattern: '**/*.kpi' } },
    });
    expect([...state.commands.keys()].sort()).toEqual([
      'kpilang.buildFramework',
      'kpilang.openScorecardPreview',
    ]);

    await extension.deactivate();
    expect(client.stopped).toBe(true);
  });
});
