/** The emitter: the resolved model becomes a valid, deterministic rule set. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DECIMAL_PATTERN, parseRuleSet, serializeRuleSet } from '@kpilang/rule-set';
import { emitRuleSet } from '../../src/emit/emit.js';
import { toText } from '../../src/util/decimal.js';
import { COMPILER_VERSION } from '../../src/version.js';
import { FIXTURE_SOURCES, modelFixture } from './model-fixture.js';

describe('emitRuleSet', () => {
  test('emits a rule set that the schema accepts', () => {
    const ruleSet = emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES });

    expect(parseRuleSet(JSON.parse(serializeRuleSet(ruleSet)))).toEqual(ruleSet);
    expect(ruleSet.format).toBe('kpilang.rules/3');
    expect(ruleSet.compiler).toEqual({ name: 'kpic', version: COMPILER_VERSION });
  });

  test('writes numbers as their shortest exact decimal text', () => {
    const ruleSet = emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES });
    const head = ruleSet.positions[0]!;

    expect(head.indicators.map((weighted) => weighted.weight)).toEqual(['66.7', '33.3']);
    expect(head.total).toBe('100');
    expect(ruleSet.indicators[0]!.bands[1]!.interval).toEqual({
      low: '80',
      lowInclusive: true,
      high: '95',
      highInclusive: false,
    });
  });

  test('leaves out what the model does not say, and never marks an unbounded end inclusive', () => {
    const ruleSet = emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES });
    const satisfaction = ruleSet.indicators[1]!;

    expect(Object.keys(satisfaction)).not.toContain('direction');
    expect(Object.values(satisfaction)).not.toContain(undefined);
    expect(ruleSet.indicators[0]!.bands[2]!.interval).toEqual({
      lowInclusive: false,
      high: '80',
      highInclusive: false,
    });
  });

  test("writes the missing-data rule in effect: the indicator's own, else the framework's", () => {
    const ruleSet = emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES });

    expect(ruleSet.indicators.map((indicator) => indicator.missingData)).toEqual([
      'unrated',
      'exclude',
    ]);
  });

  test("writes each context's effective positions, not the base ones", () => {
    const ruleSet = emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES });

    expect(ruleSet.positions[0]!.indicators[0]!.target?.low).toBe('95');
    expect(ruleSet.contexts[0]!.positions[0]!.indicators[0]!.target?.low).toBe('90');
  });

  test('gives the same bytes for two emits of the same input', () => {
    const first = serializeRuleSet(emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES }));
    const second = serializeRuleSet(
      emitRuleSet(modelFixture(), { sources: [...FIXTURE_SOURCES].reverse() }),
    );

    expect(second).toBe(first);
  });

  test('writes no timestamp and no path of the machine', () => {
    const text = serializeRuleSet(emitRuleSet(modelFixture(), { sources: FIXTURE_SOURCES }));

    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(text).not.toContain(process.cwd());
    expect(text).not.toContain('examples/demo');
  });

  test('refuses a model without a framework, which the checker never lets through', () => {
    const model = modelFixture();
    delete model.framework;

    expect(() => emitRuleSet(model, { sources: [] })).toThrow(/KPI010/);
  });

  test('refuses to return a rule set that fails the schema, naming the bad path', () => {
    const model = modelFixture();
    model.positions[0]!.id = 'head of division';

    expect(() => emitRuleSet(model, { sources: [] })).toThrow(/positions\.0\.id/);
  });
});

describe('decimal text and the schema', () => {
  test('every decimal the core writes matches the pattern the schema demands', () => {
    const decimals = fc.record({
      units: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
      scale: fc.integer({ min: 0, max: 12 }),
    });

    fc.assert(
      fc.property(decimals, (value) => {
        expect(toText(value)).toMatch(DECIMAL_PATTERN);
      }),
    );
  });
});
