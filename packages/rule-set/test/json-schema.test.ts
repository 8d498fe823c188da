/** The JSON Schema derived from the zod schema: shape, documentation and strictness. */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';
import {
  DECIMAL_PATTERN,
  ruleSetJsonSchema,
  safeParseRuleSet,
  type RuleSet,
} from '@kpilang/rule-set';
import { validRuleSet } from './valid-rule-set.js';

interface SchemaNode {
  type?: string;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  description?: string;
  $ref?: string;
  pattern?: string;
  additionalProperties?: boolean;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  $defs?: Record<string, SchemaNode>;
}

/** Every object schema in the tree with the name of where it was found. */
function objectSchemas(node: SchemaNode, where: string): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = node.properties ? [[where, node]] : [];
  for (const [name, child] of Object.entries(node.properties ?? {})) {
    found.push(...objectSchemas(child, `${where}.${name}`));
  }
  if (node.items) found.push(...objectSchemas(node.items, `${where}[]`));
  for (const [name, child] of Object.entries(node.$defs ?? {})) {
    found.push(...objectSchemas(child, `$defs.${name}`));
  }
  return found;
}

describe('ruleSetJsonSchema', () => {
  const schema = ruleSetJsonSchema() as SchemaNode & { $schema?: string; title?: string };

  test('is a draft 2020-12 schema with a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('kpilang rule set');
    expect(schema.description).toMatch(/exact decimal/);
  });

  test('describes every field of every object, so the schema explains itself', () => {
    const undocumented = objectSchemas(schema, '(root)').flatMap(([where, node]) =>
      Object.entries(node.properties ?? {})
        .filter(([, field]) => !field.description)
        .map(([name]) => `${where}.${name}`),
    );

    expect(undocumented).toEqual([]);
  });

  test('forbids fields it does not define in every object', () => {
    const open = objectSchemas(schema, '(root)')
      .filter(([, node]) => node.additionalProperties !== false)
      .map(([where]) => where);

    expect(open).toEqual([]);
  });

  test('carries the decimal pattern so any validator checks number text', () => {
    expect(schema.$defs?.Decimal?.pattern).toBe(DECIMAL_PATTERN.source);
    expect(schema.$defs?.WeightedIndicator?.properties?.weight?.$ref).toBe('#/$defs/Decimal');
  });

  test('uses no format keyword, so validators need no format plugin to check it fully', () => {
    const formats: string[] = [];
    JSON.stringify(schema, (key, value: unknown) => {
      if (key === 'format' && typeof value === 'string') formats.push(value);
      return value;
    });

    expect(formats).toEqual([]);
  });

  test('is plain JSON: it survives a round trip through JSON text unchanged', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  test('defines the formula tree once, as a recursive Expression with five kinds of node', () => {
    const defs = schema.$defs ?? {};
    const kinds = (defs.Expression?.anyOf ?? []).map((branch) => branch.$ref);
    const refs = [
      defs.OperationExpression?.properties?.left?.$ref,
      defs.OperationExpression?.properties?.right?.$ref,
      defs.NegateExpression?.properties?.negate?.$ref,
      defs.CallExpression?.properties?.args?.items?.$ref,
    ];

    expect(kinds).toEqual([
      '#/$defs/MeasureExpression',
      '#/$defs/NumberExpression',
      '#/$defs/OperationExpression',
      '#/$defs/NegateExpression',
      '#/$defs/CallExpression',
    ]);
    expect(refs).toEqual(refs.map(() => '#/$defs/Expression'));
    expect(defs.Expression?.description).toMatch(/100 × left ÷ right/);
  });

  test('requires the expression of a formula and gives a survey none', () => {
    const defs = schema.$defs ?? {};

    expect(defs.Measurement?.oneOf?.map((branch) => branch.$ref)).toEqual([
      '#/$defs/FormulaMeasurement',
      '#/$defs/SurveyMeasurement',
    ]);
    expect(defs.FormulaMeasurement?.required).toContain('expression');
    expect(Object.keys(defs.SurveyMeasurement?.properties ?? {})).not.toContain('expression');
  });
});

describe('ruleSetJsonSchema in a strict validator (ajv)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(ruleSetJsonSchema());

  /** The valid rule set with its first indicator's measurement replaced by `measurement`. */
  function withMeasurement(measurement: unknown): RuleSet {
    const ruleSet = validRuleSet();
    ruleSet.indicators[0]!.measurement = measurement as never;
    return ruleSet;
  }

  const formula = { kind: 'formula', text: 'x', measures: ['a', 'b'] };

  test('accepts a nested expression, as zod does', () => {
    const expression = {
      negate: {
        op: '/',
        left: { call: 'mean', args: [{ measure: 'a' }, { number: '-2.5' }] },
        right: { op: '*', left: { measure: 'b' }, right: { number: '100' } },
      },
    };

    const ruleSet = withMeasurement({ ...formula, expression });

    expect(validate(ruleSet), ajv.errorsText(validate.errors)).toBe(true);
    expect(safeParseRuleSet(ruleSet).success).toBe(true);
  });

  test('checks the rounding of the framework as zod does: places "0" to "6", half up only', () => {
    const ruleSet = validRuleSet();
    expect(validate(ruleSet), ajv.errorsText(validate.errors)).toBe(true);

    for (const rounding of [
      { mode: 'half-up', total: '7' },
      { mode: 'half-up', values: '1.5' },
      { mode: 'half-even', total: '2' },
      { total: '2' },
    ]) {
      ruleSet.framework.rounding = rounding as never;
      expect(validate(ruleSet)).toBe(false);
      expect(safeParseRuleSet(ruleSet).success).toBe(false);
    }
  });

  test('explains half-up rounding with its examples, for implementers in other languages', () => {
    const json = ruleSetJsonSchema() as SchemaNode;
    const rounding = json.$defs?.Rounding?.properties?.mode?.description ?? '';

    expect(rounding).toMatch(/farther from zero/);
    expect(rounding).toContain('2.345 to 2 places is 2.35');
    expect(rounding).toContain('-2.345 is -2.35');
    expect(rounding).toContain('94.95 to 0 places is 95');
  });

  test.each([
    ['a formula without its expression', formula],
    ['a call without arguments', { ...formula, expression: { call: 'max', args: [] } }],
    ['a bracket node', { ...formula, expression: { paren: { measure: 'a' } } }],
    ['a bad node deep inside', { ...formula, expression: { negate: { number: '5%' } } }],
    [
      'a survey with an expression',
      { kind: 'survey', text: 'survey a', measures: ['a'], expression: { measure: 'a' } },
    ],
  ])('rejects %s, as zod does', (_, measurement) => {
    const ruleSet = withMeasurement(measurement);

    expect(validate(ruleSet)).toBe(false);
    expect(safeParseRuleSet(ruleSet).success).toBe(false);
  });
});
