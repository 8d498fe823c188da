/**
 * @kpilang/core/emit: the emitting half of the compiler, a second entry point. Emitting needs
 * the rule-set schema (zod); keeping it out of the main entry lets `kpic check` and the editor
 * start without loading it.
 */
export { emitRuleSet, type EmitOptions } from './emit/emit.js';
export { compileSources, type CompileResult } from './compile.js';
