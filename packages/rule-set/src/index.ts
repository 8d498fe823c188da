/**
 * @kpilang/rule-set: the JSON rule set that kpic compiles a framework into. It holds the zod
 * schema, the TypeScript types inferred from it and the JSON Schema derived from it, and
 * depends on zod alone, so that renderers and runtimes can read rule sets without the parser.
 */
export * from './primitives.js';
export * from './expression-schema.js';
export * from './indicator-schema.js';
export * from './framework-schema.js';
export * from './position-schema.js';
export * from './rule-set-schema.js';
export * from './parse-rule-set.js';
