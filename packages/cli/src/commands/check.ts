/**
 * `kpic check <paths...>`: report every diagnostic of the framework on stdout, as text or
 * JSON. Exit 0 without errors, 1 with errors, 2 when a path or file cannot be used.
 */
import {
  compilePaths,
  hasError,
  printDiagnostics,
  reportProblems,
  type OutputFormat,
} from '../compile-paths.js';
import { EXIT, type CliIo } from '../io.js';

export interface CheckOptions {
  format: OutputFormat;
}

/** Runs the check; returns the exit code. Writes diagnostics to stdout, problems to stderr. */
export async function checkCommand(
  paths: readonly string[],
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const compiled = await compilePaths(paths, io.cwd);
  if (!compiled.ok) return reportProblems(compiled.problems, io);

  printDiagnostics(compiled, options.format, io.stdout);
  return hasError(compiled.diagnostics) ? EXIT.errors : EXIT.ok;
}
