/**
 * @kpilang/core: the kpilang language. Read a framework's files, parse them, resolve and
 * check them. Emitting the JSON rule set is the second entry point, `@kpilang/core/emit`
 * (`emit-entry.ts`), so that checking never loads the rule-set schema. Nothing here does IO
 * beyond what the caller passes in, and nothing throws on user input: problems come back as
 * diagnostics.
 */
export * from './syntax/ast.js';
export * from './syntax/source.js';
export { decodeSource } from './syntax/decode.js';
export { parseSource, type ParseResult } from './syntax/parse.js';
export { IncrementalParser } from './syntax/incremental.js';
export { KEYWORD_TEXTS } from './syntax/tokens.js';
export * from './diagnostics/diagnostic.js';
export { CODES, ALL_CODES, type Code } from './diagnostics/codes.js';
export type * as model from './semantics/model.js';
export { checkFiles, type CheckResult } from './semantics/check.js';
export * as vocabulary from './semantics/words.js';
export { BUILTIN_UNITS } from './semantics/units.js';
export { decimalWritten, describeInterval, valueWriter } from './semantics/describe.js';
export { toBilingual } from './semantics/convert.js';
export {
  checkSources,
  compareSources,
  type CheckedSources,
  type CheckOptions,
  type SourceInput,
} from './check-sources.js';
export * as decimal from './util/decimal.js';
export { COMPILER_VERSION } from './version.js';
