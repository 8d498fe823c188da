/**
 * A consumer in another language: Python's jsonschema package validates the CEMA rule set
 * against the schema `kpic schema` prints, with the validator class the schema's `$schema`
 * names, and rejects broken copies of it. This shows the schema alone is enough for a
 * consumer that never runs JavaScript.
 *
 * It needs python3 with jsonschema; `pnpm test` installs them first (scripts/system-tools.mjs).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { kpic, REPO_ROOT, workspace } from '../cli/kpic-process.js';

/**
 * Validates argv[2] against the schema in argv[1], and prints what the validator class was
 * and every error: where it is in the document and which keyword failed. An error under
 * `oneOf` or `anyOf` is reported by the errors of its branches, so that the path reaches the
 * field at fault. Exit 0 valid, 1 invalid, 2 a `$schema` jsonschema does not know.
 */
const VALIDATE = `
import json, sys
from jsonschema import validators

with open(sys.argv[1], encoding="utf-8") as file:
    schema = json.load(file)
with open(sys.argv[2], encoding="utf-8") as file:
    document = json.load(file)

validator_class = validators.validator_for(schema, default=None)
if validator_class is None:
    print(json.dumps({"validator": None, "errors": []}))
    sys.exit(2)
validator_class.check_schema(schema)

def leaves(error):
    if not error.context:
        yield error
    for branch in error.context:
        yield from leaves(branch)

errors = [
    {"path": "/".join(str(part) for part in leaf.absolute_path), "keyword": leaf.validator}
    for error in validator_class(schema).iter_errors(document)
    for leaf in leaves(error)
]
print(json.dumps({"validator": validator_class.__name__, "errors": errors}))
sys.exit(1 if errors else 0)
`;

interface Validation {
  code: number | null;
  validator: string | null;
  errors: { path: string; keyword: string }[];
}

interface RuleSetJson {
  positions: { indicators: { weight: unknown }[] }[];
  indicators: { measurement?: { expression?: { op?: string } } }[];
}

/** The schema and the built CEMA rule set, written to a fresh folder. */
function schemaAndRules(): { root: string; rules: RuleSetJson } {
  const root = workspace({});
  const schema = kpic(['schema'], root);
  expect(schema.code).toBe(0);
  writeFileSync(join(root, 'schema.json'), schema.stdout);

  const built = kpic(['build', join(REPO_ROOT, 'examples/cema/framework'), '--out', '.'], root);
  expect(built.code).toBe(0);
  const rules = JSON.parse(readFileSync(join(root, 'cema.rules.json'), 'utf8')) as RuleSetJson;
  return { root, rules };
}

function validate(root: string, document: string): Validation {
  const result = spawnSync('python3', ['-c', VALIDATE, 'schema.json', document], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.error, 'python3 did not start; run node scripts/system-tools.mjs').toBe(undefined);
  expect(result.stderr).toBe('');
  return { code: result.status, ...JSON.parse(result.stdout) };
}

describe('the rule-set schema, read by Python jsonschema', () => {
  test('python3 has the jsonschema package', () => {
    const result = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });

    expect(result.status, 'install python3-jsonschema: node scripts/system-tools.mjs').toBe(0);
  });

  test('accepts the CEMA rule set with the draft 2020-12 validator the schema names', () => {
    const { root } = schemaAndRules();
    const schema = JSON.parse(readFileSync(join(root, 'schema.json'), 'utf8'));
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');

    expect(validate(root, 'cema.rules.json')).toEqual({
      code: 0,
      validator: 'Draft202012Validator',
      errors: [],
    });
  });

  test('rejects a weight written as a JSON number instead of decimal text', () => {
    const { root, rules } = schemaAndRules();
    const weighted = rules.positions[0]?.indicators[0];
    if (!weighted) throw new Error('the CEMA rule set has no weighted indicator');
    weighted.weight = Number(weighted.weight);
    writeFileSync(join(root, 'broken.json'), JSON.stringify(rules));

    const result = validate(root, 'broken.json');
    expect(result.code).toBe(1);
    expect(result.errors).toEqual([{ path: 'positions/0/indicators/0/weight', keyword: 'type' }]);
  });

  test('rejects a formula node with an operation the format does not have', () => {
    const { root, rules } = schemaAndRules();
    const at = rules.indicators.findIndex((item) => item.measurement?.expression?.op === '/');
    const expression = rules.indicators[at]?.measurement?.expression;
    if (!expression) throw new Error('the CEMA rule set has no division');
    expression.op = '%';
    writeFileSync(join(root, 'broken.json'), JSON.stringify(rules));

    const result = validate(root, 'broken.json');
    expect(result.code).toBe(1);
    expect(result.errors).toContainEqual({
      path: `indicators/${at}/measurement/expression/op`,
      keyword: 'enum',
    });
  });
});
