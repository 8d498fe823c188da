/** The JSON Schema derived from the zod schema: shape, documentation and strictness. */
import { describe, expect, test } from 'vitest';
import { DECIMAL_PATTERN, ruleSetJsonSchema } from '@kpilang/rule-set';

interface SchemaNode {
  type?: string;
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
});
