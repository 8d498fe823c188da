/**
 * Emit through the whole pipeline, on the corrected CEMA framework: the rule set is valid,
 * the same sources always give the same bytes, and line endings change only the hash; the
 * header's rounding is written when given, and only then.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseRuleSet, serializeRuleSet } from '@kpilang/rule-set';
import { compileSources, type SourceInput } from '../../src/compile.js';

const folder = fileURLToPath(new URL('../../../../examples/cema/framework/', import.meta.url));

/** The framework's files, named under `prefix`. */
function sources(prefix: string): SourceInput[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.kpi'))
    .map((name) => ({ uri: `${prefix}${name}`, text: readFileSync(`${folder}${name}`, 'utf8') }));
}

function build(inputs: SourceInput[]): string {
  const result = compileSources(inputs);
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(errors).toEqual([]);
  return serializeRuleSet(result.ruleSet!);
}

describe('emit through compileSources', () => {
  test('builds a rule set of the corrected framework that the schema accepts', () => {
    const text = build(sources('examples/cema/framework/'));

    expect(parseRuleSet(text).framework.id).toBe('cema');
  });

  test('gives the same bytes for two compiles, whatever the folder and the order of files', () => {
    const first = build(sources('examples/cema/framework/'));
    const second = build(sources('C:/elsewhere/').reverse());

    expect(second).toBe(first);
  });

  test('gives the same rules for CRLF and BOM twins; only the CRLF hash differs', () => {
    const lf = parseRuleSet(build(sources('fw/')));
    const withBom = sources('fw/').map((source) => ({ ...source, text: `\uFEFF${source.text}` }));
    const withCrlf = sources('fw/').map((source) => ({
      ...source,
      text: source.text.replace(/\r?\n/g, '\r\n'),
    }));

    expect(parseRuleSet(build(withBom))).toEqual(lf);
    const crlf = parseRuleSet(build(withCrlf));
    expect({ ...crlf, sourceHash: lf.sourceHash }).toEqual(lf);
    expect(crlf.sourceHash).not.toBe(lf.sourceHash);
  });
});

describe('the rounding of the header in the rule set', () => {
  /** The CEMA sources with `clauses` added to the header, after its cycle. */
  function withRounding(clauses: string): SourceInput[] {
    return sources('fw/').map((source) => {
      if (!source.uri.endsWith('framework.kpi')) return source;
      const text = source.text.replace('  cycle quarterly\n', `  cycle quarterly\n${clauses}`);
      expect(text).not.toBe(source.text);
      return { ...source, text };
    });
  }

  test('is absent when the header has no round clause', () => {
    const ruleSet = parseRuleSet(build(sources('fw/')));

    expect(Object.keys(ruleSet.framework)).not.toContain('rounding');
  });

  test(
    'writes both clauses as half-up rounding with decimal text, and the schema accepts ' + 'it',
    () => {
      const text = build(
        withRounding('  round values to 1 decimal\n  round total to 2 decimals\n'),
      );

      expect(parseRuleSet(text).framework.rounding).toEqual({
        mode: 'half-up',
        values: '1',
        total: '2',
      });
      expect(JSON.parse(text).framework.rounding).toEqual({
        mode: 'half-up',
        values: '1',
        total: '2',
      });
    },
  );

  test('writes only the clause that is given; 0 decimals is "0"', () => {
    const ruleSet = parseRuleSet(build(withRounding('  round total to 0 decimals\n')));

    expect(ruleSet.framework.rounding).toEqual({ mode: 'half-up', total: '0' });
  });

  test('builds nothing when a count is out of range (KPI013)', () => {
    const result = compileSources(withRounding('  round values to 7 decimals\n'));

    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('KPI013');
    expect(result.ruleSet).toBeUndefined();
  });
});
