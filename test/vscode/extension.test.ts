/**
 * The parts of the VS Code extension that do not need VS Code: the manifest against the
 * source (every contributed command has a handler), the language configuration against the
 * lexer, the preview's page, and the search for a file's framework folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSource } from '@kpilang/core';
import { renderHtml } from '@kpilang/render';
import type { RuleSet } from '@kpilang/rule-set';
import { afterAll, describe, expect, test } from 'vitest';
import { findFrameworkFolder } from '../../packages/vscode/src/framework-folder.js';
import { readPreviewMessage, toPreviewHtml } from '../../packages/vscode/src/preview-html.js';
import { REPO_ROOT } from '../cli/kpic-process.js';

const EXTENSION = join(REPO_ROOT, 'packages', 'vscode');
const read = (path: string) => readFileSync(join(EXTENSION, path), 'utf8');

interface Manifest {
  activationEvents?: string[];
  contributes: {
    commands: { command: string; title: string; category: string }[];
    menus: Record<string, { command: string }[]>;
  };
}

const manifest = JSON.parse(read('package.json')) as Manifest;

describe('the manifest and the source', () => {
  test('every contributed command is registered by the extension', () => {
    const source = read('src/commands.ts');
    const table = /export const COMMANDS = \{([^}]*)\}/.exec(source)![1]!;
    const ids = new Map([...table.matchAll(/(\w+): '([\w.]+)'/g)].map((m) => [m[2]!, m[1]!]));
    const registered = [...source.matchAll(/registerCommand\(COMMANDS\.(\w+)/g)].map((m) => m[1]);

    expect(manifest.contributes.commands.length).toBeGreaterThan(0);
    for (const { command, category } of manifest.contributes.commands) {
      expect(category).toBe('kpilang');
      expect(ids.has(command), `${command} is in COMMANDS`).toBe(true);
      expect(registered, `${command} has a handler`).toContain(ids.get(command));
    }
    const contributed = manifest.contributes.commands.map(({ command }) => command);
    for (const entries of Object.values(manifest.contributes.menus)) {
      for (const { command } of entries) expect(contributed).toContain(command);
    }
  });

  test('the entry starts the client and registers the commands', () => {
    const source = read('src/extension.ts');
    expect(source).toMatch(/export async function activate\(/);
    expect(source).toMatch(/export async function deactivate\(/);
    expect(source).toContain("context.asAbsolutePath('dist/server.mjs')");
    expect(source).toContain('TransportKind.ipc');
    expect(source).toContain("documentSelector: [{ scheme: 'file', language: 'kpilang' }]");
    expect(source).toContain("createFileSystemWatcher('**/*.kpi')");
    expect(source).toContain('registerCommands(context)');
  });
});

describe('the language configuration', () => {
  const configuration = JSON.parse(read('language-configuration.json')) as {
    comments: { lineComment: string; blockComment: [string, string] };
    wordPattern: string;
  };

  test('comments out lines the way the lexer reads comments', () => {
    const { lineComment, blockComment } = configuration.comments;
    const broken = 'kpi { weight';
    expect(parseSource(broken, 'file:///a.kpi').diagnostics).not.toEqual([]);
    expect(parseSource(`${lineComment} ${broken}`, 'file:///a.kpi').diagnostics).toEqual([]);
    const block = `${blockComment[0]} ${broken}\n${broken} ${blockComment[1]}`;
    expect(parseSource(block, 'file:///a.kpi').diagnostics).toEqual([]);
  });

  test('takes a name with underscores, a number with its unit and a date as one word', () => {
    const words = new RegExp(configuration.wordPattern, 'g');
    const line = 'task_completion weight 33.5% every 48h effective 2024-07-01 tỷ_lệ';
    expect(line.match(words)).toEqual([
      'task_completion',
      'weight',
      '33.5%',
      'every',
      '48h',
      'effective',
      '2024-07-01',
      'tỷ_lệ',
    ]);
  });
});

describe('the scorecard preview page', () => {
  const ruleSet = JSON.parse(
    readFileSync(join(REPO_ROOT, 'test', 'golden', 'cema.rules.json'), 'utf8'),
  ) as RuleSet;
  const pageOf = async (path: string): Promise<string> => {
    const files = await renderHtml(ruleSet, { lang: 'en' });
    const file = files.find((candidate) => candidate.path === path)!;
    return typeof file.data === 'string' ? file.data : Buffer.from(file.data).toString('utf8');
  };
  const options = { cspSource: 'https://webview.test', nonce: 'bm9uY2U=', isIndex: true };

  test('allows no script but its own and no request outside the webview', async () => {
    const html = toPreviewHtml(await pageOf('index.html'), options);
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(policy).toMatch(/^default-src 'none'; /);
    expect(policy).toContain("script-src 'nonce-bm9uY2U='");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
    expect(scripts).toEqual(['<script nonce="bm9uY2U=">']);
  });

  test('keeps the document and its links between pages', async () => {
    const page = await pageOf('index.html');
    const html = toPreviewHtml(page, options);
    const links = (text: string) => [...text.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links(html)).toEqual(links(page));
    expect(links(page)).toContain('./scorecard-head_of_personnel.html');
    expect(html).toContain(page.slice(page.indexOf('<main>'), page.indexOf('</main>')));
  });

  test('links a scorecard back to the index, and the index not to itself', async () => {
    const scorecard = await pageOf('scorecard-head_of_personnel.html');
    expect(toPreviewHtml(scorecard, { ...options, isIndex: false })).toContain(
      '<a data-kpilang="index">Index</a>',
    );
    expect(toPreviewHtml(scorecard, options)).not.toContain('data-kpilang="index"');
  });

  test('accepts only the messages its script sends', () => {
    expect(readPreviewMessage({ type: 'open', href: './overview.html' })).toEqual({
      type: 'open',
      href: './overview.html',
    });
    expect(readPreviewMessage({ type: 'browser' })).toEqual({ type: 'browser' });
    expect(readPreviewMessage({ type: 'open' })).toBeUndefined();
    expect(readPreviewMessage({ type: 'run', href: 'x' })).toBeUndefined();
    expect(readPreviewMessage('open')).toBeUndefined();
  });
});

describe('findFrameworkFolder', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'kpilang-folder-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(scratch, path, '..'), { recursive: true });
    writeFileSync(join(scratch, path), text);
  };
  write('fw/main.kpi', '// The header.\nframework demo "Demo" {\n  cycle quarterly\n}\n');
  write('fw/positions/clerk.kpi', 'position clerk "Clerk" { }\n');
  write('fw/positions/deep/officer.kpi', 'position officer "Officer" { }\n');
  write('loose/notes.kpi', '// framework is only a word in this comment\nkpi a "A" { }\n');

  test('is the folder of a file that holds the header', async () => {
    expect(await findFrameworkFolder(join(scratch, 'fw/main.kpi'), scratch)).toBe(
      join(scratch, 'fw'),
    );
    const example = join(REPO_ROOT, 'examples', 'cema', 'framework');
    expect(await findFrameworkFolder(join(example, 'contexts.kpi'), REPO_ROOT)).toBe(example);
  });

  test('goes up from a sub-folder to the folder with the header', async () => {
    const file = join(scratch, 'fw/positions/deep/officer.kpi');
    expect(await findFrameworkFolder(file, scratch)).toBe(join(scratch, 'fw'));
  });

  test("is the file's own folder when no folder up to the workspace holds a header", async () => {
    const file = join(scratch, 'loose/notes.kpi');
    expect(await findFrameworkFolder(file, scratch)).toBe(join(scratch, 'loose'));
    const outside = join(scratch, 'fw/positions/clerk.kpi');
    expect(await findFrameworkFolder(outside, join(scratch, 'loose'))).toBe(
      join(scratch, 'fw/positions'),
    );
  });
});
