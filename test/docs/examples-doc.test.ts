/**
 * Keeps docs/examples.md true to what kpic prints. The page is read from the top, block by
 * block, in a copy of examples/: every `$ pnpm -s kpic ...` line of a ```console block is run
 * with the built CLI and must print the lines below it (a line `...` stands for lines left
 * out). A ```kpi block is a word-for-word excerpt of the Decree 335/2025 framework unless it
 * is marked: `slip` replaces the declaration of the same kind and id in a fresh copy of the
 * framework, out/my-decree, and `ministry` is added to a fresh copy, out/my-ministry, as
 * ministry.kpi, both for the commands that follow. A ```text block marked
 * `explanation-<person>` is that person's explanation in the scores written by then.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDoc, ROOT } from './kpi-blocks.js';

const KPIC = join(ROOT, 'packages', 'cli', 'dist', 'kpic.js');
const FRAMEWORK = 'examples/vn-decree-335/framework';
const SLIP_COPY = 'out/my-decree';
const MINISTRY_COPY = 'out/my-ministry';
const DECREE_SCORES = 'out/decree-scores/scores.json';
const COMMAND = '$ pnpm -s kpic ';

/** A fenced block of the page, with the marker of an HTML comment on the line before it. */
interface Fence {
  language: string;
  text: string;
  line: number;
  marker?: string;
}

/** A command of a console block, what the page shows it printing and what it did print. */
interface Command {
  args: string[];
  shown: string[];
  printed?: string[];
}

/** An explanation block, the person it names, and that person's explanation in the scores. */
interface Explanation {
  person: string;
  shown: string;
  scored?: string;
}

function fencesOf(markdown: string): Fence[] {
  const pattern = /(?:<!--\s*([\w-]+)\s*-->\n)?^```(\w+)\n([\s\S]*?)^```$/gm;

  return [...markdown.matchAll(pattern)].map((match) => {
    const fence = match.index + match[0].indexOf('```');
    const found: Fence = {
      language: match[2] ?? '',
      text: match[3] ?? '',
      line: markdown.slice(0, fence).split('\n').length,
    };
    if (match[1]) found.marker = match[1];
    return found;
  });
}

/** The commands of a console block: each `$` line and the output lines up to the next one. */
function commandsOf(fence: Fence): Command[] {
  const commands: Command[] = [];
  for (const line of fence.text.replace(/\n$/, '').split('\n')) {
    if (line.startsWith(COMMAND)) {
      commands.push({ args: line.slice(COMMAND.length).split(/\s+/), shown: [] });
    } else if (line.startsWith('$ ') || commands.length === 0) {
      throw new Error(`docs/examples.md:${fence.line}: only '${COMMAND}...' is run: ${line}`);
    } else {
      commands[commands.length - 1]!.shown.push(line);
    }
  }
  return commands;
}

const doc = readDoc('examples.md');
const fences = fencesOf(doc);
const commands = new Map<Fence, Command[]>(
  fences.filter((fence) => fence.language === 'console').map((fence) => [fence, commandsOf(fence)]),
);
const explanations = new Map<Fence, Explanation>(
  fences
    .filter((fence) => fence.marker?.startsWith('explanation-'))
    .map((fence) => [
      fence,
      { person: fence.marker!.slice('explanation-'.length), shown: fence.text.trimEnd() },
    ]),
);
const excerpts = fences.filter((fence) => fence.language === 'kpi' && !fence.marker);

let workspace = '';

/** Runs the built kpic in the copy, with stdout and stderr in one file as a terminal shows them. */
function kpic(args: string[]): string[] {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI', 'TERM']) delete env[name];
  const output = join(workspace, 'output.txt');
  const descriptor = openSync(output, 'w');
  try {
    spawnSync(process.execPath, [KPIC, ...args], {
      cwd: join(workspace, 'repo'),
      env,
      stdio: ['ignore', descriptor, descriptor],
    });
  } finally {
    closeSync(descriptor);
  }

  return readFileSync(output, 'utf8').replace(/\n$/, '').split('\n');
}

/** A fresh copy of the decree's framework at `folder` of the copy of the repository. */
function freshCopy(folder: string): string {
  const target = join(workspace, 'repo', folder);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(ROOT, FRAMEWORK), target, { recursive: true });
  return target;
}

/**
 * Replaces the declaration whose kind and id start `block` (`part task_results`, `position
 * specialist`) with the block: the one line, or up to the `}` that closes it at the start of
 * a line.
 */
function replaceDeclaration(folder: string, block: string, line: number): void {
  const [kind, id] = block.split(/\s+/, 2);
  const start = new RegExp(`^${kind} ${id}\\b.*$`, 'm');

  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    const text = readFileSync(path, 'utf8');
    const found = start.exec(text);
    if (!found) continue;

    const close = text.indexOf('\n}\n', found.index);
    const end = found[0].trimEnd().endsWith('{') ? close + 3 : found.index + found[0].length + 1;
    if (end < found.index) throw new Error(`${name}: '${kind} ${id}' is not closed`);
    const changed = text.slice(0, found.index) + block + text.slice(end);
    if (changed === text) throw new Error(`docs/examples.md:${line}: the slip changes nothing`);
    writeFileSync(path, changed);
    return;
  }
  throw new Error(`docs/examples.md:${line}: the framework has no '${kind} ${id}'`);
}

/** What kpic printed, cut as the page cuts it: a `...` line keeps the lines before and after. */
function asShown(printed: string[], shown: string[]): string[] {
  const cut = shown.indexOf('...');
  if (cut === -1) return printed;

  const after = shown.length - cut - 1;
  if (printed.length < cut + after) return printed;
  return [...printed.slice(0, cut), '...', ...printed.slice(printed.length - after)];
}

/** The explanation of `person` in the decree's scores, as the page's commands wrote them. */
function scoredExplanation(person: string): string | undefined {
  const path = join(workspace, 'repo', DECREE_SCORES);
  if (!existsSync(path)) return undefined;
  const scores = JSON.parse(readFileSync(path, 'utf8')) as {
    people: { person: string; explanation: string }[];
  };
  return scores.people.find((item) => item.person === person)?.explanation;
}

beforeAll(() => {
  if (!existsSync(KPIC)) throw new Error(`${KPIC} is missing: run 'pnpm -r run build' first.`);
  workspace = mkdtempSync(join(tmpdir(), 'kpic-examples-doc-'));
  cpSync(join(ROOT, 'examples'), join(workspace, 'repo', 'examples'), { recursive: true });

  // In page order, since a command reads what the ones before it wrote.
  for (const fence of fences) {
    if (fence.marker === 'slip') replaceDeclaration(freshCopy(SLIP_COPY), fence.text, fence.line);
    if (fence.marker === 'ministry') {
      writeFileSync(join(freshCopy(MINISTRY_COPY), 'ministry.kpi'), fence.text);
    }
    for (const command of commands.get(fence) ?? []) command.printed = kpic(command.args);
    const explanation = explanations.get(fence);
    if (explanation) explanation.scored = scoredExplanation(explanation.person);
  }
}, 120_000);

afterAll(() => {
  if (workspace) rmSync(workspace, { recursive: true, force: true });
});

const allCommands = [...commands].flatMap(([fence, list]) =>
  list.map((command) => [fence.line, command.args.join(' '), command] as const),
);

describe('docs/examples.md', () => {
  test('shows the decree checked, built and scored, three slips and a ministry file', () => {
    const run = allCommands.map(([, args]) => args.split(' ')[0]);
    expect(run.filter((name) => name === 'check').length).toBeGreaterThanOrEqual(6);
    expect(run).toContain('build');
    expect(run).toContain('score');
    expect(fences.filter((fence) => fence.marker === 'slip')).toHaveLength(3);
    expect(fences.filter((fence) => fence.marker === 'ministry')).toHaveLength(1);
    expect([...explanations.values()].map((item) => item.person)).toEqual(
      expect.arrayContaining(['p01', 'p05', 'p18', 'p20', 'p30']),
    );
  });

  test.each(allCommands)(
    'the command at line %i, kpic %s, prints what the page shows',
    (_line, _args, command) => {
      expect(asShown(command.printed ?? [], command.shown)).toEqual(command.shown);
    },
  );

  test.each([...explanations].map(([fence, item]) => [item.person, fence.line, item] as const))(
    "%s's explanation (line %i) is the one in the scores",
    (_person, _line, item) => {
      expect(item.scored).toBe(item.shown);
    },
  );

  test.each(excerpts.map((fence) => [fence.line, fence] as const))(
    'the kpi block at line %i is word for word in the framework',
    (_line, fence) => {
      const folder = join(ROOT, FRAMEWORK);
      const files = readdirSync(folder).map((name) => readFileSync(join(folder, name), 'utf8'));
      expect(files.some((text) => text.includes(fence.text))).toBe(true);
    },
  );
});
