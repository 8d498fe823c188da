/**
 * `kpic schema`: print the JSON Schema of the rule set, derived from the same zod schema that
 * validates every rule set kpic writes, for consumers in other languages.
 */
import { ruleSetJsonSchema } from '@kpilang/rule-set';
import { EXIT, type CliIo } from '../io.js';

/** Prints the schema on stdout as two-space JSON; always succeeds. */
export function schemaCommand(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(ruleSetJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}
