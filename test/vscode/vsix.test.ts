/**
 * The packaged VS Code extension: `pnpm run package` of packages/vscode gives a .vsix that
 * carries everything the extension needs and no node_modules, and the language server and the
 * kpic build inside it run from the unpacked files alone, outside the workspace.
 */
import { spawn, execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AdmZip from 'adm-zip';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  firstProblem,
  formatBuildReport,
  runKpicBuild,
} from '../../packages/vscode/src/kpic-build.js';
import { REPO_ROOT } from '../cli/kpic-process.js';

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

  test('reports the errors of a broken framework with absolute paths and writes nothing', async () => {
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
  });

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
