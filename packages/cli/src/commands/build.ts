/**
 * `kpic build <paths...> [--out <dir>]`: check the framework and, when there is no error,
 * write `<dir>/<framework-id>.rules.json` atomically. Diagnostics go to stderr, so stdout
 * holds only what was written. With any error nothing is written.
 */
import { resolve } from 'node:path';
// The emitter comes by its own entry point, so that `kpic check` (which loads the core's
// main entry) never loads the rule-set schema.
import { emitRuleSet } from '@kpilang/core/emit';
import { serializeRuleSet } from '@kpilang/rule-set';
import {
  compilePaths,
  hasError,
  printDiagnostics,
  reportProblems,
  type OutputFormat,
} from '../compile-paths.js';
import { describeFsError } from '../fs-errors.js';
import { EXIT, type CliIo } from '../io.js';
import { toUri } from '../read-sources.js';
import { writeFileAtomic } from '../write-atomic.js';

export interface BuildOptions {
  format: OutputFormat;
  /** The output folder, relative to the working directory. */
  out: string;
}

/** Runs the build; returns the exit code (0 written, 1 errors, 2 path or write problem). */
export async function buildCommand(
  paths: readonly string[],
  options: BuildOptions,
  io: CliIo,
): Promise<number> {
  const compiled = await compilePaths(paths, io.cwd);
  if (!compiled.ok) return reportProblems(compiled.problems, io);

  printDiagnostics(compiled, options.format, io.stderr);
  if (hasError(compiled.diagnostics)) return EXIT.errors;

  const ruleSet = emitRuleSet(compiled.result.model, { sources: compiled.result.sources });
  const target = resolve(io.cwd, options.out, `${ruleSet.framework.id}.rules.json`);
  const written = toUri(target, io.cwd);
  try {
    await writeFileAtomic(target, serializeRuleSet(ruleSet));
  } catch (error) {
    return reportProblems([`cannot write '${written}': ${describeFsError(error)}.`], io);
  }

  if (options.format === 'json') io.stdout.write(`${JSON.stringify({ output: written })}\n`);
  else io.stdout.write(`Wrote ${written}\n`);
  return EXIT.ok;
}
