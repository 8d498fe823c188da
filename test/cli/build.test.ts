/**
 * `kpic build` end to end: what it writes and where, that nothing is written on error, that
 * writes are atomic, that the same input gives the same bytes, and that the rule set passes
 * an independent validator (ajv) given the JSON Schema that `kpic schema` prints.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import { BROKEN, CLEAN } from './frameworks.js';
import { kpic, workspace } from './kpic-process.js';

describe('kpic build', () => {
  test('writes <out>/<framework-id>.rules.json, says so, and leaves no temporary file', () => {
    const root = workspace(CLEAN);
    const result = kpic(['build', 'fw', '--out', 'dist/rules'], root);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Wrote dist/rules/demo.rules.json\n');
    expect(readdirSync(join(root, 'dist', 'rules'))).toEqual(['demo.rules.json']);
  });

  test('writes to ./out by default', () => {
    const root = workspace(CLEAN);

    expect(kpic(['build', 'fw'], root).code).toBe(0);
    expect(existsSync(join(root, 'out', 'demo.rules.json'))).toBe(true);
  });

  test('writes a rule set that ajv validates against the schema kpic schema prints', () => {
    const root = workspace(CLEAN);
    kpic(['build', 'fw'], root);
    const schema = JSON.parse(kpic(['schema'], root).stdout) as object;
    const ruleSet = JSON.parse(readFileSync(join(root, 'out', 'demo.rules.json'), 'utf8')) as {
      positions: { indicators: { weight: string }[] }[];
    };

    // Strict mode: ajv rejects any keyword or format it does not know instead of ignoring it.
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    const validate = ajv.compile(schema);
    expect(validate(ruleSet), JSON.stringify(validate.errors)).toBe(true);

    // The validator is not a rubber stamp: a weight written as a JSON number fails it.
    (ruleSet.positions[0]!.indicators[0] as { weight: unknown }).weight = 100;
    expect(validate(ruleSet)).toBe(false);
  });

  test('gives the same bytes for the same sources, from any folder and path spelling', () => {
    const first = workspace(CLEAN);
    const second = workspace(CLEAN);
    kpic(['build', 'fw'], first);
    kpic(['build', '.', '--out', join(second, 'elsewhere')], join(second, 'fw'));

    const bytes = readFileSync(join(first, 'out', 'demo.rules.json'));
    expect(readFileSync(join(second, 'elsewhere', 'demo.rules.json')).equals(bytes)).toBe(true);
    expect(bytes.toString('utf8')).not.toContain(first);
  });

  test('gives the same bytes when some sources lie outside the folder kpic runs from', () => {
    // Relative to a/, the path ../b/positions.kpi sorts before framework.kpi; by absolute
    // path it sorts after. The order of the rule set must follow the files, not the spelling.
    const files = {
      'a/framework.kpi': CLEAN['fw/framework.kpi'],
      'b/positions.kpi': CLEAN['fw/positions.kpi'],
    };
    const root = workspace(files);
    expect(kpic(['build', 'a', 'b', '--out', 'from-root'], root).code).toBe(0);
    expect(kpic(['build', '.', '../b', '--out', '../from-a'], join(root, 'a')).code).toBe(0);

    const fromRoot = readFileSync(join(root, 'from-root', 'demo.rules.json'));
    expect(readFileSync(join(root, 'from-a', 'demo.rules.json')).equals(fromRoot)).toBe(true);
  });

  test('writes nothing when there is an error, and leaves an earlier rule set untouched', () => {
    const root = workspace({ ...BROKEN, 'out/demo.rules.json': 'earlier build' });
    const result = kpic(['build', 'fw'], root);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^fw\/positions\.kpi:8:\d+: error KPI/m);
    expect(readdirSync(join(root, 'out'))).toEqual(['demo.rules.json']);
    expect(readFileSync(join(root, 'out', 'demo.rules.json'), 'utf8')).toBe('earlier build');
  });

  test('creates no output folder when there is an error', () => {
    const root = workspace(BROKEN);
    kpic(['build', 'fw', '--out', 'fresh'], root);

    expect(existsSync(join(root, 'fresh'))).toBe(false);
  });

  test('exits 2 in one line when the output cannot be written, and leaves no partial file', () => {
    const root = workspace(CLEAN);
    mkdirSync(join(root, 'out', 'demo.rules.json'), { recursive: true });
    writeFileSync(join(root, 'out', 'demo.rules.json', 'keep'), '');
    const result = kpic(['build', 'fw'], root);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kpic: cannot write 'out\/demo\.rules\.json': .+\n$/m);
    expect(readdirSync(join(root, 'out'))).toEqual(['demo.rules.json']);
  });

  test('prints diagnostics as JSON on stderr and the written file as JSON on stdout', () => {
    const root = workspace(CLEAN);
    const result = kpic(['build', 'fw', '--format', 'json'], root);

    expect(result.code).toBe(0);
    expect(Array.isArray(JSON.parse(result.stderr))).toBe(true);
    expect(JSON.parse(result.stdout)).toEqual({ output: 'out/demo.rules.json' });
  });
});
