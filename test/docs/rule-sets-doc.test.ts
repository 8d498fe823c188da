/**
 * Keeps docs/rule-sets.md true: its TypeScript examples type-check against @kpilang/runtime's
 * declarations and print what the page says when run with node on the page's rows; `kpic
 * score` on those rows writes the page's scores.csv; every JSON excerpt marked as CEMA's is
 * found in the built CEMA rule set; and every property name, `$defs` entry and enumerated
 * value of the JSON Schema is named on the page. Runs the built packages and CLI, as the
 * end-to-end tests do.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ruleSetJsonSchema } from '@kpilang/rule-set';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readDoc, ROOT } from './kpi-blocks.js';

const KPIC = join(ROOT, 'packages', 'cli', 'dist', 'kpic.js');
const RUNTIME = join(ROOT, 'packages', 'runtime');
const page = readDoc('rule-sets.md');

/** The code of the fenced block of `language` right after `<!-- marker -->`, or every such block. */
function markedBlocks(marker: string, language: string): string[] {
  const fence = new RegExp(
    `<!--\\s*${marker}\\s*-->\\n\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`,
    'gm',
  );
  return [...page.matchAll(fence)].map((match) => match[1] ?? '');
}

function markedBlock(marker: string, language: string): string {
  const [block, ...more] = markedBlocks(marker, language);
  if (block === undefined || more.length > 0) {
    throw new Error(
      `docs/rule-sets.md needs exactly one \`\`\`${language} block after <!-- ${marker} -->`,
    );
  }
  return block;
}

/** Every ```ts block of the page, wherever it is. */
const tsBlocks = [...page.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? '');

let folder = '';

beforeAll(() => {
  if (!existsSync(KPIC)) throw new Error(`${KPIC} is missing: run 'pnpm -r run build' first.`);
  folder = mkdtempSync(join(tmpdir(), 'kpilang-rule-sets-doc-'));
  const built = kpic(['build', join(ROOT, 'examples', 'cema', 'framework'), '--out', 'out']);
  if (built.status !== 0)
    throw new Error(`kpic build of the CEMA example failed:\n${built.stderr}`);
  writeFileSync(join(folder, 'rows.csv'), markedBlock('rows.csv', 'csv'));
  // The examples import '@kpilang/runtime' as a user's program would; the link makes node and
  // TypeScript find the built package from the folder the examples run in.
  mkdirSync(join(folder, 'node_modules', '@kpilang'), { recursive: true });
  symlinkSync(RUNTIME, join(folder, 'node_modules', '@kpilang', 'runtime'), 'dir');
});

afterAll(() => {
  if (folder !== '') rmSync(folder, { recursive: true, force: true });
});

function kpic(args: string[]) {
  return spawnSync(process.execPath, [KPIC, ...args], { cwd: folder, encoding: 'utf8' });
}

/** Writes a ```ts example as an .mts file, compiles it to JavaScript and runs it with node. */
function runExample(code: string, name: string) {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(join(folder, `${name}.mjs`), outputText);
  return spawnSync(process.execPath, [`${name}.mjs`], { cwd: folder, encoding: 'utf8' });
}

describe('docs/rule-sets.md, scoring from TypeScript', () => {
  test('the page has the example, its streaming variant and nothing else in TypeScript', () => {
    expect(tsBlocks).toHaveLength(2);
    expect(tsBlocks).toEqual([markedBlock('example', 'ts'), markedBlock('example-stream', 'ts')]);
  });

  test("every example type-checks, strictly, against @kpilang/runtime's declarations", () => {
    const files = tsBlocks.map((code, index) => {
      const file = join(folder, `typed-${index}.mts`);
      writeFileSync(file, code);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      return `${diagnostic.file.fileName}:${line + 1}:${character + 1} ${text}`;
    });
    expect(problems).toEqual([]);
  });

  test('the example prints what the page says it prints', () => {
    const run = runExample(markedBlock('example', 'ts'), 'example');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(markedBlock('example-output', 'text'));
  });

  test('the streaming example writes one line per person and the counts of the rows', () => {
    const run = runExample(markedBlock('example-stream', 'ts'), 'example-stream');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('10 of 11 rows used, 1 rejected\n');
    const lines = readFileSync(join(folder, 'scores.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as { person: string; total: unknown })).toEqual([
      expect.objectContaining({ person: 'e1', total: { exact: '860/11', display: '78.1818' } }),
    ]);
  });
});

describe('docs/rule-sets.md, kpic score', () => {
  test("writes the page's scores.csv for the page's rows, rejects row 11 and exits 1", () => {
    const run = kpic([
      'score',
      '--rules',
      'out/cema.rules.json',
      '--data',
      'rows.csv',
      '--period',
      '2024-Q3',
      '--out',
      'scored',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      'kpic: scored 1 person for 2024-Q3 (0 complete, 1 incomplete, 0 unrated); 10 of 11 rows ' +
        'used; 1 rejected',
    );
    expect(readFileSync(join(folder, 'scored', 'scores.csv'), 'utf8')).toBe(
      markedBlock('scores.csv', 'csv'),
    );
    const [header, ...rejected] = readFileSync(join(folder, 'scored', 'rejected.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(header).toBe('row,line,column,person,code,reason');
    expect(rejected).toEqual([expect.stringMatching(/^11,12,value,e1,bad-number,/)]);
  });
});

describe('docs/rule-sets.md, the CEMA excerpts', () => {
  const excerpts = markedBlocks('cema-excerpt', 'json');

  test('there are excerpts to check', () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(5);
  });

  test.each(excerpts.map((text, index) => [index + 1, text] as const))(
    'excerpt %i is part of the built CEMA rule set',
    (_, text) => {
      const ruleSet: unknown = JSON.parse(
        readFileSync(join(folder, 'out', 'cema.rules.json'), 'utf8'),
      );
      const excerpt: unknown = JSON.parse(text);
      expect(someSubtree(ruleSet, (node) => isPartOf(excerpt, node))).toBe(true);
    },
  );
});

/**
 * True when `excerpt` shows part of `actual`: the same scalars, an object's keys a subset of
 * the actual object's with each value shown in part, and a list the first entries of the
 * actual list, in order.
 */
function isPartOf(excerpt: unknown, actual: unknown): boolean {
  if (Array.isArray(excerpt)) {
    return (
      Array.isArray(actual) &&
      excerpt.length <= actual.length &&
      excerpt.every((item, index) => isPartOf(item, actual[index]))
    );
  }
  if (typeof excerpt === 'object' && excerpt !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return false;
    const record = actual as Record<string, unknown>;
    return Object.entries(excerpt).every(
      ([key, value]) => key in record && isPartOf(value, record[key]),
    );
  }
  return excerpt === actual;
}

/** True when `test` holds for `value` or any object or list inside it. */
function someSubtree(value: unknown, test: (node: unknown) => boolean): boolean {
  if (test(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some((child) => someSubtree(child, test));
}

describe('docs/rule-sets.md, field by field', () => {
  const schema = ruleSetJsonSchema();
  const words = schemaWords(schema);

  test('the JSON Schema has the fields and definitions the walk expects', () => {
    // Guards the walk itself: a schema shape it did not descend into would pass vacuously.
    expect(words.properties).toEqual(
      expect.arrayContaining(['format', 'sourceHash', 'minimumResponses', 'negate', 'args']),
    );
    expect(words.definitions).toEqual(expect.arrayContaining(['Interval', 'WeightedIndicator']));
    expect(words.values).toEqual(expect.arrayContaining(['half-year', 'every', 'half-up', '/']));
  });

  // The assertions test booleans, so a failure names the word rather than printing the page.
  test.each(words.properties)('names the property `%s`', (name) => {
    expect(page.includes(`\`${name}\``), `no \`${name}\` on the page`).toBe(true);
  });

  test.each(words.definitions)('names the schema definition `%s`', (name) => {
    expect(page.includes(`\`${name}\``), `no \`${name}\` on the page`).toBe(true);
  });

  test.each(words.values)('names the enumerated value `%s`', (value) => {
    const named = new RegExp(`\`(?:"${escape(value)}"|${escape(value)})\``).test(page);
    expect(named, `neither \`${value}\` nor \`"${value}"\` on the page`).toBe(true);
  });
});

/**
 * The property names, `$defs` names and enumerated or constant string values of a JSON
 * Schema, each once, found by walking every keyword that holds a subschema.
 */
function schemaWords(schema: Record<string, unknown>): {
  properties: string[];
  definitions: string[];
  values: string[];
} {
  const properties = new Set<string>();
  const values = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (isRecord(record.properties)) {
      for (const [name, child] of Object.entries(record.properties)) {
        properties.add(name);
        visit(child);
      }
    }
    if (typeof record.const === 'string') values.add(record.const);
    if (Array.isArray(record.enum)) {
      for (const value of record.enum) if (typeof value === 'string') values.add(value);
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf', 'additionalProperties']) {
      visit(record[key]);
    }
    if (isRecord(record.$defs)) Object.values(record.$defs).forEach(visit);
  };
  visit(schema);
  const definitions = isRecord(schema.$defs) ? Object.keys(schema.$defs) : [];
  return { properties: [...properties], definitions, values: [...values] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
