/**
 * Reading, writing and describing rule sets: parse and validate one, serialise one to its
 * canonical bytes, and derive the JSON Schema for consumers in other languages.
 */
import { z } from 'zod';
import { RuleSetSchema, type RuleSet } from './rule-set-schema.js';

/**
 * Validates a rule set. `json` is either the JSON text or the value it parses to. Returns the
 * rule set with its keys in schema order; throws a `SyntaxError` for text that is not JSON and
 * a `z.ZodError` (whose `issues` name each bad path) for a value that is not a valid rule set.
 */
export function parseRuleSet(json: unknown): RuleSet {
  const value: unknown = typeof json === 'string' ? JSON.parse(json) : json;
  return RuleSetSchema.parse(value);
}

/** Like `parseRuleSet` on a value, without throwing: zod's result object. */
export function safeParseRuleSet(value: unknown): z.ZodSafeParseResult<RuleSet> {
  return RuleSetSchema.safeParse(value);
}

/**
 * The canonical bytes of a rule set: JSON with two-space indentation and a final line feed.
 * The same rule set always gives the same text, which is what makes builds reproducible.
 */
export function serializeRuleSet(ruleSet: RuleSet): string {
  return `${JSON.stringify(ruleSet, null, 2)}\n`;
}

/**
 * The JSON Schema (draft 2020-12) of a rule set, derived from the zod schema so the two never
 * disagree. Shared parts (Decimal, Interval, Indicator ...) are under `$defs`. It uses only
 * core keywords (no `format`), so any draft 2020-12 validator checks it completely.
 */
export function ruleSetJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(RuleSetSchema, { target: 'draft-2020-12', io: 'output' });
}
